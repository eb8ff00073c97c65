"""The plain data behind the workshop, consensus and export views (read-only).

A fixed number of queries, whatever the number of participants and questions:
participants, their answers, the questions, the dimensions, the scoring spec and
the consensus so far.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
from django.utils.translation import gettext_lazy as _

from assessment.choices import Role
from assessment.models import Assessment
from assessment.numbers import range_of, whole
from assessment.scoring import divergence
from assessment.selectors import participant_answers, questionnaire_spec
from workshops.selectors import (
    consensus_levels,
    dimension_names,
    participants_of,
    question_texts,
)

HOTSPOTS_SHOWN = 10
ROLE_NAMES = dict(Role.choices)


@dataclass
class WorkshopData:
    """Everything known about a workshop, computed once per request."""

    participants: list[Any]
    answers: pd.DataFrame
    questions: list[dict[str, Any]]
    names: dict[str, str]
    spread: pd.DataFrame
    by_participant: pd.DataFrame
    by_role: pd.DataFrame
    scores: pd.DataFrame
    role_scores: pd.DataFrame
    hotspots: list[str]
    defaults: dict[str, int | None]
    consensus: dict[str, int | None]


def workshop_data(*, assessment: Assessment) -> WorkshopData:
    spec = questionnaire_spec(questionnaire=assessment.questionnaire)
    participants = list(participants_of(assessment=assessment))
    answers = participant_answers(assessment=assessment)
    questions = question_texts(assessment=assessment)
    codes = [q["code"] for q in questions if q["scored"]]
    spread = divergence.question_spread(answers, codes)
    scores = divergence.participant_scores(spec, answers)
    roles = pd.Series({p.id: p.role for p in participants}, dtype=object)
    return WorkshopData(
        participants=participants,
        answers=answers,
        questions=[q for q in questions if q["scored"]],
        names=dimension_names(assessment=assessment),
        spread=spread,
        by_participant=divergence.levels_by_participant(answers, codes,
                                                        [p.id for p in participants]),
        by_role=divergence.levels_by_role(answers, codes),
        scores=scores,
        role_scores=divergence.by_role(scores, roles, spec.dimensions),
        hotspots=divergence.hotspots(spread),
        defaults=divergence.consensus_default(spread),
        consensus=consensus_levels(assessment=assessment),
    )


def _num(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _level(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _chosen(data: WorkshopData, code: str, answers: int) -> int | str:
    """The level the consensus form offers: the agreed one, else the participants' median."""
    level = data.consensus[code] if code in data.consensus else data.defaults.get(code)
    if level is None:
        return "dont_know" if code in data.consensus or answers else ""
    return level


def _answer(data: WorkshopData, answered: set[tuple[str, int]], code: str, participant
            ) -> dict[str, Any]:
    """One participant's answer to one question: a level, "don't know", or none yet."""
    level = _level(data.by_participant.at[code, participant.id])
    state = "level" if level is not None else (
        "dont_know" if (code, participant.id) in answered else "none")
    return {"participant": participant, "level": level, "state": state}


def question_rows(data: WorkshopData, codes: list[str] | None = None) -> list[dict[str, Any]]:
    """Per question: each participant's answer, the mean per role and the measures."""
    texts = {q["code"]: q for q in data.questions}
    answered = set(zip(data.answers["question"], data.answers["participant"], strict=True))
    rows = []
    for code in codes if codes is not None else list(texts):
        q, s = texts[code], data.spread.loc[code]
        by_role = data.by_role.loc[code] if code in data.by_role.index else pd.Series(dtype=float)
        rows.append({
            "code": code, "text": q["text"], "dimension": data.names.get(q["dimension"], ""),
            "levels": [_answer(data, answered, code, p) for p in data.participants],
            "roles": [{"role": ROLE_NAMES.get(r, r), "mean": _num(m)}
                      for r, m in by_role.items() if not pd.isna(m)],
            "spread": _level(s["spread"]), "std": _num(s["std"]),
            "dont_know": int(s["dont_know"]), "answers": int(s["answers"]),
            "default": data.defaults.get(code), "consensus": data.consensus.get(code, "unset"),
            "chosen": _chosen(data, code, int(s["answers"])),
        })
    return rows


def dimension_rows(data: WorkshopData) -> list[dict[str, Any]]:
    """Per dimension: each participant's score as shown (a whole number) and the minimum,
    maximum and spread of exactly those numbers."""
    rows = []
    for code, name in data.names.items():
        scores = [{"participant": p, "score": whole(data.scores.at[p.id, code])
                   if p.id in data.scores.index else None} for p in data.participants]
        rows.append({
            "code": code, "name": name, **range_of(s["score"] for s in scores),
            "scores": scores,
            "roles": [{"role": ROLE_NAMES.get(r, r),
                       "score": whole(data.role_scores.at[r, code])}
                      for r in data.role_scores.index],
        })
    return rows


STATUS_LABELS = {"not_started": _("not started"), "in_progress": _("in progress"),
                 "submitted": _("submitted")}


def participant_status(participant: Any) -> dict[str, str]:
    """Where a participant is: not started, in progress (some answers) or submitted.
    ``participant`` carries ``answered`` (from ``participants_of``)."""
    status = ("submitted" if participant.submitted_at else
              "in_progress" if participant.answered else "not_started")
    return {"status": status, "status_label": str(STATUS_LABELS[status])}


def participants_listed(*, assessment: Assessment) -> list[Any]:
    """The participants with their answer counts and status (for the assessment page)."""
    participants = list(participants_of(assessment=assessment))
    for p in participants:
        status = participant_status(p)
        p.status, p.status_label = status["status"], status["status_label"]
    return participants


def workshop_context(*, assessment: Assessment) -> dict[str, Any]:
    """The projector view: completion, spread per dimension, hot-spots, every question."""
    data = workshop_data(assessment=assessment)
    total = len(data.questions)
    return {
        "participants": [{"participant": p, "answered": p.answered, "total": total,
                          "percent": round(100 * p.answered / total) if total else 0,
                          **participant_status(p)}
                         for p in data.participants],
        "dimensions": dimension_rows(data),
        "hotspots": question_rows(data, data.hotspots[:HOTSPOTS_SHOWN]),
        "questions": question_rows(data),
        "min_spread": divergence.HOTSPOT_MIN_SPREAD,
        "agreed": sum(1 for q in data.questions if q["code"] in data.consensus),
        "total": total,
    }
