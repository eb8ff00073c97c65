"""Benchmark exports, CSV and XLSX, written row by row so memory stays flat."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from openpyxl import Workbook

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class _Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value: str) -> str:
        return value


def _cell(value: Any) -> Any:
    return round(value, 1) if isinstance(value, float) else value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The CSV file as an iterator of lines (header first), for a streaming response."""
    writer = csv.writer(_Echo())
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow([_cell(v) for v in row])


def xlsx_write(header: Sequence[str], rows: Iterable[Sequence[Any]], out: IO[bytes]) -> None:
    """Writes an XLSX workbook with openpyxl's write-only mode (rows go to disk as they come)."""
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("benchmark")
    sheet.append(list(header))
    for row in rows:
        sheet.append([_cell(v) for v in row])
    wb.save(out)


def xlsx_file(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> IO[bytes]:
    """The XLSX workbook in a temporary file, rewound, ready to be streamed."""
    out = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the response that streams it
    xlsx_write(header, rows, out)
    out.seek(0)
    return out
