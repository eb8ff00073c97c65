"""The action checklist after Medallia's five CX practices, with status from the key answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# practice -> the questionnaire key whose answer tells how far it is done
PRACTICE_KEYS = {
    "cx_leader": "cx_leader",
    "internal_audit": "internal_audit",
    "journey_design": "journey_tracking",
    "involve_departments": "department_leaders",
    "cross_functional_team": "cross_functional_team",
}
DONE_FROM = 4
PARTLY_FROM = 2


@dataclass(frozen=True)
class ChecklistItem:
    practice: str
    key: str
    level: int | None
    status: str  # done | partly | todo


def status_for(level: int | None) -> str:
    """4-5 done, 2-3 partly, 1 or don't know to do."""
    if level is not None and level >= DONE_FROM:
        return "done"
    if level is not None and level >= PARTLY_FROM:
        return "partly"
    return "todo"


def build_checklist(key_levels: Mapping[str, int | None]) -> list[ChecklistItem]:
    """One item per practice, in Medallia's order."""
    return [
        ChecklistItem(practice, key, key_levels.get(key), status_for(key_levels.get(key)))
        for practice, key in PRACTICE_KEYS.items()
    ]
