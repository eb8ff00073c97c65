"""Benchmark exports, CSV and XLSX, written row by row so memory stays flat (through
``assessment.spreadsheet``, which keeps every text from becoming a formula)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from assessment import spreadsheet

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _cell(value: Any) -> Any:
    return round(value, 1) if isinstance(value, float) else value


def _rounded(rows: Iterable[Sequence[Any]]) -> Iterator[list[Any]]:
    for row in rows:
        yield [_cell(v) for v in row]


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The CSV file as an iterator of lines (header first), for a streaming response."""
    return spreadsheet.csv_lines(header, _rounded(rows))


def xlsx_write(header: Sequence[str], rows: Iterable[Sequence[Any]], out: IO[bytes]) -> None:
    """Writes an XLSX workbook with openpyxl's write-only mode (rows go to disk as they come)."""
    spreadsheet.xlsx_write({"benchmark": (header, _rounded(rows))}, out)


def xlsx_file(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> IO[bytes]:
    """The XLSX workbook in a temporary file, rewound, ready to be streamed."""
    out = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the response that streams it
    xlsx_write(header, rows, out)
    out.seek(0)
    return out
