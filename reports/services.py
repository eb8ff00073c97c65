"""Writes of the reports app: requesting, making and storing PDF reports."""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
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

# A worker killed mid-report (OOM, deploy, lost machine) leaves the report "running" for
# ever. A render takes seconds; one not finished after this long is made again.
STALE_AFTER = timedelta(minutes=10)


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
    if created:
        transaction.on_commit(lambda: _enqueue(report_render, report.id))
    elif report.status == ReportFile.Status.FAILED or report_is_stale(report=report):
        report_requeue(report=report)
    return report


def report_is_stale(*, report: ReportFile, now: datetime | None = None) -> bool:
    """True when a waiting or running report's task can no longer finish it.

    That is: its task ended without finishing the report, has been running longer than
    STALE_AFTER (its worker died), or is gone and the report is older than STALE_AFTER.
    A task still waiting in the queue is not stale: it runs when a worker is free.
    """
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    if report.status not in (ReportFile.Status.PENDING, ReportFile.Status.RUNNING):
        return False
    cutoff = (now or timezone.now()) - STALE_AFTER
    try:
        task = DBTaskResult.objects.filter(id=report.task_id).values(
            "status", "started_at", "enqueued_at").first() if report.task_id else None
    except (ValidationError, ValueError):  # an id of another task backend
        task = None
    if task is None:
        return report.created_at < cutoff
    if task["status"] == TaskResultStatus.READY:
        return False
    if task["status"] == TaskResultStatus.RUNNING:
        return (task["started_at"] or task["enqueued_at"]) < cutoff
    return True  # the task finished, yet the report is not done: nothing will finish it


def report_requeue(*, report: ReportFile) -> bool:
    """Queues a failed or stale report again; False if another request already did."""
    from .tasks import report_render

    # Conditional on the state read, so two simultaneous requests queue it once.
    requeued = ReportFile.objects.filter(
        id=report.id, status=report.status, task_id=report.task_id,
    ).update(status=ReportFile.Status.PENDING, error="", task_id="")
    if requeued:
        report.status, report.error, report.task_id = ReportFile.Status.PENDING, "", ""
        transaction.on_commit(lambda: _enqueue(report_render, report.id))
    return bool(requeued)


def reports_requeue_stale() -> int:
    """Queues again every report whose worker died; the number queued (a periodic sweep)."""
    waiting = ReportFile.objects.defer("pdf").filter(
        status__in=[ReportFile.Status.PENDING, ReportFile.Status.RUNNING])
    return sum(report_requeue(report=r) for r in waiting if report_is_stale(report=r))


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
