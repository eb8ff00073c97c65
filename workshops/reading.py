"""An uploaded answers file as a table of text, read within limits.

A small file can unpack to gigabytes (an XLSX is a zip) or hold millions of rows, so
nothing is read whole before it is checked: the caller checks the file's size
before reading it (``check_size``); an XLSX's unpacked size is checked before it is
opened, then its rows are streamed (openpyxl's read-only mode) and reading stops at
the first row or column over the limit. A cell holding a formula is refused by row
and column, like any other cell that is not a level; a CSV must be UTF-8.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from workshops.table import RowError, TableRejected

MB = 1024 * 1024
SAVE_AS_UTF8 = "save it as “CSV UTF-8” (in Excel: File → Save as → CSV UTF-8) and try again"


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 5 * MB
    max_unpacked_bytes: int = 2 * MB
    max_rows: int = 500  # participant rows, below the header
    max_columns: int = 200


def _refuse(message: str, row: int = 0, column: str = "") -> TableRejected:
    return TableRejected([RowError(row, column, message)])


def _megabytes(n: int) -> str:
    return f"{n / MB:.0f} MB" if n >= MB else f"{n // 1024} KB"


def check_size(size: int, limits: Limits) -> None:
    """Refuses a file over the size limit; called before the file is read."""
    if size > limits.max_bytes:
        raise _refuse(f"the file is larger than {_megabytes(limits.max_bytes)}")


def read_table(name: str, data: bytes, limits: Limits) -> pd.DataFrame:
    """The file's cells as text (CSV by default, XLSX by its extension); raises
    TableRejected with a clear message when the file is over a limit or unreadable."""
    check_size(len(data), limits)
    frame = _read_xlsx(data, limits) if name.lower().endswith(".xlsx") else \
        _read_csv(data, limits)
    if len(frame.columns) > limits.max_columns:
        raise _refuse(f"more than {limits.max_columns} columns")
    if len(frame) > limits.max_rows:
        raise _refuse(f"more than {limits.max_rows} rows")
    return frame.fillna("")


def _text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        raise _refuse(f"the file is UTF-16 text: {SAVE_AS_UTF8}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise _refuse(f"the file is not UTF-8 text (Latin-1 or Windows, perhaps): "
                      f"{SAVE_AS_UTF8}", row=line) from None


def _read_csv(data: bytes, limits: Limits) -> pd.DataFrame:
    # Lines starting with # are notes (the template's instructions), not rows.
    text = "".join(line for line in _text(data).splitlines(keepends=True)
                   if not line.lstrip().startswith("#"))
    try:
        # One row more than allowed tells that there are too many.
        return pd.read_csv(io.StringIO(text), dtype=str, sep=None, engine="python",
                           nrows=limits.max_rows + 1)
    except Exception as exc:  # noqa: BLE001 - pandas fails in many ways
        raise _refuse(f"cannot read the file ({exc.__class__.__name__})") from None


def _check_unpacked(data: bytes, limits: Limits) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _refuse("cannot read the file (not an XLSX workbook)") from None
    # zipfile never inflates a member past its declared size, so this bounds the work;
    # it also bounds openpyxl's read-only mode, which scans a whole sheet that does not
    # declare its dimensions before giving its first row (a full 500-row template
    # unpacks to under 1 MB).
    if unpacked > limits.max_unpacked_bytes:
        raise _refuse(f"the workbook unpacks to more than "
                      f"{_megabytes(limits.max_unpacked_bytes)}: is it the answers "
                      f"template, with one sheet?")


def _cell_text(value: Any) -> str:
    return "" if value is None else str(value)


def _rows(data: bytes, limits: Limits) -> Iterator[tuple[int, tuple]]:
    """(row number, cells) of the first sheet, streamed; stops past the limits."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl fails in many ways
        raise _refuse(f"cannot read the file ({exc.__class__.__name__})") from None
    try:
        sheet = workbook.worksheets[0]
        filled = 0
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            filled += any(c.value is not None for c in cells)
            # Blank formatted rows below the table are common; past ten times the
            # limit the sheet is refused even if they are blank.
            if filled > limits.max_rows + 1 or number > 10 * (limits.max_rows + 1):
                raise _refuse(f"more than {limits.max_rows} rows")
            if len(cells) > limits.max_columns and any(
                    c.value is not None for c in cells[limits.max_columns:]):
                raise _refuse(f"more than {limits.max_columns} columns", row=number)
            yield number, cells[:limits.max_columns]
    finally:
        workbook.close()


def _read_xlsx(data: bytes, limits: Limits) -> pd.DataFrame:
    _check_unpacked(data, limits)
    header: list[str] = []
    records: list[list[str]] = []
    errors: list[RowError] = []
    try:
        for number, cells in _rows(data, limits):
            values = [_cell_text(c.value) for c in cells]
            if number == 1:
                header = [str(v) for v in values]
                while header and not header[-1]:
                    header.pop()
                continue
            for i, cell in enumerate(cells):
                if getattr(cell, "data_type", None) == "f":
                    column = header[i] if i < len(header) and header[i] else \
                        get_column_letter(i + 1)
                    errors.append(RowError(number, column, "holds a formula: type the value "
                                                           "itself (1-5 or dont_know)"))
            if any(values[len(header):]):
                errors.append(RowError(number, "", "a value to the right of the last "
                                                   "named column"))
            records.append((values + [""] * len(header))[:len(header)])
    except TableRejected:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged sheet fails in many ways
        raise _refuse(f"cannot read the file ({exc.__class__.__name__})") from None
    if errors:
        raise TableRejected(errors)
    while records and not any(records[-1]):
        records.pop()  # blank rows below the table
    return pd.DataFrame(records, columns=header)
