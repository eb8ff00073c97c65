"""Loading the action library, KPI catalogue and reference distributions from fixtures/."""

from __future__ import annotations

from django.db import transaction

from assessment.content import FIXTURES, ContentError, read_yaml, translated
from reports.document.kpi_targets import KINDS
from reports.models import Action, Benefit, Kpi, Phase, Practice, ReferenceDistribution


@transaction.atomic
def content_load() -> str:
    """Creates or updates every content row by its code; returns a one-line summary."""
    folder = FIXTURES / "content"
    kpi_doc = read_yaml(folder / "kpis.yaml")
    actions_doc = read_yaml(folder / "actions.yaml")
    ref_doc = read_yaml(folder / "reference.yaml")

    benefits = {}
    for b in kpi_doc.get("benefits", []):
        benefits[b["code"]], _ = Benefit.objects.update_or_create(
            code=b["code"], defaults={"group": b["group"], **translated(b["name"], "name")}
        )
    rules = _target_rules(kpi_doc)
    kpis = {}
    for k in kpi_doc.get("kpis", []):
        if k["benefit"] not in benefits:
            raise ContentError(f"KPI {k['code']}: unknown benefit {k['benefit']!r}")
        kpis[k["code"]], _ = Kpi.objects.update_or_create(code=k["code"], defaults={
            **translated(k["name"], "name"), **translated(k["definition"], "definition"),
            **translated(k["formula"], "formula"), "unit": k["unit"],
            "direction": k["direction"], "cadence": k["cadence"],
            "benefit": benefits[k["benefit"]], "core": bool(k.get("core")),
            "default_owner": k.get("default_owner", "CXO"), "target_rule": rules[k["code"]],
        })
    for a in actions_doc.get("actions", []):
        when = a["applies_when"]
        practice = a.get("medallia_practice") or ""
        if a["phase"] not in Phase.values or (practice and practice not in Practice.values):
            raise ContentError(f"action {a['code']}: unknown phase or practice")
        missing = [k for k in a.get("kpis", []) if k not in kpis]
        if missing or (a.get("benefit") and a["benefit"] not in benefits):
            raise ContentError(f"action {a['code']}: unknown KPI or benefit {missing}")
        action, _ = Action.objects.update_or_create(code=a["code"], defaults={
            "dimension": a["dimension"], **translated(a["title"], "title"),
            **translated(a["description"], "description"),
            "question_code": when["question"], "max_level": when["max_level"],
            "impact": a["impact"], "effort": a["effort"], "phase": a["phase"],
            "owner_role": a["owner_role"], "medallia_practice": practice,
            "benefit": benefits.get(a.get("benefit") or ""),
        })
        action.kpis.set([kpis[k] for k in a.get("kpis", [])])
    for r in ref_doc.get("references", []):
        ReferenceDistribution.objects.update_or_create(code=r["code"], defaults={
            "edition": r["edition"], **translated(r["name"], "name"),
            **translated(r["source"], "source"), "shares": r.get("shares"),
            "facts": r.get("facts") or [],
        })
    return (f"content: {len(benefits)} benefits, {len(kpis)} KPIs, "
            f"{len(actions_doc.get('actions', []))} actions, "
            f"{len(ref_doc.get('references', []))} reference distributions")


def _target_rules(kpi_doc: dict) -> dict[str, dict]:
    """KPI code -> its target rule; every KPI takes exactly one, of a known kind."""
    rules: dict[str, dict] = {}
    for rule in kpi_doc.get("target_rules", []):
        if rule.get("kind") not in KINDS:
            raise ContentError(f"target rule {rule.get('code')}: unknown kind {rule.get('kind')!r}")
        data = {k: v for k, v in rule.items() if k != "kpis"}
        for code in rule.get("kpis", []):
            if code in rules:
                raise ContentError(f"KPI {code}: more than one target rule")
            rules[code] = data
    missing = [k["code"] for k in kpi_doc.get("kpis", []) if k["code"] not in rules]
    if missing:
        raise ContentError(f"KPIs without a target rule: {', '.join(missing)}")
    return rules
