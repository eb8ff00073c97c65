"""The transformation roadmap: actions picked by gap, ordered by our own priority.

priority = gap x impact / effort, where gap is how far the answer's score
(0-100) lies below the dimension's target in the next cluster's profile. A
blend of importance-performance analysis and value-over-effort ranking: it is
our method, not a published standard.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from assessment.scoring.engine import level_score

PHASES = ("quick_wins", "foundations", "scale")
PHASE_MONTHS = {"quick_wins": 3, "foundations": 12, "scale": 24}


@dataclass(frozen=True)
class ActionSpec:
    code: str
    dimension: str
    question_code: str
    max_level: int
    impact: int
    effort: int
    phase: str
    owner_role: str
    kpis: tuple[str, ...] = ()
    practice: str = ""
    benefit: str = ""


@dataclass(frozen=True)
class RoadmapItem:
    action: ActionSpec
    level: int | None
    gap: float
    priority: float
    phase: str = ""
    owner: str = ""
    due_months: int = 0
    custom_title: str = ""
    custom_description: str = ""
    notes: dict = field(default_factory=dict)


def gap_and_priority(*, target: float, score: float, impact: int, effort: int
                     ) -> tuple[float, float]:
    """The method's one priority rule: gap = target - score (never below 0), priority =
    gap x impact / effort; both rounded once, the priority from the rounded gap."""
    gap = round(max(0.0, float(target) - float(score)), 1)
    return gap, round(gap * impact / effort, 2)


def build_roadmap(
    actions: Iterable[ActionSpec],
    levels: Mapping[str, int | None],
    target: Mapping[str, float],
    *,
    limit: int = 12,
) -> list[RoadmapItem]:
    """The ``limit`` highest-priority actions whose trigger the answers meet.

    An action applies when its question's level (don't know = 1) is at most its
    ``max_level`` and the question lies below its dimension's target. For one
    question only the best-ranked action is kept, so the plan does not repeat
    itself. Ties go to lower effort, then the action code.
    """
    candidates = []
    for action in actions:
        level = levels.get(action.question_code)
        if (level or 1) > action.max_level:
            continue
        gap, priority = gap_and_priority(target=target.get(action.dimension, 100.0),
                                         score=level_score(level), impact=action.impact,
                                         effort=action.effort)
        if gap <= 0:
            continue
        candidates.append(RoadmapItem(
            action=action, level=level, gap=gap, priority=priority,
            phase=action.phase, owner=action.owner_role,
            due_months=PHASE_MONTHS.get(action.phase, 12),
        ))
    candidates.sort(key=lambda i: (-i.priority, i.action.effort, i.action.code))
    chosen: list[RoadmapItem] = []
    seen_questions: set[str] = set()
    for item in candidates:
        if item.action.question_code in seen_questions:
            continue
        seen_questions.add(item.action.question_code)
        chosen.append(item)
        if len(chosen) == limit:
            break
    return chosen


def by_phase(items: Iterable[RoadmapItem]) -> dict[str, list[RoadmapItem]]:
    """Items grouped in phase order, each group kept in priority order."""
    groups: dict[str, list[RoadmapItem]] = {p: [] for p in PHASES}
    for item in items:
        groups.setdefault(item.phase, []).append(item)
    return {p: g for p, g in groups.items() if g}
