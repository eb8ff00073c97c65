"""The report builder: one function turns plain inputs into every section's data.

HTML and PDF are two renderings of what ``build_report`` returns. Call it with
the report's language active (texts of the database rows are translated fields).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from assessment import clusters as cluster_texts
from assessment.choices import role_label
from assessment.scoring.engine import CLUSTERS, next_cluster
from benchmark import peers as benchmark
from charts import figures as charts
from reports.document import texts
from reports.document.checklist import build_checklist
from reports.document.divergence import divergence_appendix
from reports.document.inputs import ReportInputs
from reports.roadmap.edits import apply_edits
from reports.roadmap.plan import RoadmapItem, build_roadmap, by_phase

CORE_KPI_LIMIT = 5
KPI_LIMIT = 14


@dataclass
class ReportData:
    meta: dict[str, Any]
    summary: dict[str, Any]
    position: dict[str, Any]
    dimensions: list[dict[str, Any]]
    roadmap: list[dict[str, Any]]
    kpi_plan: list[dict[str, Any]]
    checklist: list[dict[str, Any]]
    completeness: dict[str, Any]
    progress: dict[str, Any] | None
    figures: dict[str, Any] = field(default_factory=dict)
    divergence: dict[str, Any] | None = None


def _target(inputs: ReportInputs, cluster: str) -> tuple[str | None, dict[str, float]]:
    nxt = next_cluster(cluster)
    if nxt is None:
        return None, dict.fromkeys(inputs.spec.dimensions, 100.0)
    return nxt, {d: float(v) for d, v in inputs.spec.profiles[nxt].items()}


def _roadmap_rows(inputs: ReportInputs, items: list[RoadmapItem], start: date
                  ) -> list[dict[str, Any]]:
    rows = []
    for phase, group in by_phase(items).items():
        for item in group:
            title, description = inputs.action_texts.get(item.action.code, (item.action.code, ""))
            rows.append({
                "code": item.action.code, "phase": phase, "phase_label": texts.PHASES[phase],
                "title": item.custom_title or title,
                "description": item.custom_description or description,
                "dimension": inputs.dimension_names.get(item.action.dimension, ""),
                "dimension_code": item.action.dimension,
                "question_code": item.action.question_code,
                "owner": role_label(item.owner),
                "due": item.notes.get("due") or start + timedelta(days=30 * item.due_months),
                "edited": bool(item.notes.get("edited")), "added": bool(item.notes.get("added")),
                "gap": item.gap, "impact": item.action.impact, "effort": item.action.effort,
                "priority": item.priority,
                "kpis": [inputs.kpis[k]["name"] for k in item.action.kpis if k in inputs.kpis],
            })
    return rows


def _kpi_plan(inputs: ReportInputs, items: list[RoadmapItem]) -> list[dict[str, Any]]:
    """KPIs of the chosen actions (in priority order), then the core CX KPIs."""
    owners: dict[str, str] = {}
    linked: dict[str, list[str]] = {}
    for item in items:
        for code in item.action.kpis:
            owners.setdefault(code, item.owner)
            linked.setdefault(code, []).append(item.action.code)
    core = [c for c, k in inputs.kpis.items() if k["core"]][:CORE_KPI_LIMIT]
    codes = list(dict.fromkeys([*linked, *core]))[:KPI_LIMIT]
    plan = []
    for code in codes:
        k = inputs.kpis.get(code)
        if k is None:
            continue
        plan.append({
            **k, "owner": role_label(owners.get(code, k["default_owner"])),
            "direction_label": texts.DIRECTIONS.get(k["direction"], k["direction"]),
            "target": texts.TARGETS.get(k["direction"], ""),
            "cadence_label": texts.CADENCES.get(k["cadence"], k["cadence"]),
            "baseline": None, "actions": linked.get(code, []),
        })
    return plan


def plan_items(inputs: ReportInputs, target: dict[str, float]) -> list[RoadmapItem]:
    """The generated roadmap with the consultant's edits applied."""
    return apply_edits(items=build_roadmap(inputs.actions, inputs.levels, target),
                       edits=inputs.roadmap_edits, library={a.code: a for a in inputs.actions},
                       levels=inputs.levels, target=target,
                       scores={d: float(v) for d, v in inputs.result["scores"].items()})


