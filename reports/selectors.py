"""Reads of the reports app."""

from __future__ import annotations

from assessment.models import Assessment

from .models import ReportFile
from .services import report_fingerprint


def report_state(*, assessment: Assessment, language: str) -> dict:
    """The current report of an assessment in a language: status, or none yet."""
    report = (
        ReportFile.objects.filter(
            assessment=assessment, language=language,
            fingerprint=report_fingerprint(assessment=assessment, language=language),
        ).values("status", "error").first()
    )
    return {"language": language, "status": report["status"] if report else "none"}
