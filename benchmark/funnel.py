"""The survey's completion funnel: how far respondents get, per period of start.

The database counts, per quarter of start, the respondents who reached each
stage at least once: started (opened the questionnaire), each dimension page
(the furthest page they opened), the review, submitted. The median time to
complete runs from start to submission, over the submitted respondents only;
a submission dated before its start (data loaded from elsewhere) has no honest
time and is left out of the median. The whole selection's row adds up the
quarters' counts; its median is the database's too (medians do not add up).

Only self-assessments count (workshop participants answer on a consultant's
invitation, with other reasons to stop); respondents who started before pages were
recorded are counted apart, never guessed. Two queries: the counts (and on
PostgreSQL the medians) per quarter, then the whole selection's median; SQLite has
no median aggregate, so there the second query reads the submitted respondents'
two dates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import median
from typing import Any

from django.db import connection
from django.db.models import (
    Aggregate,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Q,
    QuerySet,
)
from django.db.models.functions import TruncQuarter
from django.utils import timezone
from django.utils.translation import gettext as _

from assessment.choices import Mode
from assessment.models import Respondent
from assessment.numbers import whole
from benchmark.forms import BenchmarkFilters
from benchmark.queries import company_filtered


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
        return whole(100 * self.submitted / self.started) if self.started else None


@dataclass(frozen=True)
class Funnel:
    steps: list[str]  # the dimension pages' names
    rows: list[FunnelRow] = field(default_factory=list)  # one per period, oldest first
    total: FunnelRow | None = None
    unrecorded: int = 0  # started before pages were recorded: left out


def quarter(moment: datetime) -> str:
    return _("%(year)s Q%(quarter)s") % {"year": moment.year,
                                          "quarter": (moment.month - 1) // 3 + 1}


def minutes(duration: timedelta | None) -> int | None:
    return whole(duration.total_seconds() / 60) if duration is not None else None


def funnel_total(rows: Sequence[FunnelRow], median_minutes: int | None) -> FunnelRow | None:
    """The whole selection: the sum of the periods' counts, and its own median."""
    if not rows:
        return None
    return FunnelRow(period=_("All"), started=sum(r.started for r in rows),
                     pages=[sum(page) for page in zip(*(r.pages for r in rows))],
                     review=sum(r.review for r in rows),
                     submitted=sum(r.submitted for r in rows), median_minutes=median_minutes)


class MedianDuration(Aggregate):
    """PostgreSQL ``percentile_cont(0.5) WITHIN GROUP (ORDER BY interval)``."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


DURATION = ExpressionWrapper(F("submitted_at") - F("created_at"), output_field=DurationField())
TIMED = Q(submitted_at__isnull=False, submitted_at__gte=F("created_at"))


RECORDED = Q(furthest_step__isnull=False)


def _counts(steps: int) -> dict[str, Aggregate]:
    return {"started": Count("id", filter=RECORDED),
            "unrecorded": Count("id", filter=~RECORDED),
            "review": Count("id", filter=RECORDED & Q(reviewed_at__isnull=False)),
            "submitted": Count("id", filter=RECORDED & Q(submitted_at__isnull=False)),
            **{f"page{p}": Count("id", filter=Q(furthest_step__gte=p))
               for p in range(1, steps + 1)}}


def _medians_in_python(recorded: QuerySet) -> tuple[dict[datetime, int | None], int | None]:
    """SQLite: the medians per quarter and overall from the submitted respondents' dates."""
    by_period: dict[datetime, list[float]] = {}
    everyone: list[float] = []
    for period, started, submitted in (recorded.filter(TIMED)
                                       .annotate(period=TruncQuarter("created_at"))
                                       .values_list("period", "created_at", "submitted_at")):
        spent = (submitted - started).total_seconds() / 60
        by_period.setdefault(period, []).append(spent)
        everyone.append(spent)
    return ({p: whole(median(v)) for p, v in by_period.items()},
            whole(median(everyone)) if everyone else None)


def _row(period: datetime, counts: Mapping[str, Any], steps: int,
         median_minutes: int | None) -> FunnelRow:
    return FunnelRow(period=quarter(timezone.localtime(period) if timezone.is_aware(period)
                                    else period),
                     started=counts["started"],
                     pages=[counts[f"page{p}"] for p in range(1, steps + 1)],
                     review=counts["review"], submitted=counts["submitted"],
                     median_minutes=median_minutes)


def funnel_data(*, filters: BenchmarkFilters, steps: Sequence[str]) -> Funnel:
    """The funnel of the self-assessments matching the dashboard's filters.

    The wave filter does not apply: a wave is counted among scored assessments, and most
    respondents who stop never have one.
    """
    qs = company_filtered(
        Respondent.objects.filter(assessment__mode=Mode.SELF, is_consensus=False).order_by(),
        filters, via="assessment__")
    aggregates = _counts(len(steps))
    postgres = connection.vendor == "postgresql"
    if postgres:
        aggregates["median"] = MedianDuration(DURATION, filter=TIMED & RECORDED)
    grouped = list(qs.annotate(period=TruncQuarter("created_at")).values("period")
                   .annotate(**aggregates).order_by("period"))
    if postgres:
        medians = {g["period"]: minutes(g["median"]) for g in grouped}
        total_median = minutes(qs.aggregate(
            median=MedianDuration(DURATION, filter=TIMED & RECORDED))["median"])
    else:
        medians, total_median = _medians_in_python(qs.filter(RECORDED))
    rows = [_row(g["period"], g, len(steps), medians.get(g["period"]))
            for g in grouped if g["started"]]
    return Funnel(steps=list(steps), rows=rows, total=funnel_total(rows, total_median),
                  unrecorded=sum(g["unrecorded"] for g in grouped))
