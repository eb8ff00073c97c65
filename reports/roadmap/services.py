"""Writes of the roadmap editor: a consultant's edits of the generated plan."""

from __future__ import annotations

from typing import Any

from django.db.models import F

from assessment.models import Assessment
from reports.models import RoadmapEdit


def roadmap_row_save(*, assessment: Assessment, fields: dict[str, Any], action_code: str = "",
                     edit_id: int | None = None) -> RoadmapEdit:
    """Changes one action of the plan: a generated one by its ``action_code`` (its edit is
    made on the first change) or an added one by its ``edit_id``. Only the given
    ``fields`` change (``dropped`` drops it); the others keep their values. Raises
    RoadmapEdit.DoesNotExist for an edit id of another assessment."""
    if edit_id is not None:
        edit = RoadmapEdit.objects.get(assessment=assessment, id=edit_id)
    else:
        edit = (RoadmapEdit.objects.filter(assessment=assessment, action_code=action_code).first()
                or RoadmapEdit(assessment=assessment, action_code=action_code))
    for name, value in fields.items():
        setattr(edit, name, value.strip() if isinstance(value, str) else value)
    edit.full_clean()
    edit.save()
    _plan_changed(assessment)
    return edit


def roadmap_edit_restore(*, assessment: Assessment, edit_id: int) -> int:
    """Puts a dropped action back in the plan (its other changes stay)."""
    _plan_changed(assessment)
    return RoadmapEdit.objects.filter(assessment=assessment, id=edit_id).update(dropped=False)


def roadmap_action_add(*, assessment: Assessment, action_code: str = "", title: str = "",
                       description: str = "", dimension: str = "", question_code: str = "",
                       impact: int | None = None, effort: int | None = None, phase: str = "",
                       owner: str = "", due=None) -> RoadmapEdit:
    """Adds a library action (``action_code``) or a custom one (``title``, with its
    description, dimension, target question or impact, and effort) to the plan."""
    if action_code:
        RoadmapEdit.objects.filter(assessment=assessment, action_code=action_code).delete()
    edit = RoadmapEdit(assessment=assessment, action_code=action_code, added=True,
                       title=title.strip(), description=description.strip(),
                       dimension=dimension, question_code=question_code, impact=impact,
                       effort=effort, phase=phase, owner=owner.strip(), due=due)
    edit.full_clean()
    edit.save()
    _plan_changed(assessment)
    return edit


def roadmap_edits_reset(*, assessment: Assessment) -> int:
    """Back to the generated plan."""
    _plan_changed(assessment)
    return RoadmapEdit.objects.filter(assessment=assessment).delete()[0]


def _plan_changed(assessment: Assessment) -> None:
    Assessment.objects.filter(pk=assessment.pk).update(roadmap_rev=F("roadmap_rev") + 1)
    assessment.refresh_from_db(fields=["roadmap_rev"])
