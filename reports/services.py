"""Writes of the reports app: requesting, making and storing PDF reports."""

from __future__ import annotations

import hashlib
import json
import logging

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation

from assessment.models import Assessment
from assessment.workshop_selectors import workshop_stamp

from .builder import ReportData, build_report
from .inputs import inputs_for_assessment
from .models import ReportFile, RoadmapEdit
from .pdf import ChartExportError, render_pdf

log = logging.getLogger(__name__)


def report_fingerprint(*, assessment: Assessment, language: str) -> str:
    """Changes whenever anything the report shows changes (answers, content, plan)."""
    state = {
        "scored_at": assessment.scored_at.isoformat() if assessment.scored_at else None,
        "result": assessment.result,
        "content": assessment.questionnaire.content_rev,
        "language": language,
        # The consultant's roadmap edits and the participants' answers (divergence
        # appendix) are shown too, so they are part of the report's state.
        "roadmap": assessment.roadmap_rev,
        "workshop": workshop_stamp(assessment=assessment) if assessment.mode == "workshop"
        else None,
    }
    return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()


def report_data(*, assessment: Assessment, language: str) -> ReportData:
    with translation.override(language):
        return build_report(inputs_for_assessment(assessment, language))


def report_request(*, assessment: Assessment, language: str) -> ReportFile:
    """The current report of an assessment in a language, queued for making if needed."""
    from .tasks import report_render

    fingerprint = report_fingerprint(assessment=assessment, language=language)
    try:
        with transaction.atomic():
            report, created = ReportFile.objects.defer("pdf").get_or_create(
                assessment=assessment, language=language, fingerprint=fingerprint
            )
    except IntegrityError:  # a simultaneous request created it
        report, created = ReportFile.objects.defer("pdf").get(
            assessment=assessment, language=language, fingerprint=fingerprint), False
    if created or report.status == ReportFile.Status.FAILED:
        report.status, report.error = ReportFile.Status.PENDING, ""
        report.save(update_fields=["status", "error"])
        transaction.on_commit(lambda: _enqueue(report_render, report.id))
    return report


def _enqueue(task, report_id: int) -> None:
    result = task.enqueue(report_id)
    ReportFile.objects.filter(id=report_id, task_id="").update(task_id=str(result.id))


def report_make(*, report_id: int) -> None:
    """Builds and stores one report's PDF; a failure is recorded with a readable error."""
    report = ReportFile.objects.defer("pdf").select_related(
        "assessment__company", "assessment__questionnaire").get(id=report_id)
    if report.status == ReportFile.Status.DONE:
        return
    ReportFile.objects.filter(id=report_id).update(status=ReportFile.Status.RUNNING)
    try:
        pdf = render_pdf(report_data(assessment=report.assessment, language=report.language))
    except ChartExportError as exc:
        _failed(report_id, str(exc))
        raise
    except Exception as exc:
        log.exception("report %s failed", report_id)
        _failed(report_id, f"{exc.__class__.__name__}: {exc}"[:400])
        raise
    ReportFile.objects.filter(id=report_id).update(
        pdf=pdf, status=ReportFile.Status.DONE, finished_at=timezone.now(), error="")
    # Older versions of this report are stale now: drop their bytes.
    ReportFile.objects.filter(assessment_id=report.assessment_id, language=report.language,
                              ).exclude(id=report_id).delete()


def _failed(report_id: int, error: str) -> None:
    ReportFile.objects.filter(id=report_id).update(status=ReportFile.Status.FAILED, error=error)


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
                       dimension: str = "", phase: str = "", owner: str = "", due=None
                       ) -> RoadmapEdit:
    """Adds a library action (``action_code``) or a new one (``title``) to the plan."""
    if action_code:
        RoadmapEdit.objects.filter(assessment=assessment, action_code=action_code).delete()
    edit = RoadmapEdit(assessment=assessment, action_code=action_code, added=True,
                       title=title.strip(), dimension=dimension, phase=phase,
                       owner=owner.strip(), due=due)
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
