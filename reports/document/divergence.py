"""The report's appendix on where a workshop's participants diverged (plain data)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from assessment.choices import Role
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
    hot = []
    for code in divergence.hotspots(spread)[:HOTSPOTS_IN_REPORT]:
        q = questions[code]
        hot.append({
            "code": code, "text": q.text, "dimension": names.get(q.dimension, ""),
            "spread": int(spread.at[code, "spread"]), "std": _num(spread.at[code, "std"]),
            "levels": [{"name": people.at[p, "name"],
                        "role": roles_names.get(people.at[p, "role"], people.at[p, "role"]),
                        "level": None if pd.isna(wide.at[code, p]) else int(wide.at[code, p])}
                       for p in people.index],
        })
    scores = divergence.participant_scores(spec, workshop)
    dim_spread = divergence.dimension_spread(scores, spec.dimensions)
    role_scores = divergence.by_role(scores, people["role"], spec.dimensions)
    return {
        "participants": len(people),
        "min_spread": divergence.HOTSPOT_MIN_SPREAD,
        "hotspots": hot,
        "dimensions": [{"name": names.get(d, d), "min": _num(dim_spread.at[d, "min"]),
                        "max": _num(dim_spread.at[d, "max"]),
                        "spread": _num(dim_spread.at[d, "spread"]),
                        "median": _num(dim_spread.at[d, "median"])} for d in spec.dimensions],
        "dimension_names": [names.get(d, d) for d in spec.dimensions],
        "roles": [{"role": roles_names.get(r, r),
                   "scores": [_num(role_scores.at[r, d]) for d in spec.dimensions]}
                  for r in role_scores.index],
    }
