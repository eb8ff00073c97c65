"""What the commands share: the current questionnaire and answers files, or exit status 2."""

from __future__ import annotations

from typing import TypeVar

from django.core.management.base import CommandError
from django.db.models import Model, QuerySet

from assessment.answers import file as answer_file
from assessment.ids import parse_id
from assessment.models import Questionnaire
from assessment.selectors import questionnaire_current, questionnaire_spec


def current_questionnaire() -> Questionnaire:
    """The questionnaire new assessments use; a one-line error and exit 2 when none is."""
    try:
        return questionnaire_current()
    except Questionnaire.DoesNotExist as exc:
        raise CommandError(str(exc), returncode=2) from None


def read_answers(file: str) -> tuple[Questionnaire, answer_file.AnswerFile]:
    """The current questionnaire and the answers JSON at ``file`` ("-" for stdin), checked."""
    questionnaire = current_questionnaire()
    try:
        parsed = answer_file.parse(answer_file.read_text(file),
                                   questionnaire_spec(questionnaire=questionnaire))
    except answer_file.AnswerFileError as exc:
        raise CommandError(str(exc), returncode=2) from None
    return questionnaire, parsed


M = TypeVar("M", bound=Model)


def object_by_id(queryset: QuerySet[M], value: str, *, what: str) -> M:
    """The row of ``queryset`` whose id is written in ``value``; a one-line error and
    exit 2 when ``value`` is not an id or names no such row."""
    pk = parse_id(value)
    if pk is None:
        raise CommandError(f"not {what} id: {value[:40]!r}", returncode=2)
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise CommandError(f"no {what.split()[-1]} {pk}", returncode=2)
    return found
