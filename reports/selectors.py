"""Reads of the reports app: which stored report is the current one."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from django.conf import settings
from django.db.models import QuerySet

from assessment.choices import Mode
from assessment.models import Assessment
from assessment.selectors import workshop_stamp
from reports.models import KpiRecord, ReportFile


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
        "kpis": list(KpiRecord.objects.filter(assessment=assessment).order_by("kpi_id")
                     .values_list("kpi_id", "baseline", "target")),
        "workshop": workshop_stamp(assessment=assessment) if assessment.mode == Mode.WORKSHOP
        else None,
    }
    return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()


def current_reports(*, assessment: Assessment, language: str) -> QuerySet[ReportFile]:
    """The stored report that matches the assessment as it is now, in a language (0 or 1 row;
    the one lookup behind the status, the download and the pages' report card)."""
    return ReportFile.objects.filter(
        assessment=assessment, language=language,
        fingerprint=report_fingerprint(assessment=assessment, language=language))


def report_state(*, assessment: Assessment, language: str) -> dict:
    """The current report of an assessment in a language: status, or none yet."""
    report = current_reports(assessment=assessment, language=language).values(
        "status", "error").first()
    return {"language": language, "status": report["status"] if report else "none"}


def report_card(*, assessment: Assessment, language: str | None,
                urls: Callable[[str], dict[str, str]]) -> dict:
    """What the PDF card of a page shows and follows: the current report's state in
    ``language`` (the assessment's own when not one of ours) and the card's links for
    that language, ``urls(language)``: ``start``, ``status`` and ``download``."""
    if language not in {code for code, _name in settings.LANGUAGES}:
        language = assessment.language
    return {**report_state(assessment=assessment, language=language),
            **{f"{name}_url": url for name, url in urls(language).items()}}
