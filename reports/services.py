"""Writes of the reports app: requesting, making and storing PDF reports."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from assessment.models import Assessment
from reports.models import Brand, ReportFile
from reports.selectors import report_fingerprint
from reports.tasks import report_render

log = logging.getLogger(__name__)

# A worker killed mid-report (OOM, deploy, lost machine) leaves the report "running" for
# ever. A render takes seconds; one not finished after this long is made again.
STALE_AFTER = timedelta(minutes=10)


def report_request(*, assessment: Assessment, language: str) -> ReportFile:
    """The current report of an assessment in a language, queued for making if needed."""
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


def brand_save(*, brand: Brand) -> Brand:
    """Stores a firm's brand after the model's checks (name, colour, logo); a report made
    afterwards carries it (the brand is part of the report's fingerprint)."""
    brand.full_clean()
    brand.save()
    return brand
