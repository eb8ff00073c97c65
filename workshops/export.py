"""An assessment's workshop as plain JSON-ready data (the ``export_assessment`` command)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from assessment.models import Assessment
from assessment.results import score_summary
from assessment.scoring import engine as scoring
from workshops.pages import workshop_data


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
