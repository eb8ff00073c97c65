"""The survey's completion funnel: how far respondents get, per period of start.

Plain maths over one row per respondent (``FunnelRecord``), and the one query that
reads those rows for the dashboard's filters. A respondent counts at a stage when
they reached it at least once: started (opened the questionnaire), each dimension
page (the furthest page they opened), the review, submitted. The median time to
complete runs from start to submission, over the submitted respondents only.

Only self-assessments count (workshop participants answer on a consultant's
invitation, with other reasons to stop); respondents who started before pages were
recorded are counted apart, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from statistics import median

from django.utils import timezone
from django.utils.translation import gettext as _

from assessment.choices import Mode
from assessment.models import Respondent
from benchmark.forms import BenchmarkFilters


@dataclass(frozen=True)
class FunnelRecord:
    started_at: datetime  # local time
    furthest_step: int
    reviewed: bool
    submitted_at: datetime | None


@dataclass(frozen=True)
class FunnelRow:
    period: str
    started: int
    pages: list[int]  # respondents reaching dimension page 1, 2, ...
    review: int
    submitted: int
    median_minutes: int | None  # start to submission, whole minutes

    @property
    def completion(self) -> int | None:
        """Submitted as a share of started, in whole per cent (from the two counts shown)."""
        return round(100 * self.submitted / self.started) if self.started else None


@dataclass(frozen=True)
class Funnel:
    steps: list[str]  # the dimension pages' names
    rows: list[FunnelRow] = field(default_factory=list)  # one per period, oldest first
    total: FunnelRow | None = None
    unrecorded: int = 0  # started before pages were recorded: left out


def quarter(moment: datetime) -> str:
    return _("%(year)s Q%(quarter)s") % {"year": moment.year,
                                          "quarter": (moment.month - 1) // 3 + 1}


def funnel_row(period: str, records: Sequence[FunnelRecord], steps: int) -> FunnelRow:
    done = [r for r in records if r.submitted_at is not None]
    # A submission dated before its start (data loaded from elsewhere) has no honest time.
    durations = [minutes for r in done
                 if (minutes := (r.submitted_at - r.started_at).total_seconds() / 60) >= 0]
    return FunnelRow(
        period=period,
        started=len(records),
        pages=[sum(r.furthest_step >= page for r in records) for page in range(1, steps + 1)],
        review=sum(r.reviewed for r in records),
        submitted=len(done),
        median_minutes=round(median(durations)) if durations else None,
    )


def funnel_table(records: Iterable[FunnelRecord], steps: Sequence[str], *,
                 unrecorded: int = 0) -> Funnel:
    """The funnel per quarter of start (oldest first) and over the whole selection."""
    records = sorted(records, key=lambda r: r.started_at)
    periods: dict[str, list[FunnelRecord]] = {}
    for record in records:
        periods.setdefault(quarter(record.started_at), []).append(record)
    return Funnel(
        steps=list(steps),
        rows=[funnel_row(period, rows, len(steps)) for period, rows in periods.items()],
        total=funnel_row(_("All"), records, len(steps)) if records else None,
        unrecorded=unrecorded,
    )


def funnel_data(*, filters: BenchmarkFilters, steps: Sequence[str]) -> Funnel:
    """The funnel of the self-assessments matching the dashboard's filters (one query).

    The wave filter does not apply: a wave is counted among scored assessments, and most
    respondents who stop never have one.
    """
    qs = Respondent.objects.filter(assessment__mode=Mode.SELF, is_consensus=False).order_by()
    if filters.sector:
        qs = qs.filter(assessment__company__sector=filters.sector)
    if filters.size:
        qs = qs.filter(assessment__company__size=filters.size)
    if filters.country:
        qs = qs.filter(assessment__company__country=filters.country)
    if filters.questionnaire:
        qs = qs.filter(assessment__questionnaire__version=filters.questionnaire)
    if filters.year:
        qs = qs.filter(created_at__year=filters.year)
    records, unrecorded = [], 0
    for started, furthest, reviewed, submitted in qs.values_list(
            "created_at", "furthest_step", "reviewed_at", "submitted_at"):
        if furthest is None:
            unrecorded += 1
            continue
        records.append(FunnelRecord(timezone.localtime(started), furthest,
                                    reviewed is not None, submitted))
    return funnel_table(records, steps, unrecorded=unrecorded)
