"""Benchmark exports, CSV and XLSX, written row by row so memory stays flat,
through ``assessment.spreadsheet`` (no text ever becomes a formula).

Two layouts. ``export_benchmark`` (for scripts) keeps its documented columns
and machine codes (``queries.export_header``). The dashboard's downloads are
for people: labels in the active language, as the interface words them
(``labelled_header``, ``labelled_row``), with the codes kept beside them for
analysts (CSV: trailing code columns; XLSX: a second sheet, "codes").
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import IO, Any

from django.utils.translation import gettext as _
from django_countries import countries
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from assessment import spreadsheet
from assessment.choices import Sector, SizeBand, label_of
from assessment.clusters import cluster_name
from benchmark.maths import rounded

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# The code columns of a row (``queries.export_header`` order) that people read as labels.
SECTOR, SIZE, COUNTRY, DATE, CLUSTER = 1, 2, 3, 5, -1
CODE_COLUMNS = (("sector_code", SECTOR), ("size_code", SIZE), ("country_code", COUNTRY),
                ("cluster_code", CLUSTER))


def _cell(value: Any) -> Any:
    return rounded(value) if isinstance(value, float) else value


def labelled_header(dimension_names: Sequence[str]) -> list[str]:
    """The dashboard export's header in the active language."""
    return [_("Company"), _("Sector"), _("Size"), _("Country"), _("Questionnaire version"),
            _("Date"), _("Year"), _("Wave"), *dimension_names, _("Overall"), _("Cluster")]


def labelled_row(row: Sequence[Any]) -> list[Any]:
    """A row of ``queries.export_rows`` with labels for its codes and a real date."""
    out = list(row)
    out[SECTOR] = label_of(Sector, row[SECTOR])
    out[SIZE] = label_of(SizeBand, row[SIZE])
    out[COUNTRY] = countries.name(row[COUNTRY]) or row[COUNTRY]
    out[DATE] = date.fromisoformat(row[DATE])
    out[CLUSTER] = cluster_name(row[CLUSTER])
    return out


def _rounded(rows: Iterable[Sequence[Any]]) -> Iterator[list[Any]]:
    for row in rows:
        yield [_cell(v) for v in row]


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The CSV file as an iterator of lines (header first), for a streaming response."""
    return spreadsheet.csv_lines(header, _rounded(rows))


def labelled_csv_lines(labels: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The dashboard's CSV: labelled columns, then the codes (``sector_code``...)."""
    return csv_lines(
        [*labels, *(name for name, _i in CODE_COLUMNS)],
        ([*labelled_row(r), *(r[i] for _n, i in CODE_COLUMNS)] for r in rows))


@dataclass(frozen=True)
class _Sheet:
    """A write-only sheet with widths, a frozen bold header and number formats."""

    sheet: Any
    formats: dict[int, str]

    @classmethod
    def start(cls, *, wb: Workbook, title: str, header: Sequence[str],
              widths: Sequence[int], formats: dict[int, str]) -> _Sheet:
        sheet = wb.create_sheet(title)
        for i, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = width
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        cells = []
        for name in header:
            cell = WriteOnlyCell(sheet, value=spreadsheet.safe_cell(name))
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)
        return cls(sheet, formats)

    def append(self, row: Sequence[Any]) -> None:
        cells = []
        for i, value in enumerate(row):
            cell = WriteOnlyCell(self.sheet, value=spreadsheet.safe_cell(_cell(value)))
            if i in self.formats:
                cell.number_format = self.formats[i]
            cells.append(cell)
        self.sheet.append(cells)


def _layout(header: Sequence[str], dims: int) -> tuple[list[int], dict[int, str]]:
    """Column widths and number formats: text, date, year, wave, scores, overall, cluster."""
    widths = [32, 30, 24, 18, 14, 12, 8, 8, *[14] * dims, 10, 16]
    widths = [max(w, len(str(h)) + 2) for w, h in zip(widths, header)]
    formats = {DATE: "yyyy-mm-dd", 6: "0", 7: "0",
               **{8 + i: "0.0" for i in range(dims + 1)}}
    return widths, formats


def xlsx_write(header: Sequence[str], rows: Iterable[Sequence[Any]], out: IO[bytes], *,
               labels: Sequence[str] | None = None) -> None:
    """Writes an XLSX workbook with openpyxl's write-only mode (rows go to disk as they come).

    ``header``/``rows`` in codes go to the sheet "benchmark"; with ``labels`` (the
    dashboard) a labelled sheet "Benchmark" comes first and the codes go to "codes".
    """
    dims = len(header) - 10  # 8 columns before the dimensions, overall and cluster after
    wb = Workbook(write_only=True)
    sheets = []
    if labels is not None:
        widths, formats = _layout(labels, dims)
        sheets.append((_Sheet.start(wb=wb, title=_("Benchmark"), header=labels, widths=widths,
                                    formats=formats), labelled_row))
    widths, formats = _layout(header, dims)
    del formats[DATE]  # the codes sheet keeps the ISO date text of ``export_benchmark``
    title = "codes" if labels is not None else "benchmark"
    sheets.append((_Sheet.start(wb=wb, title=title, header=header, widths=widths,
                                formats=formats), list))
    for row in rows:
        for sheet, shape in sheets:
            sheet.append(shape(row))
    wb.save(out)


def xlsx_file(header: Sequence[str], rows: Iterable[Sequence[Any]], *,
              labels: Sequence[str] | None = None) -> IO[bytes]:
    """The XLSX workbook in a temporary file, rewound, ready to be streamed."""
    out = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the response that streams it
    xlsx_write(header, rows, out, labels=labels)
    out.seek(0)
    return out
