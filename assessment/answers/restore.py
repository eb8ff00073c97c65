"""Putting an earlier answer back, from the audit trail."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from assessment.answers.history import answers_write, old_state
from assessment.models import AnswerChange, Respondent
from assessment.models.history import Source
from assessment.selectors import answer_levels
from assessment.services import assessment_score


@transaction.atomic
def answer_restore(*, change: AnswerChange, user=None) -> AnswerChange | None:
    """Puts back the answer a change overwrote (its old state) and records that too.

    "No answer" deletes the answer. Returns the new change, or None when the
    answer already is in that state. When the respondent's answers are the
    assessment's scored set (a submitted self-assessment, or the consensus), the
    assessment is scored again so results follow the restored answer.
    """
    # Locks the respondent's row, as answers_save does, so a concurrent save waits.
    Respondent.objects.filter(pk=change.respondent_id).update(updated_at=timezone.now())
    respondent = Respondent.objects.select_related("assessment").get(pk=change.respondent_id)
    written = answers_write(states={(respondent.pk, change.question_id): old_state(change)},
                            source=Source.RESTORE, user=user)
    if not written:
        return None
    (restored,) = written
    assessment = respondent.assessment
    if respondent.answers_are_official and respondent.submitted_at and assessment.scored_at:
        assessment_score(assessment=assessment, levels=answer_levels(respondent=respondent))
    return restored
