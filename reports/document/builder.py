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
from assessment.numbers import whole
from assessment.scoring.engine import CLUSTERS, next_cluster
from benchmark import peers as benchmark
from charts import figures as charts
from reports.document import findings, texts
from reports.document.checklist import build_checklist
from reports.document.divergence import divergence_appendix
from reports.document.inputs import ReportInputs
from reports.document.kpi_plan import kpi_plan
from reports.roadmap.edits import apply_edits
from reports.roadmap.plan import RoadmapItem, build_roadmap, by_phase
from reports.roadmap.projection import project


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
    # Scores (as shown) and cluster today and after each phase of the roadmap.
    projection: dict[str, Any] = field(default_factory=dict)


def _target(inputs: ReportInputs, cluster: str) -> tuple[str | None, dict[str, float]]:
    nxt = next_cluster(cluster)
    if nxt is None:
        return None, dict.fromkeys(inputs.spec.dimensions, 100.0)
    return nxt, {d: float(v) for d, v in inputs.spec.profiles[nxt].items()}


def _shown(values: dict[str, Any]) -> dict[str, int]:
    """Figures as the report shows them: rounded once, here, for every section and chart."""
    return {k: v for k, v in ((k, whole(v)) for k, v in values.items()) if v is not None}


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


def plan_kpis(inputs: ReportInputs) -> list[dict[str, Any]]:
    """Only the KPI plan's rows (for the consultant's baselines and targets page)."""
    _nxt, target = _target(inputs, inputs.result["cluster"])
    return kpi_plan(inputs, plan_items(inputs, target))


def _start(inputs: ReportInputs) -> date:
    """The plan's first day: the day of the answers."""
    return inputs.date.date() if hasattr(inputs.date, "date") else inputs.date


@dataclass(frozen=True)
class _Basis:
    """What the sections share: scores, the next cluster's target, the peer group.

    Every figure here is the one a reader sees (a whole number, ``whole``): the
    sections, the findings and the charts take them from here and derive gaps from them.
    """

    dims: list[str]
    names: dict[str, str]
    stored: dict[str, Any]
    cluster: str
    scores: dict[str, int]
    overall: int
    nxt: str | None
    target: dict[str, int]
    group: benchmark.PeerGroup
    peer_median: dict[str, int]
    percentile: dict[str, int]
    reference: dict[str, Any]

    def figures(self) -> list[findings.Dimension]:
        return [findings.Dimension(code=d, name=self.names[d], score=self.scores[d],
                                   target=self.target[d], median=self.peer_median.get(d),
                                   percentile=self.percentile.get(d)) for d in self.dims]


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
        cluster=cluster, scores=_shown(scores), overall=whole(overall) or 0, nxt=nxt,
        target=_shown(target), group=group,
        peer_median=_shown(benchmark.medians(group, [*dims, "overall"])) if group.size else {},
        percentile=_shown(benchmark.percentiles(group, {**scores, "overall": overall}, dims))
        if group.size else {},
        reference=inputs.reference or {})


def _answers(inputs: ReportInputs, b: _Basis) -> list[findings.Answer]:
    return [findings.Answer(code=q.code, dimension=q.dimension, text=q.text,
                            level=inputs.levels.get(q.code), weight=q.weight,
                            options=q.options, dimension_name=b.names.get(q.dimension, ""))
            for q in inputs.questions if q.scored]


def _requirements(b: _Basis) -> list[tuple[str, str]]:
    """What the next cluster's rule still lacks: (subject, the rule's own sentence)."""
    return [(c["subject"], cluster_texts.check_sentence(c, b.names))
            for c in b.stored["explanation"].get("missing", [])]


def _first_steps(rows: list[dict[str, Any]]) -> str:
    first = [r for r in rows if r["phase"] == rows[0]["phase"]][:3] if rows else []
    return findings.first_steps_paragraph(
        titles=[r["title"] for r in first],
        phase=str(first[0]["phase_label"]) if first else "",
        dimensions=list(dict.fromkeys(r["dimension"] for r in first if r["dimension"])),
        outcome=findings.outcome_of(first[0]["description"]) if first else "")


