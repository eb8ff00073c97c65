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
from django.utils.translation import ngettext

from assessment.choices import Sector, label_of
from assessment.clusters import cluster_name
from assessment.scoring.engine import CLUSTERS
from benchmark.export import (
    CONTENT_TYPES,
    FORMATS,
    labelled_csv_lines,
    labelled_header,
    xlsx_file,
)
from benchmark.forms import BenchmarkFilterForm, BenchmarkFilters
from benchmark.funnel import funnel_data
from benchmark.health import LEVELS, MethodHealth
from benchmark.maths import DECIMALS, PERCENTILE_LABELS, Dashboard
from benchmark.peers import MIN_PEERS
from benchmark.queries import (
    benchmark_data,
    dimensions_for,
    export_header,
    export_rows,
    filter_choices,
    method_health_data,
)
from charts import figures as charts

EXPORT_PERMISSION = "assessment.view_assessment"


def _filters(request: HttpRequest) -> tuple[BenchmarkFilterForm, BenchmarkFilters | None]:
    """The bound filter form and its filters, None when the form is invalid (two queries)."""
    form = BenchmarkFilterForm(request.GET or None, choices=filter_choices())
    if not request.GET:
        return form, BenchmarkFilters()
    return form, form.filters() if form.is_valid() else None


def _json(fig) -> dict:
    return json.loads(fig.to_json())


def _num(value: float | None) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def _fewer_than() -> str:
    return ngettext("fewer than %(k)d company", "fewer than %(k)d companies",
                    MIN_PEERS) % {"k": MIN_PEERS}


def _clusters_figure(board: Dashboard) -> dict | None:
    """The selection's shares beside the reference; a hidden selection draws no bars."""
    if board.shares is None and not board.reference:
        return None
    ref = board.reference
    return _json(charts.cluster_distribution(
        labels=[cluster_name(c) for c in CLUSTERS],
        shares=[board.shares[c] for c in CLUSTERS] if board.shares else None,
        name=_("Selection"), compare=[ref[c] for c in CLUSTERS] if ref else None,
        compare_name=_("Published reference"), decimals=DECIMALS, bar_text=False,
        hidden_note=_("Selection not shown: %(few)s") % {"few": _fewer_than()}))


def _trend_figures(board: Dashboard, names: dict[str, str]) -> dict[str, Any]:
    """Cluster shares and dimension means per wave; hidden waves shaded and labelled."""
    trends = board.trends
    if len(trends.companies) - len(trends.masked) < 1:
        return {}
    waves = [str(w) for w in trends.shares.index]
    common = {"waves": waves, "hidden": [str(w) for w in trends.masked],
              "hidden_note": _fewer_than(), "decimals": DECIMALS}
    return {
        "trend_shares": _json(charts.trend_lines(
            series={cluster_name(c): [_num(v) for v in trends.shares[c]] for c in CLUSTERS},
            suffix="%", **common)),
        "trend_means": _json(charts.trend_lines(
            series={names.get(d, _("Overall")): [_num(v) for v in trends.means[d]]
                    for d in [*board.dimensions, "overall"]}, **common)),
    }


def _figures(board: Dashboard, names: dict[str, str]) -> dict[str, Any]:
    figures: dict[str, Any] = {"clusters": _clusters_figure(board)}
    if board.enough:
        dims = [*board.dimensions, "overall"]
        figures["boxes"] = _json(charts.score_boxes(
            [names.get(d, _("Overall")) for d in dims],
            [board.percentiles.loc[d].tolist() for d in dims]))
    if not board.sectors.empty and board.sectors.notna().any().any():
        sectors = [s for s in board.sectors.index if s not in board.sectors_masked]
        figures["sectors"] = _json(charts.heatmap(
            [label_of(Sector, s) for s in sectors], [names[d] for d in board.dimensions],
            [[_num(v) for v in board.sectors.loc[s].tolist()] for s in sectors]))
    return {**figures, **_trend_figures(board, names)}


def _percentile_rows(board: Dashboard, names: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {"name": names.get(d, _("Overall")),
         "values": [_num(board.percentiles.loc[d, p]) for p in PERCENTILE_LABELS],
         "mean": _num(board.means.get(d))}
        for d in [*board.dimensions, "overall"]
    ]


