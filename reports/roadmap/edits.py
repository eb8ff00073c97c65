"""A consultant's edits applied to the generated roadmap: plain data in, plain data out.

Each edit is a dict as stored by ``RoadmapEdit``: ``action_code``, ``added``,
``dropped``, ``title``, ``description``, ``dimension``, ``question_code``,
``impact``, ``effort``, ``phase``, ``owner``, ``due`` (a date or None) and ``id``. Empty values keep what the method generated.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from assessment.scoring.engine import level_score
from reports.roadmap.plan import PHASE_MONTHS, ActionSpec, RoadmapItem, gap_and_priority


def _changed(item: RoadmapItem, edit: Mapping[str, Any]) -> RoadmapItem:
    phase = edit.get("phase") or item.phase
    return replace(
        item,
        phase=phase,
        owner=edit.get("owner") or item.owner,
        custom_title=edit.get("title") or item.custom_title,
        due_months=PHASE_MONTHS.get(phase, item.due_months) if phase != item.phase
        else item.due_months,
        notes={**item.notes, "edited": True, "due": edit.get("due")},
    )


# A custom action without its own impact or effort counts as a medium one.
DEFAULT_IMPACT = DEFAULT_EFFORT = 2


def _custom_action(edit: Mapping[str, Any]) -> ActionSpec:
    return ActionSpec(
        code=f"custom-{edit.get('id', 0)}", dimension=edit.get("dimension") or "",
        question_code=edit.get("question_code") or "", max_level=5,
        impact=edit.get("impact") or DEFAULT_IMPACT, effort=edit.get("effort") or DEFAULT_EFFORT,
        phase=edit.get("phase") or "foundations", owner_role=edit.get("owner") or "")


def _added(*, edit: Mapping[str, Any], library: Mapping[str, ActionSpec],
           levels: Mapping[str, int | None], target: Mapping[str, float],
           scores: Mapping[str, float]) -> RoadmapItem | None:
    """A library action added by hand, or a custom one: its gap is its question's (or,
    without one, its dimension's) distance to the target; priority as for any action."""
    code = edit.get("action_code") or ""
    action = library.get(code) if code else _custom_action(edit)
    if action is None:
        return None  # a library action deleted since: nothing to show
    level = levels.get(action.question_code) if action.question_code else None
    score = (level_score(level) if action.question_code
             else scores.get(action.dimension, 0.0))
    gap, priority = gap_and_priority(target=target.get(action.dimension, 100.0), score=score,
                                     impact=action.impact, effort=action.effort)
    phase = edit.get("phase") or action.phase
    return RoadmapItem(
        action=action, level=level, gap=gap, priority=priority, phase=phase,
        owner=edit.get("owner") or action.owner_role,
        due_months=PHASE_MONTHS.get(phase, 12), custom_title=edit.get("title") or "",
        custom_description=edit.get("description") or "",
        notes={"added": True, "edited": True, "due": edit.get("due")},
    )


def apply_edits(*, items: Iterable[RoadmapItem], edits: Iterable[Mapping[str, Any]],
                library: Mapping[str, ActionSpec], levels: Mapping[str, int | None],
                target: Mapping[str, float], scores: Mapping[str, float] | None = None,
                ) -> list[RoadmapItem]:
    """The plan after the consultant's drops, changes and additions (generated ones first)."""
    edits = list(edits)
    by_code = {e["action_code"]: e for e in edits if e.get("action_code") and not e.get("added")}
    out = []
    for item in items:
        edit = by_code.get(item.action.code)
        if edit is None:
            out.append(item)
        elif not edit.get("dropped"):
            out.append(_changed(item, edit))
    present = {i.action.code for i in out}
    for edit in edits:
        if not edit.get("added") or edit.get("dropped") or edit.get("action_code") in present:
            continue
        item = _added(edit=edit, library=library, levels=levels, target=target,
                      scores=scores or {})
        if item is not None:
            out.append(item)
            present.add(item.action.code)
    return out
