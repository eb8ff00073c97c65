"""The report builder: one function turns plain inputs into every section's data.

HTML and PDF are two renderings of what ``build_report`` returns. Call it with
the report's language active (texts of the database rows are translated fields).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from assessment import clusters as cluster_texts
from assessment.scoring import CLUSTERS, next_cluster

from . import benchmark, charts, texts
from .checklist import build_checklist
from .divergence_appendix import divergence_appendix
from .inputs import ReportInputs
from .roadmap import RoadmapItem, build_roadmap, by_phase
from .roadmap_edits import apply_edits

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
                "title": item.custom_title or title, "description": description,
                "dimension": inputs.dimension_names.get(item.action.dimension, ""),
                "owner": item.owner,
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
            **k, "owner": owners.get(code, k["default_owner"]),
            "direction_label": texts.DIRECTIONS.get(k["direction"], k["direction"]),
            "target": texts.TARGETS.get(k["direction"], ""),
            "cadence_label": texts.CADENCES.get(k["cadence"], k["cadence"]),
            "baseline": None, "actions": linked.get(code, []),
        })
    return plan


def plan_items(inputs: ReportInputs, target: dict[str, float]) -> list[RoadmapItem]:
    """The generated roadmap with the consultant's edits applied."""
    return apply_edits(build_roadmap(inputs.actions, inputs.levels, target),
                       inputs.roadmap_edits, {a.code: a for a in inputs.actions},
                       inputs.levels, target)


def plan_rows(inputs: ReportInputs) -> list[dict[str, Any]]:
    """Only the roadmap section's rows (for the consultant's editing page)."""
    _nxt, target = _target(inputs, inputs.result["cluster"])
    start = inputs.date.date() if hasattr(inputs.date, "date") else inputs.date
    return _roadmap_rows(inputs, plan_items(inputs, target), start)


def build_report(inputs: ReportInputs) -> ReportData:
    spec = inputs.spec
    dims = list(spec.dimensions)
    names = inputs.dimension_names
    stored = inputs.result["result"]
    cluster = inputs.result["cluster"]
    scores = {d: float(inputs.result["scores"][d]) for d in dims}
    overall = float(inputs.result["overall"])
    nxt, target = _target(inputs, cluster)
    texts_by_code = {q.code: q for q in inputs.questions}

    group = benchmark.peer_group(inputs.peers, sector=inputs.company.get("sector", ""),
                                 size=inputs.company.get("size", ""))
    peer_median = benchmark.medians(group, dims) if group.size else {}
    percentile = benchmark.percentiles(group, {**scores, "overall": overall}, dims) \
        if group.size else {}
    reference = inputs.reference or {}

    items = plan_items(inputs, target)
    start = inputs.date.date() if hasattr(inputs.date, "date") else inputs.date
    key_levels = {q.key: inputs.levels.get(q.code) for q in inputs.questions if q.key}

    def question_item(code: str) -> dict[str, Any]:
        q = texts_by_code[code]
        return {"code": code, "text": q.text, "level": inputs.levels.get(code),
                "dimension": names.get(q.dimension, "")}

    dimensions = []
    for d in dims:
        answers = []
        for q in inputs.questions:
            if q.dimension != d:
                continue
            level = inputs.levels.get(q.code)
            answers.append({"code": q.code, "text": q.text, "level": level, "scored": q.scored,
                            "label": q.options.get(level, "") if level else "",
                            "key": q.key, "weight": q.weight})
        dimensions.append({"code": d, "name": names[d], "score": scores[d],
                           "target": target.get(d),
                           "gap": max(0.0, round(target.get(d, 0) - scores[d], 1)),
                           "median": peer_median.get(d),
                           "percentile": percentile.get(d), "answers": answers})

    labels = [names[d] for d in dims]
    series = [(inputs.company.get("name", ""), [scores[d] for d in dims], "company")]
    if peer_median:
        series.append((str(texts.PEER_LABEL), [peer_median[d] for d in dims], "peer"))
    target_name = cluster_texts.cluster_name(nxt) if nxt else str(texts.FULL_MARKS)
    series.append((target_name, [target[d] for d in dims], "target"))
    figures = {
        "radar": charts.radar(labels, series, height=400),
        "bars": charts.dimension_bars(labels, [scores[d] for d in dims],
                                      {target_name: [target[d] for d in dims]}, height=300,
                                      name=inputs.company.get("name", "")),
    }
    if reference.get("shares"):
        figures["reference"] = charts.cluster_distribution(
            [cluster_texts.cluster_name(c) for c in CLUSTERS],
            [float(reference["shares"].get(c, 0)) for c in CLUSTERS],
            highlight=CLUSTERS.index(cluster), height=260,
        )

    dont_know = int(stored.get("dont_know", 0))
    n_questions = int(stored.get("questions", 0)) or 1
    previous = inputs.previous
    progress = None
    if previous:
        progress = {
            "date": previous["created_at"], "cluster": cluster_texts.cluster_name(
                previous["cluster"]), "overall": previous["overall"],
            "overall_delta": round(overall - float(previous["overall"]), 1),
            "dimensions": [{"name": names[d], "before": previous["scores"].get(d),
                            "now": scores[d],
                            "delta": round(scores[d] - float(previous["scores"].get(d, 0)), 1)}
                           for d in dims],
        }

    return ReportData(
        meta={"company": inputs.company, "date": inputs.date, "language": inputs.language,
              "version": spec.version, "participants": inputs.participants},
        summary={
            "cluster": cluster, "cluster_name": cluster_texts.cluster_name(cluster),
            "cluster_description": cluster_texts.DESCRIPTIONS[cluster],
            "next_cluster_name": cluster_texts.cluster_name(nxt) if nxt else None,
            "overall": overall,
            "explanation": cluster_texts.explanation_sentences(stored["explanation"], names),
            "strengths": [question_item(c) for c in stored.get("strengths", [])],
            "gaps": [question_item(c) for c in stored.get("gaps", [])],
        },
        position={
            "reference": reference,
            "reference_rows": [
                {"code": c, "name": cluster_texts.cluster_name(c),
                 "share": (reference.get("shares") or {}).get(c), "yours": c == cluster}
                for c in CLUSTERS
            ],
            "peer_level": group.level, "peer_label": texts.PEER_LEVELS[group.level],
            "peer_size": group.size,
            "peer_shares": benchmark.cluster_shares(group, CLUSTERS) if group.size else {},
        },
        dimensions=dimensions,
        roadmap=_roadmap_rows(inputs, items, start),
        kpi_plan=_kpi_plan(inputs, items),
        checklist=[
            {"practice": i.practice, "title": texts.PRACTICE_TITLES[i.practice],
             "status": i.status, "status_label": texts.STATUS[i.status], "level": i.level,
             "next_step": texts.NEXT_STEPS[(i.practice, i.status)]}
            for i in build_checklist(key_levels)
        ],
        completeness={"dont_know": dont_know, "questions": n_questions,
                      "share": round(100 * dont_know / n_questions, 1),
                      "answered": n_questions - dont_know},
        progress=progress,
        figures=figures,
        divergence=divergence_appendix(inputs.workshop, texts_by_code, names, spec),
    )