def _cluster_rows(board: Dashboard) -> list[dict[str, Any]]:
    """Per cluster: assessments, their share (from those counts) and the reference share."""
    return [{"name": cluster_name(c),
             "count": board.counts[c] if board.counts else None,
             "share": board.shares[c] if board.shares else None,
             "reference": board.reference[c] if board.reference else None}
            for c in CLUSTERS]


def _wave_rows(board: Dashboard) -> list[dict[str, Any]]:
    """Per wave: companies, overall mean and cluster shares; hidden waves show no figure."""
    trends = board.trends
    return [{"wave": w, "hidden": w in trends.masked, "companies": int(trends.companies[w]),
             "overall": _num(trends.means.loc[w, "overall"]),
             "shares": [_num(trends.shares.loc[w, c]) for c in CLUSTERS]}
            for w in trends.companies.index]


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
        percentile_rows=_percentile_rows(board, names), cluster_rows=_cluster_rows(board),
        cluster_names=[cluster_name(c) for c in CLUSTERS], wave_rows=_wave_rows(board),
        fewer_than=_fewer_than(), min_peers=MIN_PEERS,
        masked_sectors=[label_of(Sector, s) for s in board.sectors_masked],
        query=request.GET.urlencode(),
        can_export=request.user.has_perm(EXPORT_PERMISSION),
        funnel=funnel_data(filters=filters, steps=list(names.values())),
    )
    return render(request, "benchmark/dashboard.html", context)


def _health_figure(health: MethodHealth, texts: dict[str, str]) -> dict | None:
    questions = [q for d in health.dimensions for q in d.questions]
    if not questions:
        return None
    return _json(charts.level_shares(
        labels=[f"{i}. {_short(texts.get(q.code, ''))}" for i, q in enumerate(questions, 1)],
        shares=[q.levels for q in questions],
        level_names=[_("level %(n)s") % {"n": n} for n in LEVELS]))


def _short(text: str, size: int = 48) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def method_health(request: HttpRequest) -> HttpResponse:
    """How well each question and dimension of a questionnaire version measures."""
    form, filters = _filters(request)
    context: dict[str, Any] = {**admin.site.each_context(request), "form": form,
                               "title": _("Method health"), "health": None}
    if filters is None:
        return render(request, "benchmark/method_health.html", context, status=400)
    questionnaire, health = method_health_data(filters=filters)
    if health is not None:
        texts = dict(questionnaire.questions.values_list("code", "text"))
        names = dict(questionnaire.dimensions.values_list("code", "name"))
        dimensions = [{"name": names.get(d.code, ""), "alpha": d.alpha, "questions": [
            {**q.__dict__, "text": texts.get(q.code, "")} for q in d.questions]}
            for d in health.dimensions]
        context.update(
            questionnaire=questionnaire, health=health, dimensions=dimensions,
            flagged=[q for d in dimensions for q in d["questions"] if q["flat"] or q["negative"]],
            figure=_health_figure(health, texts),
            cluster_rows=[{"name": cluster_name(c), "share": (health.shares or {}).get(c),
                           "reference": (health.reference or {}).get(c)} for c in CLUSTERS])
    return render(request, "benchmark/method_health.html", context)


def benchmark_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The filtered rows (one per assessment) as CSV or XLSX, streamed."""
    if fmt not in FORMATS:
        raise Http404
    # Row-level data names companies: only for users who may see assessments.
    if not request.user.has_perm(EXPORT_PERMISSION):
        raise PermissionDenied
    form, filters = _filters(request)
    if filters is None:
        return HttpResponse(form.error_line(), status=400, content_type="text/plain; charset=utf-8")
    dims = dimensions_for(version=filters.questionnaire)
    codes = [code for code, _name in dims]
    header, rows = export_header(codes), export_rows(filters=filters, dimensions=codes)
    labels = labelled_header([name for _code, name in dims])
    name = f"benchmark-{timezone.localdate():%Y%m%d}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(labelled_csv_lines(labels, rows),
                                         content_type=CONTENT_TYPES["csv"])
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return FileResponse(xlsx_file(header, rows, labels=labels), as_attachment=True,
                        filename=name, content_type=CONTENT_TYPES["xlsx"])