def _summary(inputs: ReportInputs, b: _Basis, rows: list[dict[str, Any]],
             projection: dict[str, Any]) -> dict[str, Any]:
    texts_by_code = {q.code: q.text for q in inputs.questions}
    company = inputs.company
    next_name = cluster_texts.cluster_name(b.nxt) if b.nxt else None
    standing = findings.Standing(
        cluster=b.cluster, cluster_name=cluster_texts.cluster_name(b.cluster),
        overall=b.overall, percentile=b.percentile.get("overall"),
        peer_median=b.peer_median.get("overall"),
        peers=findings.peers_in_words(level=b.group.level, size=b.group.size,
                                      sector=company.get("sector_label", ""),
                                      size_band=company.get("size_label", "")),
        # The publisher, without the sample's description (the position section gives it).
        reference_source=str(b.reference.get("name", "")).split(" – ")[0],
        shares=_shown(b.reference.get("shares") or {}))
    return {
        "cluster": b.cluster, "cluster_name": cluster_texts.cluster_name(b.cluster),
        "cluster_description": cluster_texts.DESCRIPTIONS[b.cluster],
        "next_cluster_name": next_name, "overall": b.overall,
        "percentile": b.percentile.get("overall"),
        "findings": [findings.standing_paragraph(standing),
                     findings.holding_back_paragraph(dimensions=b.figures(),
                                                     next_name=next_name,
                                                     requirements=_requirements(b)),
                     " ".join(t for t in (_first_steps(rows), findings.outlook_sentence(
                         projection.get("phases", []))) if t)],
        "explanation": cluster_texts.explanation_sentences(b.stored["explanation"], b.names),
        "borderline": cluster_texts.borderline_sentences(b.stored.get("borderline"),
                                                         texts_by_code),
        **findings.practices(spec=inputs.spec, answers=_answers(inputs, b), target=b.target),
    }


def _position(b: _Basis) -> dict[str, Any]:
    peer_shares = _shown(benchmark.cluster_shares(b.group, CLUSTERS)) if b.group.size else {}
    shares = _shown(b.reference.get("shares") or {})
    return {
        "reference": b.reference,
        "reference_rows": [
            {"name": cluster_texts.cluster_name(c), "share": shares.get(c),
             "description": cluster_texts.DESCRIPTIONS[c], "peer_share": peer_shares.get(c),
             "yours": c == b.cluster}
            for c in CLUSTERS
        ],
        "above": sum(v for c, v in shares.items()
                     if CLUSTERS.index(c) > CLUSTERS.index(b.cluster)),
        "peer_level": b.group.level, "peer_label": texts.PEER_LEVELS[b.group.level],
        "peer_size": b.group.size,
        "peers": findings.peers_in_words(level=b.group.level, size=b.group.size,
                                         sector="", size_band=""),
        "overall_percentile": b.percentile.get("overall"),
        "overall_median": b.peer_median.get("overall"),
        "overall_words": findings.percentile_words(b.percentile.get("overall")),
    }


def _addressed_by(inputs: ReportInputs, rows: list[dict[str, Any]], code: str) -> str:
    """The action that addresses a question: the roadmap's, else the library's (never
    one the consultant dropped)."""
    for r in rows:
        if r["question_code"] == code:
            return f"{r['title']} ({r['phase_label']})"
    dropped = {e["action_code"] for e in inputs.roadmap_edits if e.get("dropped")}
    for a in inputs.actions:
        if (a.question_code == code and a.code not in dropped
                and (inputs.levels.get(code) or 1) <= a.max_level):
            return inputs.action_texts.get(a.code, ("", ""))[0]
    return ""


