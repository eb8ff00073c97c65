"""Writes of the roadmap editor: a consultant's edits of the generated plan."""

from __future__ import annotations

from django.db.models import F

from assessment.models import Assessment
from reports.models import RoadmapEdit


def roadmap_edit_save(*, assessment: Assessment, action_code: str, dropped: bool = False,
                      title: str = "", phase: str = "", owner: str = "", due=None
                      ) -> RoadmapEdit:
    """Drops or changes one action of the plan (or an added one); the report follows."""
    edit = RoadmapEdit.objects.filter(assessment=assessment, action_code=action_code).first() \
        if action_code else None
    edit = edit or RoadmapEdit(assessment=assessment, action_code=action_code)
    edit.dropped, edit.title, edit.phase, edit.owner, edit.due = (
        dropped, title.strip(), phase, owner.strip(), due)
    edit.full_clean()
    edit.save()
    _plan_changed(assessment)
    return edit


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


def roadmap_edit_delete(*, assessment: Assessment, edit_id: int) -> int:
    """Removes one edit (an added action goes, a changed one is as generated again)."""
    _plan_changed(assessment)
    return RoadmapEdit.objects.filter(assessment=assessment, id=edit_id).delete()[0]


def _plan_changed(assessment: Assessment) -> None:
    Assessment.objects.filter(pk=assessment.pk).update(roadmap_rev=F("roadmap_rev") + 1)
    assessment.refresh_from_db(fields=["roadmap_rev"])