def plan_rows(inputs: ReportInputs) -> list[dict[str, Any]]:
    """Only the roadmap section's rows (for the consultant's editing page)."""
    _nxt, target = _target(inputs, inputs.result["cluster"])
    return _roadmap_rows(inputs, plan_items(inputs, target), _start(inputs))


def _start(inputs: ReportInputs) -> date:
    """The plan's first day: the day of the answers."""
    return inputs.date.date() if hasattr(inputs.date, "date") else inputs.date


@dataclass(frozen=True)
class _Basis:
    """What the sections share: scores, the next cluster's target, the peer group."""

    dims: list[str]
    names: dict[str, str]
    stored: dict[str, Any]
    cluster: str
    scores: dict[str, float]
    overall: float
    nxt: str | None
    target: dict[str, float]
    group: benchmark.PeerGroup
    peer_median: dict[str, float]
    percentile: dict[str, float]
    reference: dict[str, Any]


def _basis(inputs: ReportInputs) -> _Basis:
    dims = list(inputs.spec.dimensions)
    cluster = inputs.result["cluster"]
    scores = {d: float(inputs.result["scores"][d]) for d in dims}
    overall = float(inputs.result["overall"])
    nxt, target = _target(inputs, cluster)
    group = benchmark.peer_group(inputs.peers, sector=inputs.company.get("sector", ""),
                                 size=inputs.company.get("size", ""))
    return _Basis(
        dims=dims, names=inputs.dimension_names, stored=inputs.result["result"],
        cluster=cluster, scores=scores, overall=overall, nxt=nxt, target=target, group=group,
        peer_median=benchmark.medians(group, dims) if group.size else {},
        percentile=benchmark.percentiles(group, {**scores, "overall": overall}, dims)
        if group.size else {},
        reference=inputs.reference or {})


def _summary(inputs: ReportInputs, b: _Basis) -> dict[str, Any]:
    by_code = {q.code: q for q in inputs.questions}

    def question_item(code: str) -> dict[str, Any]:
        q = by_code[code]
        return {"code": code, "text": q.text, "level": inputs.levels.get(code),
                "dimension": b.names.get(q.dimension, "")}

    return {
        "cluster": b.cluster, "cluster_name": cluster_texts.cluster_name(b.cluster),
        "cluster_description": cluster_texts.DESCRIPTIONS[b.cluster],
        "next_cluster_name": cluster_texts.cluster_name(b.nxt) if b.nxt else None,
        "overall": b.overall,
        "explanation": cluster_texts.explanation_sentences(b.stored["explanation"], b.names),
        "borderline": cluster_texts.borderline_sentences(
            b.stored.get("borderline"), {code: q.text for code, q in by_code.items()}),
        "strengths": [question_item(c) for c in b.stored.get("strengths", [])],
        "gaps": [question_item(c) for c in b.stored.get("gaps", [])],
    }


def _position(b: _Basis) -> dict[str, Any]:
    return {
        "reference": b.reference,
        "reference_rows": [
            {"code": c, "name": cluster_texts.cluster_name(c),
             "share": (b.reference.get("shares") or {}).get(c), "yours": c == b.cluster}
            for c in CLUSTERS
        ],
        "peer_level": b.group.level, "peer_label": texts.PEER_LEVELS[b.group.level],
        "peer_size": b.group.size,
        "peer_shares": benchmark.cluster_shares(b.group, CLUSTERS) if b.group.size else {},
    }


def _dimensions(inputs: ReportInputs, b: _Basis) -> list[dict[str, Any]]:
    dimensions = []
    for d in b.dims:
        answers = []
        for q in inputs.questions:
            if q.dimension != d or not q.scored:  # context questions: the company profile
                continue
            level = inputs.levels.get(q.code)
            answers.append({"code": q.code, "text": q.text, "level": level, "scored": q.scored,
                            "label": q.options.get(level, "") if level else "",
                            "key": q.key, "weight": q.weight})
        dimensions.append({"code": d, "name": b.names[d], "score": b.scores[d],
                           "target": b.target.get(d),
                           "gap": max(0.0, round(b.target.get(d, 0) - b.scores[d], 1)),
                           "median": b.peer_median.get(d),
                           "percentile": b.percentile.get(d), "answers": answers})
    return dimensions


