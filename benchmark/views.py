"""The admin benchmarking dashboard and its exports (staff only, inside the admin site)."""

from __future__ import annotations

import json
import math
from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from assessment.choices import Sector
from assessment.clusters import cluster_name
from assessment.scoring.engine import CLUSTERS
from benchmark.export import CONTENT_TYPES, FORMATS, csv_lines, xlsx_file
from benchmark.forms import BenchmarkFilterForm, BenchmarkFilters
from benchmark.funnel import funnel_data
from benchmark.maths import PERCENTILE_LABELS, Dashboard
from benchmark.queries import (
    benchmark_data,
    dimensions_for,
    export_header,
    export_rows,
    filter_choices,
)
from charts import figures as charts

EXPORT_PERMISSION = "assessment.view_assessment"


def _filters(request: HttpRequest) -> tuple[BenchmarkFilterForm, BenchmarkFilters | None]:
    """The bound filter form and its filters, None when the form is invalid (two queries)."""
    versions, countries = filter_choices()
    form = BenchmarkFilterForm(request.GET or None, versions=versions,
                               countries_present=countries)
    if not request.GET:
        return form, BenchmarkFilters()
    return form, form.filters() if form.is_valid() else None


def _json(fig) -> dict:
    return json.loads(fig.to_json())


def _num(value: float | None) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def _figures(board: Dashboard, names: dict[str, str]) -> dict[str, Any]:
    labels = [cluster_name(c) for c in CLUSTERS]
    figures: dict[str, Any] = {}
    if board.shares is not None or board.reference:
        shares = board.shares or {c: 0.0 for c in CLUSTERS}
        ref = board.reference
        figures["clusters"] = _json(charts.cluster_distribution(
            labels=labels, shares=[shares[c] for c in CLUSTERS], name=_("Selection"),
            compare=[ref[c] for c in CLUSTERS] if ref else None,
            compare_name=_("Published reference")))
    if board.enough:
        dims = [*board.dimensions, "overall"]
        figures["boxes"] = _json(charts.score_boxes(
            [names.get(d, _("Overall")) for d in dims],
            [board.percentiles.loc[d].tolist() for d in dims]))
    if not board.sectors.empty and board.sectors.notna().any().any():
        sectors = [s for s in board.sectors.index if s not in board.sectors_masked]
        figures["sectors"] = _json(charts.heatmap(
            [str(Sector(s).label) if s in Sector.values else s for s in sectors],
            [names[d] for d in board.dimensions],
            [[_num(v) for v in board.sectors.loc[s].tolist()] for s in sectors]))
    trends = board.trends
    if len(trends.companies) - len(trends.masked) >= 1:
        waves = [str(w) for w in trends.shares.index]
        figures["trend_shares"] = _json(charts.trend_lines(
            waves=waves, series={cluster_name(c): [_num(v) for v in trends.shares[c]] for c in CLUSTERS},
            suffix="%"))
        figures["trend_means"] = _json(charts.trend_lines(
            waves=waves, series={names.get(d, _("Overall")): [_num(v) for v in trends.means[d]]
                    for d in [*board.dimensions, "overall"]}))
    return figures


def _percentile_rows(board: Dashboard, names: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {"name": names.get(d, _("Overall")),
         "values": [_num(board.percentiles.loc[d, p]) for p in PERCENTILE_LABELS],
         "mean": _num(board.means.get(d))}
        for d in [*board.dimensions, "overall"]
    ]


def benchmark_dashboard(request: HttpRequest) -> HttpResponse:
    """Benchmarks across companies; every figure rests on at least five companies."""
    form, filters = _filters(request)
    context: dict[str, Any] = {**admin.site.each_context(request), "form": form,
                               "title": _("Benchmark"), "board": None}
    if filters is None:
        return render(request, "benchmark/dashboard.html", context, status=400)
    dims = dimensions_for(version=filters.questionnaire)
    names = dict(dims)
    board = benchmark_data(filters=filters, dimensions=list(names))
    context.update(
        board=board, figures=_figures(board, names),
        percentile_rows=_percentile_rows(board, names),
        masked_sectors=[str(Sector(s).label) if s in Sector.values else s
                        for s in board.sectors_masked],
        query=request.GET.urlencode(),
        can_export=request.user.has_perm(EXPORT_PERMISSION),
        funnel=funnel_data(filters=filters, steps=list(names.values())),
    )
    return render(request, "benchmark/dashboard.html", context)


def benchmark_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The filtered rows (one per assessment) as CSV or XLSX, streamed."""
    if fmt not in FORMATS:
        raise Http404
    # Row-level data names companies: only for users who may see assessments.
    if not request.user.has_perm(EXPORT_PERMISSION):
        raise PermissionDenied
    form, filters = _filters(request)
    if filters is None:
        return HttpResponse(form.error_line(), status=400, content_type="text/plain")
    dims = [code for code, _name in dimensions_for(version=filters.questionnaire)]
    header, rows = export_header(dims), export_rows(filters=filters, dimensions=dims)
    name = f"benchmark-{timezone.localdate():%Y%m%d}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(csv_lines(header, rows),
                                         content_type=CONTENT_TYPES["csv"])
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return FileResponse(xlsx_file(header, rows), as_attachment=True, filename=name,
                        content_type=CONTENT_TYPES["xlsx"])
