"""Every CSV and XLSX the product writes goes through here, so no text becomes a formula.

A spreadsheet treats a cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (or
their full-width forms, or a tab or carriage return before them) as a formula: a
company name typed by anyone could then run in the admin's Excel. As OWASP's
CSV-injection guidance advises, such text is written with a leading apostrophe,
which shows it as typed; numbers, dates and empty cells are written unchanged, and
XLSX text cells are always strings, never formulas.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

# The first characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = frozenset("=+-@\t\r\n" "\uff1d\uff0b\uff0d\uff20")
PLAIN_TYPES = (bool, int, float, Decimal, date, datetime)


def safe_text(text: str) -> str:
    """``text`` as a spreadsheet shows it as typed: formula-like text gets a leading ``'``."""
    return "'" + text if text[:1] in FORMULA_STARTS else text


def safe_cell(value: Any) -> Any:
    """A cell's value, safe to write: numbers, dates and None as they are, the rest as
    neutralised text."""
    if value is None or isinstance(value, PLAIN_TYPES):
        return value
    return safe_text(str(value))


class _Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The CSV file as an iterator of lines (header first), for a streaming response."""
    writer = csv.writer(_Echo())
    yield writer.writerow([safe_cell(v) for v in header])
    for row in rows:
        yield writer.writerow([safe_cell(v) for v in row])


def _cells(sheet, values: Sequence[Any]) -> list[WriteOnlyCell]:
    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value=safe_cell(value))
        if isinstance(cell.value, str):
            cell.data_type = "s"  # a string, whatever it starts with
        cells.append(cell)
    return cells


def xlsx_write(sheets: Mapping[str, tuple[Sequence[Any], Iterable[Sequence[Any]]]],
               out: IO[bytes]) -> None:
    """Writes a workbook of ``{sheet name: (header, rows)}`` with openpyxl's write-only mode
    (rows go to disk as they come)."""
    wb = Workbook(write_only=True)
    for name, (header, rows) in sheets.items():
        sheet = wb.create_sheet(name)
        sheet.append(_cells(sheet, header))
        for row in rows:
            sheet.append(_cells(sheet, row))
    wb.save(out)
