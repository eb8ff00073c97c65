"""The report's KPI plan: which KPIs, their owners and a target each by its unit's rule."""

from __future__ import annotations

from typing import Any

from assessment.choices import role_label
from reports.document import kpi_targets, texts
from reports.document.inputs import ReportInputs
from reports.roadmap.plan import RoadmapItem

CORE_KPI_LIMIT = 5
KPI_LIMIT = 14


def kpi_plan(inputs: ReportInputs, items: list[RoadmapItem]) -> list[dict[str, Any]]:
    """KPIs of the chosen actions (in priority order), then the core CX KPIs, then any other
    KPI with a recorded baseline; targets follow each KPI's rule for the company's cluster."""
    owners: dict[str, str] = {}
    linked: dict[str, list[str]] = {}
    for item in items:
        for code in item.action.kpis:
            owners.setdefault(code, item.owner)
            linked.setdefault(code, []).append(item.action.code)
    core = [c for c, k in inputs.kpis.items() if k["core"]][:CORE_KPI_LIMIT]
    codes = list(dict.fromkeys([*linked, *core]))[:KPI_LIMIT]
    codes += [c for c in inputs.kpi_records if c not in codes]
    plan = []
    for code in codes:
        k = inputs.kpis.get(code)
        if k is None:
            continue
        rule = kpi_targets.rule_of(k.get("target_rule") or {}, direction=k["direction"],
                                   language=inputs.language)
        baseline, target = inputs.kpi_records.get(code, (None, None))
        plan.append({
            **k, "owner": role_label(owners.get(code, k["default_owner"])),
            "direction_label": texts.DIRECTIONS.get(k["direction"], k["direction"]),
            "unit_label": kpi_targets.unit_label(rule), "source": rule.source,
            "target": kpi_targets.target_text(rule, cluster=inputs.result["cluster"],
                                              baseline=baseline, target=target),
            "cadence_label": texts.CADENCES.get(k["cadence"], k["cadence"]),
            "baseline": None if baseline is None else kpi_targets.with_unit(rule, baseline),
            "actions": linked.get(code, []),
        })
    return plan
