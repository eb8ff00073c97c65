"""A scored answer set as plain data: what the ``score`` command prints and exports reuse."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from assessment import clusters
from assessment.models import Dimension, Questionnaire
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
