"""The plain data of the consultant's roadmap editing page (read-only)."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from assessment.models import Assessment
from reports.document.builder import plan_rows
from reports.document.inputs import inputs_for_assessment
from reports.models import Phase


def roadmap_context(*, assessment: Assessment, language: str) -> dict[str, Any]:
    """The edited plan's rows (each with the edit behind it), the library and the phases."""
    with translation.override(language):
        inputs = inputs_for_assessment(assessment, language)
        rows = plan_rows(inputs)
    edits = {e["action_code"] or f"custom-{e['id']}": e for e in inputs.roadmap_edits}
    for row in rows:
        edit = edits.get(row["code"])
        row["edit_id"] = edit["id"] if edit else None
    planned = {r["code"] for r in rows}
    return {
        "rows": rows,
        "dropped": [e for e in inputs.roadmap_edits if e["dropped"]],
        "library": [(code, title) for code, (title, _d) in sorted(inputs.action_texts.items())
                    if code not in planned],
        "phases": list(Phase.choices),
        "codes": {a.code for a in inputs.actions},
    }
