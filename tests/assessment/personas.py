"""Helpers for the consultants' tests; their personas are fixtures in conftest.py."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from assessment import workshop_services as ws
from assessment.models import Option, Respondent
from assessment.services import answers_save

BASE = "http://testserver/"


def make_user(username: str, staff: bool = False):
    return get_user_model().objects.create_user(username=username, password="pw-" + username,
                                                is_staff=staff)


def invite(assessment, name: str, role: str) -> Respondent:
    return ws.participant_invite(assessment=assessment, name=name, role=role,
                                 email=f"{name.lower()}@example.com", base_url=BASE)


def answer(respondent: Respondent, levels: dict[str, int | None], default: int | None = 3
           ) -> None:
    """Answers every question: ``levels`` by code, else ``default`` (None = don't know)."""
    questionnaire = respondent.assessment.questionnaire
    values = {}
    for option in Option.objects.filter(question__questionnaire=questionnaire).select_related(
            "question"):
        level = levels.get(option.question.code, default)
        if level is None:
            values[str(option.question_id)] = "dont_know"
        elif option.level == level:
            values[str(option.question_id)] = str(option.id)
    answers_save(respondent=respondent, values=values)
