"""Gathers from the database everything the report builder needs, as plain data.

Two entry points share one path: a scored assessment, or an answers file
(the ``report`` command). A fixed number of queries, whatever the number of
questions, actions or companies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from django.db.models import Prefetch

from assessment.choices import Mode
from assessment.models import Assessment, Dimension, Option, Question, Questionnaire
from assessment.scoring import engine as scoring
from assessment.selectors import official_levels, participant_answers, questionnaire_spec
from assessment.services import result_snapshot
from benchmark.queries import peers_frame, reference_current
from reports.models import Action, Kpi, KpiRecord, RoadmapEdit
from reports.roadmap.plan import ActionSpec
from reports.selectors import report_brand


@dataclass
class QuestionText:
    code: str
    dimension: str
    text: str
    key: str | None
    scored: bool
    weight: float
    options: dict[int, str]


@dataclass
class ReportInputs:
    spec: scoring.QuestionnaireSpec
    company: dict[str, str]
    date: Any
    language: str
    levels: dict[str, int | None]
    result: dict[str, Any]  # overall, cluster, scores, result (as stored on an assessment)
    dimension_names: dict[str, str]
    questions: list[QuestionText]
    actions: list[ActionSpec]
    action_texts: dict[str, tuple[str, str]]
    kpis: dict[str, dict[str, Any]]
    peers: pd.DataFrame
    reference: dict[str, Any] | None
    previous: dict[str, Any] | None = None
    participants: int = 1
    extra: dict[str, Any] = field(default_factory=dict)
    roadmap_edits: list[dict[str, Any]] = field(default_factory=list)
    workshop: pd.DataFrame | None = None  # participants' answers (workshop mode only)
    # KPI code -> the consultant's recorded baseline and target (None when not given)
    kpi_records: dict[str, tuple[float, float | None]] = field(default_factory=dict)
    brand: dict[str, str] | None = None  # the firm's name, accent, logo (data: URI) on the cover


def _questions(questionnaire: Questionnaire) -> list[QuestionText]:
    qs = Question.objects.filter(questionnaire=questionnaire).select_related("dimension").order_by(
        "dimension__order", "order"
    ).prefetch_related(Prefetch("options", queryset=Option.objects.order_by("level")))
    return [
        QuestionText(q.code, q.dimension.code, q.text, q.key, q.scored, q.weight,
                     {o.level: o.label for o in q.options.all()})
        for q in qs
    ]


def _actions() -> tuple[list[ActionSpec], dict[str, tuple[str, str]]]:
    specs, texts = [], {}
    for a in Action.objects.select_related("benefit").prefetch_related(
        Prefetch("kpis", queryset=Kpi.objects.only("id", "code"))
    ):
        specs.append(ActionSpec(
            code=a.code, dimension=a.dimension, question_code=a.question_code,
            max_level=a.max_level, impact=a.impact, effort=a.effort, phase=a.phase,
            owner_role=a.owner_role, kpis=tuple(k.code for k in a.kpis.all()),
            practice=a.medallia_practice, benefit=a.benefit.name if a.benefit else "",
        ))
        texts[a.code] = (a.title, a.description)
    return specs, texts


def _kpis() -> dict[str, dict[str, Any]]:
    return {
        k.code: {"code": k.code, "name": k.name, "definition": k.definition,
                 "formula": k.formula, "unit": k.unit, "direction": k.direction,
                 "cadence": k.cadence, "benefit": k.benefit.name, "core": k.core,
                 "default_owner": k.default_owner, "target_rule": k.target_rule}
        for k in Kpi.objects.select_related("benefit")
    }


def _common(*, questionnaire: Questionnaire, levels: dict[str, int | None], result: dict,
            company: dict[str, str], language: str, date: Any, exclude_company: int | None,
            ) -> ReportInputs:
    spec = questionnaire_spec(questionnaire=questionnaire)
    actions, action_texts = _actions()
    return ReportInputs(
        spec=spec, company=company, date=date, language=language, levels=levels, result=result,
        dimension_names={d.code: d.name for d in
                         Dimension.objects.filter(questionnaire=questionnaire)},
        questions=_questions(questionnaire), actions=actions, action_texts=action_texts,
        kpis=_kpis(), peers=peers_frame(questionnaire=questionnaire,
                                         exclude_company=exclude_company),
        reference=reference_current(),
    )


def inputs_for_assessment(assessment: Assessment, language: str) -> ReportInputs:
    """Inputs for a scored assessment (call with the report's language active)."""
    company = assessment.company
    levels = official_levels(assessment=assessment)
    result = {"overall": assessment.overall, "cluster": assessment.cluster,
              "scores": assessment.scores, "result": assessment.result}
    inputs = _common(questionnaire=assessment.questionnaire, levels=levels, result=result,
                     company=_company_dict(company), language=language,
                     date=assessment.submitted_at or assessment.created_at,
                     exclude_company=company.id)
    previous = (
        Assessment.objects.filter(company=company, scored_at__isnull=False,
                                  created_at__lt=assessment.created_at)
        .order_by("-created_at").values("created_at", "overall", "cluster", "scores").first()
    )
    inputs.previous = previous
    inputs.roadmap_edits = roadmap_edits_of(assessment=assessment)
    inputs.kpi_records = kpi_records_of(assessment=assessment)
    inputs.brand = report_brand(owner_id=company.owner_id)
    if assessment.mode == Mode.WORKSHOP:
        inputs.workshop = participant_answers(assessment=assessment)
        inputs.participants = int(inputs.workshop["participant"].nunique())
    return inputs


def roadmap_edits_of(*, assessment: Assessment) -> list[dict[str, Any]]:
    """The consultant's roadmap edits of an assessment, as plain dicts."""
    return list(RoadmapEdit.objects.filter(assessment=assessment).order_by("id").values(
        "id", "action_code", "added", "dropped", "title", "description", "dimension",
        "question_code", "impact", "effort", "phase", "owner", "due"))


def kpi_records_of(*, assessment: Assessment) -> dict[str, tuple[float, float | None]]:
    """The KPI baselines and targets recorded for an assessment, by KPI code."""
    return {code: (float(baseline), None if target is None else float(target))
            for code, baseline, target in KpiRecord.objects.filter(assessment=assessment)
            .values_list("kpi__code", "baseline", "target")}


def inputs_for_answers(*, questionnaire: Questionnaire, answers: dict[str, Any],
                       company: dict[str, str], language: str, date: Any) -> ReportInputs:
    """Inputs for an answers file that is not stored (the ``report`` command)."""
    spec = questionnaire_spec(questionnaire=questionnaire)
    row, _ = scoring.score_one(spec, answers)
    levels = {c: (None if v == scoring.DONT_KNOW else int(v)) for c, v in answers.items()}
    result = result_snapshot(spec, row, levels)
    inputs = _common(questionnaire=questionnaire, levels=levels, result=result,
                     company=company, language=language, date=date, exclude_company=None)
    inputs.brand = report_brand(owner_id=None)  # not a consultant's: the site's brand, if any
    return inputs


def _company_dict(company) -> dict[str, str]:
    return {"name": company.name, "sector": company.sector, "size": company.size,
            "country": company.country.code if company.country else "",
            "sector_label": str(company.get_sector_display()),
            "size_label": str(company.get_size_display()),
            "country_label": str(company.country.name) if company.country else ""}
