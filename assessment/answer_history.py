"""The answers' audit trail: recording changes in bulk, and putting an old answer back."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Answer, AnswerChange, Assessment, Respondent
from .models.history import Source

# An answer's state: (option id, don't know). (None, False) is "no answer".
State = tuple[int | None, bool]
NO_ANSWER: State = (None, False)


def state_label(level: int | None, dont_know: bool) -> str:
    """How a state reads: the level, "don't know" or "no answer" (in the active language)."""
    if level is not None:
        return str(level)
    return _("don't know") if dont_know else _("no answer")


def answer_states(answers: Iterable[tuple[int, int | None, bool]]) -> dict[int, State]:
    """``{question id: state}`` from ``(question id, option id, dont_know)`` rows."""
    return {qid: (option_id, dont_know) for qid, option_id, dont_know in answers}


def changes_record(*, respondent_id: int, before: dict[int, State], after: dict[int, State],
                   source: str, user=None, at: datetime | None = None) -> list[AnswerChange]:
    """Stores one AnswerChange per question whose state differs, in one insert (none if equal)."""
    rows = changes_build(respondent_id=respondent_id, before=before, after=after,
                         source=source, user=user, at=at)
    return AnswerChange.objects.bulk_create(rows) if rows else []


def changes_build(*, respondent_id: int, before: dict[int, State], after: dict[int, State],
                  source: str, user=None, at: datetime | None = None) -> list[AnswerChange]:
    """The unsaved AnswerChange rows of ``changes_record``, for callers that batch several."""
    at = at or timezone.now()
    user_id = user.pk if user is not None and user.is_authenticated else None
    rows = [
        AnswerChange(respondent_id=respondent_id, question_id=qid,
                     old_option_id=before.get(qid, NO_ANSWER)[0],
                     old_dont_know=before.get(qid, NO_ANSWER)[1],
                     new_option_id=new[0], new_dont_know=new[1],
                     source=source, changed_by_id=user_id, changed_at=at)
        for qid, new in after.items() if before.get(qid, NO_ANSWER) != new
    ]
    return rows


def assessment_changes(*, assessment: Assessment, respondent_id: int | None = None,
                       question_code: str = "") -> QuerySet[AnswerChange]:
    """The answer changes of the assessment's respondents, newest first, ready to show;
    only one respondent's or one question's when asked."""
    changes = AnswerChange.objects.filter(respondent__assessment=assessment)
    if respondent_id is not None:
        changes = changes.filter(respondent_id=respondent_id)
    if question_code:
        changes = changes.filter(question__code=question_code)
    return (changes.select_related("respondent", "question", "old_option", "new_option",
                                   "changed_by")
            .order_by("-changed_at", "-id"))


def current_states(changes: Iterable[AnswerChange]) -> dict[tuple[int, int], State]:
    """``{(respondent id, question id): state now}`` for the answers the changes touched.

    One query; a pair without an answer is absent (its state is NO_ANSWER).
    """
    pairs = {(c.respondent_id, c.question_id) for c in changes}
    if not pairs:
        return {}
    rows = Answer.objects.filter(
        respondent_id__in={r for r, _ in pairs}, question_id__in={q for _, q in pairs},
    ).values_list("respondent_id", "question_id", "option_id", "dont_know")
    return {(r, q): (o, d) for r, q, o, d in rows if (r, q) in pairs}


def old_state(change: AnswerChange) -> State:
    """The state a change overwrote: what restoring it puts back."""
    return (change.old_option_id, change.old_dont_know)


def restorable(change: AnswerChange, current: dict[tuple[int, int], State]) -> bool:
    """Whether putting back the change's old state would change the answer as it is now."""
    now = current.get((change.respondent_id, change.question_id), NO_ANSWER)
    return now != old_state(change)


@transaction.atomic
def answer_restore(*, change: AnswerChange, user=None) -> AnswerChange | None:
    """Puts back the answer a change overwrote (its old state) and records that too.

    "No answer" deletes the answer. Returns the new change, or None when the
    answer already is in that state. When the respondent's answers are the
    assessment's scored set (a submitted self-assessment, or the consensus), the
    assessment is scored again so results follow the restored answer.
    """
    from .selectors import answer_levels
    from .services import assessment_score

    # Locks the respondent's row, as answers_save does, so a concurrent save waits.
    Respondent.objects.filter(pk=change.respondent_id).update(updated_at=timezone.now())
    respondent = Respondent.objects.select_related("assessment").get(pk=change.respondent_id)
    current = answer_states(Answer.objects.filter(
        respondent_id=respondent.pk, question_id=change.question_id
    ).values_list("question_id", "option_id", "dont_know"))
    target = old_state(change)
    if current.get(change.question_id, NO_ANSWER) == target:
        return None
    if target == NO_ANSWER:
        Answer.objects.filter(respondent_id=respondent.pk, question_id=change.question_id).delete()
    else:
        Answer.objects.update_or_create(
            respondent_id=respondent.pk, question_id=change.question_id,
            defaults={"option_id": target[0], "dont_know": target[1]})
    (restored,) = changes_record(respondent_id=respondent.pk, before=current,
                                 after={change.question_id: target}, source=Source.RESTORE,
                                 user=user)
    assessment = respondent.assessment
    official = respondent.is_consensus or assessment.mode != "workshop"
    if official and respondent.submitted_at and assessment.scored_at:
        assessment_score(assessment=assessment, levels=answer_levels(respondent=respondent))
    return restored