def _dimensions(inputs: ReportInputs, b: _Basis, rows: list[dict[str, Any]]
                ) -> list[dict[str, Any]]:
    answers = _answers(inputs, b)
    next_name = cluster_texts.cluster_name(b.nxt) if b.nxt else None
    missing = b.stored["explanation"].get("missing", [])
    dimensions = []
    for dim in b.figures():
        gaps = findings.question_gaps(spec=inputs.spec, answers=answers, dimension=dim.code,
                                      target=dim.target)
        dimensions.append({
            "code": dim.code, "name": dim.name, "score": dim.score, "target": dim.target,
            "gap": dim.gap, "median": dim.median, "percentile": dim.percentile,
            "percentile_words": findings.percentile_words(dim.percentile),
            "level": findings.typical_level(dim.score),
            "level_words": findings.level_words(findings.typical_level(dim.score)),
            "reading": findings.dimension_reading(dim, next_name=next_name),
            "gaps": [{**g, "action": _addressed_by(inputs, rows, str(g["code"]))} for g in gaps],
            "requirements": [cluster_texts.check_sentence(c, b.names) for c in missing
                             if dim.code in c["subject"].split("+")],
            "answers": [{"code": a.code, "text": a.text, "level": a.level,
                         "label": a.options.get(a.level, "") if a.level else ""}
                        for a in answers if a.dimension == dim.code],
        })
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
            shares=[_shown(b.reference["shares"]).get(c, 0) for c in CLUSTERS],
            highlight=CLUSTERS.index(b.cluster), height=260,
        )
    return figures


def _progress(inputs: ReportInputs, b: _Basis) -> dict[str, Any] | None:
    previous = inputs.previous
    if not previous:
        return None
    before = _shown(previous["scores"])
    overall = whole(previous["overall"]) or 0
    return {
        "date": previous["created_at"],
        "cluster": cluster_texts.cluster_name(previous["cluster"]),
        "overall": overall, "overall_delta": b.overall - overall,
        "dimensions": [{"name": b.names[d], "before": before.get(d), "now": b.scores[d],
                        "delta": b.scores[d] - before[d] if d in before else None}
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
            "share": whole(100 * dont_know / n_questions),
            "answered": n_questions - dont_know}


def _projection(inputs: ReportInputs, b: _Basis, items: list[RoadmapItem]) -> dict[str, Any]:
    """Today and each phase: the whole-number scores a reader sees, the overall score and
    the cluster; the phases' actions carried out cumulatively (reports.roadmap.projection)."""
    phases_with_actions = {i.phase for i in items if i.action.question_code}
    rows = [{"phase": p.phase, "label": texts.AFTER_PHASE[p.phase],
             "scores": [whole(p.scores[d]) for d in b.dims], "overall": whole(p.overall),
             "cluster": p.cluster, "cluster_name": cluster_texts.cluster_name(p.cluster),
             "actions": p.phase == "today" or p.phase in phases_with_actions}
            for p in project(inputs.spec, inputs.levels, items)]
    last = rows[-1]
    return {"dimensions": [b.names[d] for d in b.dims], "phases": rows,
            "by_phase": {r["phase"]: r for r in rows},
            "moves": last["cluster"] != rows[0]["cluster"]}


def _projection_figure(projection: dict[str, Any]) -> Any:
    """One radar: today, after the foundations, after the scale phase (the table's numbers);
    a phase that changes nothing is not drawn over the one before it."""
    kinds = {"today": "company", "foundations": "peer", "scale": "target"}
    series: list[tuple[str, list[int], str]] = []
    for r in projection["phases"]:
        if r["phase"] in kinds and not (series and series[-1][1] == r["scores"]):
            series.append((str(r["label"]), r["scores"], kinds[r["phase"]]))
    return charts.radar(projection["dimensions"], series, height=380)


def build_report(inputs: ReportInputs) -> ReportData:
    """Every section's data, one function per section."""
    b = _basis(inputs)
    items = plan_items(inputs, b.target)
    rows = _roadmap_rows(inputs, items, _start(inputs))
    projection = _projection(inputs, b, items)
    return ReportData(
        meta={"company": inputs.company, "date": inputs.date, "language": inputs.language,
              "version": inputs.spec.version, "participants": inputs.participants,
              "profile": _company_profile(inputs), "brand": inputs.brand},
        summary=_summary(inputs, b, rows, projection),
        position=_position(b),
        dimensions=_dimensions(inputs, b, rows),
        roadmap=rows,
        kpi_plan=kpi_plan(inputs, items),
        checklist=_checklist(inputs),
        completeness=_completeness(b),
        progress=_progress(inputs, b),
        figures={**_figures(inputs, b), "projection": _projection_figure(projection)},
        projection=projection,
        divergence=divergence_appendix(inputs.workshop, {q.code: q for q in inputs.questions},
                                       b.names, inputs.spec),
    )
