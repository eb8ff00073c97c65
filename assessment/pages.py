"""The plain data behind the survey and results pages (read-only)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from reports import charts

from . import clusters
from .models import Dimension, Option, Question, Respondent
from .scoring import DONT_KNOW
from .selectors import answer_levels, answered_question_ids, questionnaire_spec


@dataclass(frozen=True)
class QuestionBlock:
    """One question pre-rendered in every state it can be shown in."""

    id: int
    scored: bool
    states: dict[int | str | None, str]  # option id, DONT_KNOW or None (unanswered) -> HTML

    def html(self, saved: dict[int, int | None]) -> str:
        if self.id not in saved:
            return self.states[None]
        chosen = saved[self.id]
        return self.states[DONT_KNOW if chosen is None else chosen]


@dataclass(frozen=True)
class QuestionnairePages:
    dimensions: list[Dimension]
    blocks: list[list[QuestionBlock]]  # per step
    scored_ids: frozenset[int]


@lru_cache(maxsize=32)
def questionnaire_pages(questionnaire_id: int, content_rev: int, language: str
                        ) -> QuestionnairePages:
    """Every question of a version rendered once per process, language and content revision.

    The survey page then only joins strings: rendering options per request was
    the page's main cost. Four queries, once.
    """
    dims = list(Dimension.objects.filter(questionnaire_id=questionnaire_id).order_by("order"))
    questions = Question.objects.filter(questionnaire_id=questionnaire_id).order_by(
        "dimension__order", "order"
    ).prefetch_related(Prefetch("options", queryset=Option.objects.order_by("level")))
    by_dim: dict[int, list[QuestionBlock]] = {d.id: [] for d in dims}
    scored = set()
    for q in questions:
        options = list(q.options.all())
        states: dict[int | str | None, str] = {}
        for chosen in [None, DONT_KNOW, *[o.id for o in options]]:
            states[chosen] = render_to_string("assessment/_question.html", {"q": q, "options": [
                {"id": o.id, "level": o.level, "label": o.label, "checked": o.id == chosen}
                for o in options
            ], "dont_know": chosen == DONT_KNOW})
        by_dim[q.dimension_id].append(QuestionBlock(q.id, q.scored, states))
        if q.scored:
            scored.add(q.id)
    return QuestionnairePages(dims, [by_dim[d.id] for d in dims], frozenset(scored))


@dataclass
class SurveyPage:
    step: int
    steps: int
    dimension: Dimension
    questions_html: str
    answered: int
    total: int
    dimensions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0


def survey_page(*, respondent: Respondent, step: int) -> SurveyPage | None:
    """Dimension number ``step`` (1-based) with the saved answers; None if no such step.

    One query (the respondent's answers) once the version's pages are rendered.
    """
    questionnaire = respondent.assessment.questionnaire
    pages = questionnaire_pages(questionnaire.id, questionnaire.content_rev,
                                get_language() or "it")
    if not 1 <= step <= len(pages.dimensions):
        return None
    saved = answered_question_ids(respondent=respondent)
    html = "".join(block.html(saved) for block in pages.blocks[step - 1])
    return SurveyPage(
        step=step,
        steps=len(pages.dimensions),
        dimension=pages.dimensions[step - 1],
        questions_html=mark_safe(html),  # noqa: S308 - rendered by our own template
        answered=len(pages.scored_ids.intersection(saved)),
        total=len(pages.scored_ids),
        dimensions=[{"step": i, "name": d.name, "current": i == step}
                    for i, d in enumerate(pages.dimensions, start=1)],
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
