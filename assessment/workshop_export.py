"""An assessment's workshop as plain JSON-ready data (the ``export_assessment`` command)."""

from __future__ import annotations

from typing import Any

import pandas as pd
from django.utils import translation

from . import clusters, scoring
from .models import Assessment, Dimension, Questionnaire
from .selectors import questionnaire_spec
from .workshop_pages import workshop_data


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


def _value(level: Any) -> int | str:
    return scoring.DONT_KNOW if level is None else int(level)


def assessment_export(*, assessment: Assessment, language: str = "en") -> dict[str, Any]:
    """Participants, the consensus scores, every question's levels and spread, hot-spots.

    The consensus is the agreed answers where recorded and, for the questions not
    agreed yet, the default offered (the participants' lower median).
    """
    data = workshop_data(assessment=assessment)
    names = {p.id: p.name or p.email or f"#{p.id}" for p in data.participants}
    agreed = {**data.defaults, **data.consensus}
    given = {(pid, code): level for pid, code, level in
             data.answers[["participant", "question", "level"]].itertuples(index=False)}
    questions = []
    for q in data.questions:
        code = q["code"]
        levels = {names[p.id]: _value(None if pd.isna(given[(p.id, code)])
                                      else given[(p.id, code)])
                  for p in data.participants if (p.id, code) in given}
        spread = data.spread.at[code, "spread"]
        questions.append({"code": code, "levels": levels,
                          "spread": None if pd.isna(spread) else int(spread)})
    return {
        "participants": len(data.participants),
        "consensus": score_summary(questionnaire=assessment.questionnaire, language=language,
                                   answers={c: _value(lv) for c, lv in agreed.items()}),
        "questions": questions,
        "hotspots": data.hotspots,
    }

