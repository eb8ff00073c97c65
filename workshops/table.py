"""Offline answers as a table (CSV or XLSX): reading, checking, and the blank template.

One row per participant: ``participant`` (name or e-mail), ``role`` (a role, by its
label in either language or its code), then one column per question code holding a
level 1-5 or ``dont_know``; an empty cell is "not answered". In a CSV, lines starting
with ``#`` are notes and are ignored (the template's instructions are such lines).
Every problem is reported with its row (as a spreadsheet numbers it: the header
is row 1) and column; a file with any problem is not used at all. Reading a file
within its size limits is ``workshops.reading``.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from assessment import spreadsheet
from assessment.scoring.engine import DONT_KNOW

FIXED = ("participant", "role")


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if not self.row:  # the file as a whole
            return self.message
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class ParsedRow:
    row: int
    participant: str
    role: str
    levels: dict[str, int | None] = field(default_factory=dict)


class TableRejected(ValueError):
    """The file has problems; nothing was imported."""

    def __init__(self, errors: list[RowError]):
        super().__init__("; ".join(map(str, errors[:5])))
        self.errors = errors


def _level(text: str) -> int | None | str:
    """A cell as a level, None for don't know, "" for empty; raises ValueError otherwise."""
    value = text.strip()
    if not value:
        return ""
    if value.lower() == DONT_KNOW:
        return None
    number = float(value)  # Excel gives "3.0" for a number cell
    if number != int(number) or not 1 <= number <= 5:
        raise ValueError(value)
    return int(number)


def parse_table(frame: pd.DataFrame, codes: Sequence[str], roles: Mapping[str, str]
                ) -> list[ParsedRow]:
    """Checks every cell; returns the rows or raises TableRejected with every problem.

    ``roles`` maps every accepted way of writing a role (lower case) to its code.
    """
    errors: list[RowError] = []
    columns = [str(c).strip() for c in frame.columns]
    for needed in FIXED:
        if needed not in columns:
            errors.append(RowError(1, needed, "missing column"))
    known = set(codes)
    for col in columns:
        if col not in FIXED and col not in known:
            errors.append(RowError(1, col, "unknown question code"))
    if len(set(columns)) != len(columns):
        errors.append(RowError(1, "", "a column appears twice"))
    if errors:
        raise TableRejected(errors)
    if frame.empty:
        raise TableRejected([RowError(2, "", "no participant rows")])
    frame = frame.set_axis(columns, axis=1)
    role_codes = {spelling.lower(): code for spelling, code in roles.items()}
    rows, seen = [], {}
    for i, record in enumerate(frame.to_dict("records"), start=2):
        who, role = str(record["participant"]).strip(), str(record["role"]).strip()
        if not who:
            errors.append(RowError(i, "participant", "empty: give a name or an e-mail"))
        elif len(who) > 120:
            errors.append(RowError(i, "participant", "longer than 120 characters"))
        elif who.lower() in seen:
            errors.append(RowError(i, "participant", f"already on row {seen[who.lower()]}"))
        else:
            seen[who.lower()] = i
        if role.lower() not in role_codes:
            errors.append(RowError(i, "role", f"unknown role {role[:40]!r}; use one of "
                                              + ", ".join(sorted(set(role_codes.values())))
                                              + " or their names (see the template)"))
        parsed = ParsedRow(i, who, role_codes.get(role.lower(), ""))
        for code in codes:
            if code not in record:
                continue
            try:
                level = _level(str(record[code]))
            except (ValueError, OverflowError):
                errors.append(RowError(i, code, f"{str(record[code])[:20]!r} is not a level "
                                                f"1-5 or {DONT_KNOW}"))
                continue
            if level != "":
                parsed.levels[code] = level  # type: ignore[assignment]
        rows.append(parsed)
    if errors:
        raise TableRejected(errors)
    return rows


def template_bytes(codes: Sequence[str], fmt: str, instructions: Sequence[Sequence[str]] = ()
                   ) -> bytes:
    """The blank template as CSV or XLSX with its instructions: ``#`` lines after the
    header of the CSV, an "instructions" sheet after the "answers" sheet of the XLSX.
    Written through ``assessment.spreadsheet`` (formula-like text neutralised)."""
    header = [*FIXED, *codes]
    if fmt == "csv":
        notes = "".join("# " + " · ".join(spreadsheet.safe_text(str(c)) for c in row if c != "")
                        + "\n" for row in instructions)
        return ("".join(spreadsheet.csv_lines(header, [])) + notes).encode("utf-8")
    sheets = {"answers": (header, [])}
    if instructions:
        sheets["instructions"] = (list(instructions[0]), [list(r) for r in instructions[1:]])
    out = io.BytesIO()
    spreadsheet.xlsx_write(sheets, out)
    return out.getvalue()
