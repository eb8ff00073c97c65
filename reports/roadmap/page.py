"""The plain data of the consultant's roadmap editing page (read-only)."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from assessment.models import Assessment
from reports.document.builder import plan_rows
from reports.document.inputs import inputs_for_assessment
from reports.models import Phase

# What a consultant may change on an action of the plan: every field of an action they
# wrote themselves, where and when for the others.
CUSTOM_FIELDS = ("title", "description", "dimension", "question_code", "impact", "effort",
                 "phase", "owner", "due")
PLAN_FIELDS = ("title", "phase", "owner", "due")


def roadmap_context(*, assessment: Assessment, language: str) -> dict[str, Any]:
    """The edited plan's rows (each with the edit behind it and its form's initial values),
    the library, the dropped actions and the choices, with texts in ``language``."""
    with translation.override(language):
        inputs = inputs_for_assessment(assessment, language)
        rows = plan_rows(inputs)
        phases = [(code, str(label)) for code, label in Phase.choices]
    edits = {e["action_code"] or f"custom-{e['id']}": e for e in inputs.roadmap_edits}
    for row in rows:
        edit = edits.get(row["code"])
        row["edit_id"] = edit["id"] if edit and edit["added"] else None
        row["custom"] = row["code"].startswith("custom-")
        row["fields"] = CUSTOM_FIELDS if row["custom"] else PLAN_FIELDS
        row["initial"] = {
            "code": row["code"], "edit_id": row["edit_id"], "title": row["title"],
            "phase": row["phase"], "owner": row["owner"], "due": row["due"],
            **({"description": row["description"], "dimension": row["dimension_code"],
                "question_code": row["question_code"], "impact": row["impact"],
                "effort": row["effort"]} if row["custom"] else {}),
        }
    planned = {r["code"] for r in rows}
    return {
        "rows": rows,
        "dropped": [e for e in inputs.roadmap_edits if e["dropped"]],
        "library": [(code, title) for code, (title, _d) in sorted(inputs.action_texts.items())
                    if code not in planned],
        "choices": {
            "phases": phases,
            "dimensions": list(inputs.dimension_names.items()),
            "questions": [(q.code, f"{q.code} · {q.text}") for q in inputs.questions
                          if q.scored],
        },
        "codes": {a.code for a in inputs.actions},
    }
