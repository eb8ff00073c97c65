"""Reads of the reports app: which stored report is the current one."""

from __future__ import annotations

import hashlib
import json
import statistics
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet

from assessment.choices import Mode
from assessment.models import Assessment
from assessment.numbers import whole
from assessment.selectors import workshop_stamp
from reports.brand import (
    ACCENT,
    BrandError,
    logo_checked,
    logo_data_uri,
    readable_on_white,
    text_on,
)
from reports.models import Brand, KpiRecord, ReportFile

# What the report card promises before any report was timed here, and how many of the
# latest reports its typical time is the median of.
TYPICAL_DEFAULT_SECONDS = 5
TYPICAL_SAMPLE = 20


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
        # The firm's name, logo and colour are on the cover.
        "brand": list(brands_for(owner_id=assessment.company.owner_id).values_list(
            "id", "updated_at")[:1]),
    }
    return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()


def brands_for(*, owner_id: int | None) -> QuerySet[Brand]:
    """The brand a report for a company of ``owner_id`` carries, first: the consultant's
    own, else the site's brand (self-assessments have no owner); empty for the product's
    own look."""
    mine = Q(owner_id=owner_id) if owner_id else Q(pk__in=[])
    return Brand.objects.filter(mine | Q(site_default=True)).order_by("site_default")


def report_brand(*, owner_id: int | None) -> dict[str, str] | None:
    """The brand as the report shows it: firm name, accent colour (``#rrggbb`` or empty)
    and logo as a data: URI (or empty). Checked again here, so that a row written past
    the forms never puts anything unsafe in the document."""
    brand = brands_for(owner_id=owner_id).first()
    if brand is None:
        return None
    logo = brand_logo_uri(brand=brand)
    accent = (brand.accent if ACCENT.fullmatch(brand.accent or "") else "").lower()
    return {"name": brand.firm_name, "logo": logo, "accent": accent,
            "accent_text": readable_on_white(accent) if accent else "",
            "on_accent": text_on(accent) if accent else ""}


def brand_logo_uri(*, brand: Brand) -> str:
    """The brand's logo as a data: URI, checked again; empty without a (valid) logo."""
    if not brand.logo:
        return ""
    data = bytes(brand.logo)
    try:
        return logo_data_uri(logo_checked(data).content_type, data)
    except BrandError:
        return ""


def typical_seconds(durations: Iterable[float], default: int = TYPICAL_DEFAULT_SECONDS) -> int:
    """The median of ``durations`` in whole seconds (at least 1); ``default`` without any."""
    found = [d for d in durations if d >= 0]
    if not found:
        return default
    return max(1, whole(statistics.median(found)) or 0)


def report_typical_seconds() -> int:
    """How long a report typically takes here, from request to finished PDF: the median
    of the latest finished ones."""
    rows = ReportFile.objects.filter(
        status=ReportFile.Status.DONE, finished_at__isnull=False,
    ).order_by("-finished_at").values_list("created_at", "finished_at")[:TYPICAL_SAMPLE]
    return typical_seconds((done - made).total_seconds() for made, done in rows)


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
    card: dict[str, Any] = report_state(assessment=assessment, language=language)
    if card["status"] != "done":
        card["typical_seconds"] = report_typical_seconds()
    return {**card,
            **{f"{name}_url": url for name, url in urls(language).items()}}
