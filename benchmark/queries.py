"""Reads for the benchmark dashboard and its exports: only the columns needed.

The score aggregates of the dashboard are read in one pass (``benchmark.scores``);
the number of queries is fixed, whatever the number of companies.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pandas as pd
from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import ExtractYear
from django.utils import timezone

from assessment.models import Assessment, Dimension, Questionnaire
from assessment.rescoring import stored_levels
from assessment.selectors import questionnaire_spec
from benchmark import health
from benchmark import maths as dashboard
from benchmark.forms import LATEST, BenchmarkFilters, FilterChoices
from benchmark.scores import dimension_value, score_aggregates
from reports.models import ReferenceDistribution


def company_filtered(qs: QuerySet, filters: BenchmarkFilters, *, via: str = "") -> QuerySet:
    """``qs`` narrowed by the filters that describe the company and the version.

    ``via``: the path from ``qs``'s model to the assessment ("" for assessments,
    "assessment__" for respondents). The wave is not among them: only scored
    assessments have one (``benchmark_queryset``).
    """
    lookups = {"company__sector": filters.sector, "company__size": filters.size,
               "company__country": filters.country,
               "questionnaire__version": filters.questionnaire,
               "created_at__year": filters.year}
    return qs.filter(**{via + lookup: value for lookup, value in lookups.items() if value})


def benchmark_queryset(*, filters: BenchmarkFilters) -> QuerySet:
    """Scored assessments matching the filters; ``wave`` is stored (``assessment.waves``)."""
    qs = company_filtered(Assessment.objects.filter(scored_at__isnull=False).order_by(),
                          filters)
    if filters.wave == LATEST:
        later = Assessment.objects.filter(company_id=OuterRef("company_id"),
                                          wave__gt=OuterRef("wave"))
        qs = qs.filter(~Exists(later))
    elif isinstance(filters.wave, int):
        qs = qs.filter(wave=filters.wave)
    return qs


def dimensions_for(*, version: str) -> list[tuple[str, str]]:
    """(code, name) of the dimensions of a version, or of the current one (one query)."""
    qs = Dimension.objects.order_by("order")
    if version:
        qs = qs.filter(questionnaire__version=version)
    else:
        current = Questionnaire.objects.published().order_by("-published_at", "-id")[:1]
        qs = qs.filter(questionnaire__in=Subquery(current.values("id")))
    return [(d.code, d.name) for d in qs.only("code", "name", "questionnaire_id")]


def filter_choices() -> FilterChoices:
    """Questionnaire versions, and the countries, years and waves present (two queries)."""
    versions = list(Questionnaire.objects.order_by("-published_at", "-id")
                    .values_list("version", flat=True))
    present = list(Assessment.objects.filter(scored_at__isnull=False).order_by()
                   .values_list("company__country", ExtractYear("created_at"), "wave")
                   .distinct())
    return FilterChoices(
        versions=versions,
        countries=sorted({str(c) for c, _y, _w in present}),
        years=sorted({y for _c, y, _w in present if y is not None}, reverse=True),
        waves=sorted({w for _c, _y, w in present if w is not None}),
    )


def benchmark_data(*, filters: BenchmarkFilters,
                   dimensions: Sequence[str]) -> dashboard.Dashboard:
    """The dashboard for these filters: two queries, whatever the number of companies.

    1 the reference distribution; 2 every score aggregate of the selection in one
    pass (``benchmark.scores``): percentiles, means and counts, means by sector,
    counts and sums by wave and cluster (the cluster counts too).
    """
    dims = list(dimensions)
    reference = reference_current()
    scores = score_aggregates(benchmark_queryset(filters=filters), dims)
    # Trends follow every filter, the wave too: a single wave is a single point.
    trends = scores.trends
    # Assessments per cluster: the same counts, summed over the waves.
    clusters = trends.groupby("cluster")["n"].sum().to_dict() if len(trends) else {}
    return dashboard.dashboard_build(
        dimensions=dims, companies=scores.companies, assessments=scores.assessments,
        cluster_counts=clusters, percentiles=scores.percentiles, means=scores.means,
        sectors=scores.sectors, trends=trends, reference=(reference or {}).get("shares"),
    )


EXPORT_HEAD = ["company", "sector", "size", "country", "questionnaire", "date", "year", "wave"]


def export_header(dimensions: Sequence[str]) -> list[str]:
    return [*EXPORT_HEAD, *dimensions, "overall", "cluster"]


def export_rows(*, filters: BenchmarkFilters, dimensions: Sequence[str],
                chunk_size: int = 2000) -> Iterator[tuple]:
    """One tuple per assessment, in ``export_header`` order, streamed in chunks."""
    qs = (
        benchmark_queryset(filters=filters)
        .annotate(year=ExtractYear("created_at"),
                  **{f"d_{d}": dimension_value(d) for d in dimensions})
        .order_by("company__name", "company_id", "created_at", "id")
        .values_list("company__name", "company__sector", "company__size", "company__country",
                     "questionnaire__version", "created_at", "year", "wave",
                     *[f"d_{d}" for d in dimensions], "overall", "cluster")
    )
    for row in qs.iterator(chunk_size=chunk_size):
        yield (*row[:5], timezone.localdate(row[5]).isoformat(), *row[6:])


def peers_frame(*, questionnaire: Questionnaire, exclude_company: int | None) -> pd.DataFrame:
    """The latest scored assessment of every other company on this questionnaire version."""
    rows = (
        Assessment.objects.filter(questionnaire=questionnaire, scored_at__isnull=False)
        .exclude(company_id=exclude_company)
        .order_by("company_id", "-created_at")
        .values_list("company_id", "company__sector", "company__size", "overall", "cluster",
                     "scores")
    )
    frame = pd.DataFrame(list(rows), columns=["company", "sector", "size", "overall", "cluster",
                                              "scores"])
    frame = frame.drop_duplicates("company")
    scores = pd.DataFrame(list(frame["scores"]), index=frame.index)
    return pd.concat([frame.drop(columns="scores"), scores], axis=1)


def reference_current() -> dict[str, Any] | None:
    ref = ReferenceDistribution.objects.filter(shares__isnull=False).order_by("-edition").first()
    if ref is None:
        return None
    return {"code": ref.code, "edition": ref.edition, "name": ref.name, "source": ref.source,
            "shares": ref.shares, "facts": ref.facts}


def method_health_data(*, filters: BenchmarkFilters) -> tuple[Questionnaire | None,
                                                               health.MethodHealth | None]:
    """The method health of one questionnaire version (the filter's, else the current one)
    over the filtered assessments. Seven queries, whatever the number of companies:

    1 the version; 2-3 its scoring spec; 4 the levels packed in the results (three
    more when some results were stored without them); 5 companies; 6 clusters and
    borderline results; 7 reference distribution.
    """
    versions = Questionnaire.objects.published().order_by("-published_at", "-id")
    if filters.questionnaire:
        versions = Questionnaire.objects.filter(version=filters.questionnaire)
    questionnaire = versions.first()
    if questionnaire is None:
        return None, None
    spec = questionnaire_spec(questionnaire=questionnaire)
    qs = benchmark_queryset(filters=filters).filter(questionnaire=questionnaire)
    levels = stored_levels(questionnaire, qs, spec)
    companies = qs.aggregate(n=Count("company_id", distinct=True))["n"]
    near = Q(result__borderline__up__steps=1) | Q(result__borderline__down__steps=1)
    rows = qs.values("cluster").annotate(n=Count("id"), near=Count("id", filter=near))
    clusters = {r["cluster"]: r["n"] for r in rows}
    reference = reference_current()
    return questionnaire, health.method_health(
        levels=levels,
        questions=[(q.code, q.dimension) for q in spec.scored], dimensions=spec.dimensions,
        companies=companies, cluster_counts=clusters,
        borderline=sum(r["near"] for r in rows),
        reference=(reference or {}).get("shares"))
