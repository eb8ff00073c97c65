"""The projected roadmap: the scores and cluster after each phase, if its actions work.

Each action lifts its question to the action's target level, one level above the
highest answer the action is proposed for (``max_level`` + 1, at most 5; a custom
action aims one level above today's answer). Phases add up: after the foundations
phase the quick wins count too. The scoring engine scores the lifted answers, so a
projection follows the same method as the company's own result. An answer is never
lowered, and an action without a question changes no score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from assessment.scoring.engine import QuestionnaireSpec, score_levels
from reports.roadmap.plan import PHASES, RoadmapItem

TOP_LEVEL = 5


@dataclass(frozen=True)
class Projection:
    """Where the company stands after a phase (``today`` before any)."""

    phase: str
    scores: dict[str, float]
    overall: float
    cluster: str


def target_level(item: RoadmapItem) -> int:
    """The level an action's question reaches once the action is done."""
    if item.action.max_level >= TOP_LEVEL:  # a custom action: one step up
        return min((item.level or 1) + 1, TOP_LEVEL)
    return min(item.action.max_level + 1, TOP_LEVEL)


def lifted_levels(levels: Mapping[str, int | None], items: Iterable[RoadmapItem]
                  ) -> dict[str, int | None]:
    """The answers after ``items``: each action's question at its target level, never lower."""
    out = dict(levels)
    for item in items:
        code = item.action.question_code
        if not code:
            continue
        out[code] = max(out.get(code) or 1, target_level(item))
    return out


def project(spec: QuestionnaireSpec, levels: Mapping[str, int | None],
            items: Iterable[RoadmapItem]) -> list[Projection]:
    """Today, then each phase of ``PHASES`` with the actions of it and the earlier ones."""
    items = list(items)
    states = [("today", dict(levels))]
    done: list[RoadmapItem] = []
    for phase in PHASES:
        done += [i for i in items if i.phase == phase]
        states.append((phase, lifted_levels(levels, done)))
    codes = [q.code for q in spec.scored]
    matrix = pd.DataFrame(
        [[np.nan if lv.get(c) is None else float(lv[c]) for c in codes] for _p, lv in states],
        index=[p for p, _lv in states], columns=codes, dtype=float)
    table = score_levels(spec, matrix)
    return [Projection(phase=phase, scores={d: float(row[d]) for d in spec.dimensions},
                       overall=float(row["overall"]), cluster=str(row["cluster"]))
            for phase, row in table.iterrows()]
