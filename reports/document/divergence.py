"""The report's appendix on where a workshop's participants diverged (plain data)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from assessment.choices import Role
from assessment.numbers import range_of, whole
from assessment.scoring import divergence
from assessment.scoring.engine import QuestionnaireSpec

HOTSPOTS_IN_REPORT = 10


def _num(value: Any) -> float | None:
    return None if pd.isna(value) else float(value)


def divergence_appendix(workshop: pd.DataFrame | None, questions: Mapping[str, Any],
                        names: Mapping[str, str], spec: QuestionnaireSpec
                        ) -> dict[str, Any] | None:
    """Hot-spots, spread per dimension and scores by role; None without a workshop.

    ``workshop`` is the participants' long answers table (participant, name, role,
    question, level); ``questions`` maps code -> an object with ``text`` and ``dimension``.
    """
    if workshop is None or workshop.empty:
        return None
    roles_names = dict(Role.choices)
    codes = [q.code for q in spec.scored]
    spread = divergence.question_spread(workshop, codes)
    people = workshop.drop_duplicates("participant").set_index("participant")
    wide = divergence.levels_by_participant(workshop, codes, list(people.index))
    answered = set(zip(workshop["question"], workshop["participant"], strict=True))
    hot = []
    for code in divergence.hotspots(spread)[:HOTSPOTS_IN_REPORT]:
        q = questions[code]
        hot.append({
            "code": code, "text": q.text, "dimension": names.get(q.dimension, ""),
            "spread": int(spread.at[code, "spread"]), "std": _num(spread.at[code, "std"]),
            "levels": [{"name": people.at[p, "name"],
                        "role": roles_names.get(people.at[p, "role"], people.at[p, "role"]),
                        "level": None if pd.isna(wide.at[code, p]) else int(wide.at[code, p]),
                        "answered": (code, p) in answered}
                       for p in people.index],
        })
    scores = divergence.participant_scores(spec, workshop)
    role_scores = divergence.by_role(scores, people["role"], spec.dimensions)
    return {
        "participants": len(people),
        "min_spread": divergence.HOTSPOT_MIN_SPREAD,
        "hotspots": hot,
        "dimensions": [_dimension_row(names.get(d, d), scores.get(d))
                       for d in spec.dimensions],
        "dimension_names": [names.get(d, d) for d in spec.dimensions],
        "roles": [{"role": roles_names.get(r, r),
                   "scores": [whole(role_scores.at[r, d]) for d in spec.dimensions]}
                  for r in role_scores.index],
    }


def _dimension_row(name: str, scores: pd.Series | None) -> dict[str, Any]:
    """Lowest, median, highest and spread of the participants' scores as shown (whole
    numbers, as on the workshop page)."""
    shown = [whole(v) for v in (scores.dropna() if scores is not None else [])]
    median = whole(float(pd.Series(shown).median())) if shown else None
    return {"name": name, **range_of(shown), "median": median}
