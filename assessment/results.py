"""A scored answer set as plain data: what the ``score`` command prints and exports reuse."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from assessment import clusters
from assessment.models import Assessment, Dimension, Question, Questionnaire
from assessment.scoring import engine as scoring
from assessment.selectors import questionnaire_spec


def score_summary(*, questionnaire: Questionnaire, answers: dict[str, Any],
                  language: str = "en") -> dict[str, Any]:
    """Scores ``{code: level or "dont_know"}`` as the ``score`` command prints it."""
    spec = questionnaire_spec(questionnaire=questionnaire)
    row, explanation = scoring.score_one(spec, answers)
    with translation.override(language):
        names = {d.code: d.name for d in Dimension.objects.filter(questionnaire=questionnaire)}
        text = " ".join(clusters.explanation_sentences(explanation, names))
    return {
        "dimensions": scoring.dimension_scores(row, spec.dimensions),
        "overall": round(float(row["overall"]), 1),
        "cluster": explanation["cluster"],
        "explanation": text,
        "dont_know": int(row["dont_know"]),
        "version": spec.version,
    }


def borderline_facts(*, assessment: Assessment) -> list[str]:
    """The stored result's borderline sentences, question texts in the active language.

    One query, for the texts of the (at most two) questions named; none when the
    result is not borderline or was scored before borderline results existed.
    """
    item = (assessment.result or {}).get("borderline") or {}
    codes = clusters.borderline_questions(item)
    if not codes:
        return []
    texts = dict(Question.objects.filter(questionnaire_id=assessment.questionnaire_id,
                                         code__in=codes).values_list("code", "text"))
    return clusters.borderline_sentences(item, texts)
