"""The plain data behind the survey and results pages (read-only)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from reports import charts

from . import clusters
from .models import Dimension, Option, Question, Respondent
from .selectors import answer_levels, answered_question_ids, questionnaire_spec


@dataclass
class SurveyPage:
    step: int
    steps: int
    dimension: Dimension
    questions: list[dict[str, Any]]
    answered: int
    total: int
    dimensions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0


def survey_page(*, respondent: Respondent, step: int) -> SurveyPage | None:
    """Questions of dimension number ``step`` (1-based) with the saved answers; None if no such step.

    Four queries whatever the number of questions: dimensions, questions,
    options, answers.
    """
    questionnaire = respondent.assessment.questionnaire
    dims = list(Dimension.objects.filter(questionnaire=questionnaire).order_by("order"))
    if not 1 <= step <= len(dims):
        return None
    dimension = dims[step - 1]
    questions = list(
        Question.objects.filter(questionnaire=questionnaire)
        .select_related(None)
        .only("id", "dimension_id", "code", "text_it", "text_en", "help_it", "help_en", "scored")
        .order_by("dimension__order", "order")
        .prefetch_related(
            Prefetch("options", queryset=Option.objects.only("id", "question_id", "level",
                                                             "label_it", "label_en"))
        )
        .filter(dimension=dimension)
    )
    saved = answered_question_ids(respondent=respondent)
    rows = []
    for q in questions:
        chosen = saved.get(q.id, False)
        rows.append({
            "id": q.id,
            "code": q.code,
            "text": q.text,
            "help": q.help,
            "scored": q.scored,
            "answered": q.id in saved,
            "dont_know": q.id in saved and chosen is None,
            "options": [
                {"id": o.id, "level": o.level, "label": o.label, "checked": o.id == chosen}
                for o in q.options.all()
            ],
        })
    total_scored = Question.objects.filter(questionnaire=questionnaire, scored=True).count()
    answered = Question.objects.filter(
        questionnaire=questionnaire, scored=True, answers__respondent=respondent
    ).count()
    return SurveyPage(
        step=step,
        steps=len(dims),
        dimension=dimension,
        questions=rows,
        answered=answered,
        total=total_scored,
        dimensions=[{"step": i, "name": d.name, "current": i == step}
                    for i, d in enumerate(dims, start=1)],
    )


def results_context(*, respondent: Respondent) -> dict[str, Any]:
    """Everything the results page shows, from the stored result snapshot."""
    assessment = respondent.assessment
    questionnaire = assessment.questionnaire
    spec = questionnaire_spec(questionnaire=questionnaire)
    dims = {d.code: d.name for d in Dimension.objects.filter(questionnaire=questionnaire)}
    result = assessment.result
    explanation = result["explanation"]
    nxt = explanation.get("next_cluster")
    target_code = nxt or assessment.cluster
    target = spec.profiles.get(target_code, {})
    labels = [dims[d] for d in spec.dimensions]
    target_name = (
        _("Profile of the next cluster (%(name)s)") % {"name": clusters.cluster_name(nxt)}
        if nxt else _("Advanced profile")
    )
    figure = charts.radar(
        labels,
        [
            (assessment.company.name, [assessment.scores[d] for d in spec.dimensions], "company"),
            (target_name, [target.get(d, 0) for d in spec.dimensions], "target"),
        ],
    )
    codes = [*result.get("strengths", []), *result.get("gaps", [])]
    texts = {
        q.code: q.text
        for q in Question.objects.filter(questionnaire=questionnaire, code__in=codes)
    }
    levels = answer_levels(respondent=respondent)

    def item(code: str) -> dict[str, Any]:
        return {"code": code, "text": texts.get(code, code), "level": levels.get(code)}

    return {
        "assessment": assessment,
        "cluster_name": clusters.cluster_name(assessment.cluster),
        "cluster_description": clusters.DESCRIPTIONS[assessment.cluster],
        "explanation": clusters.explanation_sentences(explanation, dims),
        "dimensions": [
            {"code": d, "name": dims[d], "score": assessment.scores[d],
             "target": target.get(d)} for d in spec.dimensions
        ],
        "next_cluster_name": clusters.cluster_name(nxt) if nxt else None,
        "radar_json": json.loads(figure.to_json()),
        "strengths": [item(c) for c in result.get("strengths", [])],
        "gaps": [item(c) for c in result.get("gaps", [])],
        "dont_know": result.get("dont_know", 0),
        "questions": result.get("questions", 0),
        "clusters": clusters.clusters_table(),
    }
