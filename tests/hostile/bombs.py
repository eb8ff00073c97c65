"""Hostile workbooks for the upload tests: a real answers XLSX whose sheet is replaced
by a generated one, written to the zip as it is generated (never whole in memory)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData>")
TAIL = b"</sheetData></worksheet>"


def _header_row(codes: list[str]) -> bytes:
    cells = "".join(f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{c}</t></is></c>'
                    for i, c in enumerate(["participant", "role", *codes]))
    return f'<row r="1">{cells}</row>'.encode()


def _rows(rows: int) -> Iterator[bytes]:
    # Identical rows without cell references (allowed), so they pack to almost nothing.
    row = (b'<row><c t="inlineStr"><is><t>Paola</t></is></c>'
           b'<c t="inlineStr"><is><t>CEO</t></is></c><c><v>3</v></c></row>')
    for _ in range(rows // 10_000):
        yield row * 10_000
    yield row * (rows % 10_000)


def _big_cell(size: int) -> Iterator[bytes]:
    yield b'<row r="2"><c r="A2" t="inlineStr"><is><t>'
    block = b"x" * (1024 * 1024)
    for _ in range(size // len(block)):
        yield block
    yield b"</t></is></c></row>"


def bomb(*, rows: int = 0, cell_bytes: int = 0, codes: tuple[str, ...] = ("STR01",)) -> bytes:
    """An XLSX with ``rows`` participant rows, or one cell of ``cell_bytes`` bytes."""
    template = io.BytesIO()
    wb = Workbook()
    wb.active.append(["participant", "role", *codes])
    wb.save(template)
    out = io.BytesIO()
    with zipfile.ZipFile(template) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            if info.filename != SHEET:
                dst.writestr(info, src.read(info.filename))
        with dst.open(SHEET, "w", force_zip64=True) as sheet:
            sheet.write(HEAD + _header_row(list(codes)))
            for part in (_big_cell(cell_bytes) if cell_bytes else _rows(rows)):
                sheet.write(part)
            sheet.write(TAIL)
    return out.getvalue()
