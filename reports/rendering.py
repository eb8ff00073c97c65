"""Drawing one report: its data, then its PDF, stored with its status (run by a task worker)."""

from __future__ import annotations

import logging

from django.utils import timezone, translation

from assessment.models import Assessment
from reports.document.builder import ReportData, build_report
from reports.document.inputs import inputs_for_assessment
from reports.document.pdf import ChartExportError, render_pdf
from reports.models import ReportFile

log = logging.getLogger(__name__)


def report_data(*, assessment: Assessment, language: str) -> ReportData:
    with translation.override(language):
        return build_report(inputs_for_assessment(assessment, language))


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
