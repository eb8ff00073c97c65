"""What the commands share: the current questionnaire and answers files, or exit status 2."""

from __future__ import annotations

from django.core.management.base import CommandError

from assessment import answer_file
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