def _company_profile(inputs: ReportInputs) -> list[dict[str, str]]:
    """The context questions (not scored) and the company's answers, as its profile."""
    return [{"code": q.code, "text": q.text,
             "answer": q.options.get(inputs.levels[q.code], "")
             if inputs.levels.get(q.code) else ""}
            for q in inputs.questions if not q.scored]


def _figures(inputs: ReportInputs, b: _Basis) -> dict[str, Any]:
    labels = [b.names[d] for d in b.dims]
    company = inputs.company.get("name", "")
    series = [(company, [b.scores[d] for d in b.dims], "company")]
    if b.peer_median:
        series.append((str(texts.PEER_LABEL), [b.peer_median[d] for d in b.dims], "peer"))
    target_name = cluster_texts.cluster_name(b.nxt) if b.nxt else str(texts.FULL_MARKS)
    series.append((target_name, [b.target[d] for d in b.dims], "target"))
    figures = {
        "radar": charts.radar(labels, series, height=400),
        "bars": charts.dimension_bars(labels=labels, scores=[b.scores[d] for d in b.dims],
                                      targets={target_name: [b.target[d] for d in b.dims]},
                                      height=300, name=company),
    }
    if b.reference.get("shares"):
        figures["reference"] = charts.cluster_distribution(
            labels=[cluster_texts.cluster_name(c) for c in CLUSTERS],
            shares=[float(b.reference["shares"].get(c, 0)) for c in CLUSTERS],
            highlight=CLUSTERS.index(b.cluster), height=260,
        )
    return figures


def _progress(inputs: ReportInputs, b: _Basis) -> dict[str, Any] | None:
    previous = inputs.previous
    if not previous:
        return None
    return {
        "date": previous["created_at"],
        "cluster": cluster_texts.cluster_name(previous["cluster"]),
        "overall": previous["overall"],
        "overall_delta": round(b.overall - float(previous["overall"]), 1),
        "dimensions": [{"name": b.names[d], "before": previous["scores"].get(d),
                        "now": b.scores[d],
                        "delta": round(b.scores[d] - float(previous["scores"].get(d, 0)), 1)}
                       for d in b.dims],
    }


def _checklist(inputs: ReportInputs) -> list[dict[str, Any]]:
    key_levels = {q.key: inputs.levels.get(q.code) for q in inputs.questions if q.key}
    return [
        {"practice": i.practice, "title": texts.PRACTICE_TITLES[i.practice],
         "status": i.status, "status_label": texts.STATUS[i.status], "level": i.level,
         "next_step": texts.NEXT_STEPS[(i.practice, i.status)]}
        for i in build_checklist(key_levels)
    ]


def _completeness(b: _Basis) -> dict[str, Any]:
    dont_know = int(b.stored.get("dont_know", 0))
    n_questions = int(b.stored.get("questions", 0)) or 1
    return {"dont_know": dont_know, "questions": n_questions,
            "share": round(100 * dont_know / n_questions, 1),
            "answered": n_questions - dont_know}


def build_report(inputs: ReportInputs) -> ReportData:
    """Every section's data, one function per section."""
    b = _basis(inputs)
    items = plan_items(inputs, b.target)
    return ReportData(
        meta={"company": inputs.company, "date": inputs.date, "language": inputs.language,
              "version": inputs.spec.version, "participants": inputs.participants,
              "profile": _company_profile(inputs), "brand": inputs.brand},
        summary=_summary(inputs, b),
        position=_position(b),
        dimensions=_dimensions(inputs, b),
        roadmap=_roadmap_rows(inputs, items, _start(inputs)),
        kpi_plan=_kpi_plan(inputs, items),
        checklist=_checklist(inputs),
        completeness=_completeness(b),
        progress=_progress(inputs, b),
        figures=_figures(inputs, b),
        divergence=divergence_appendix(inputs.workshop, {q.code: q for q in inputs.questions},
                                       b.names, inputs.spec),
    )
