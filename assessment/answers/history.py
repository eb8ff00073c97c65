"""Writing answers with their audit trail, and reading that trail.

Every write of an answer (autosave, consensus, import, restore) goes through
``answers_write``, which stores the answers and one AnswerChange per changed one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from assessment.models import Answer, AnswerChange, Assessment

# An answer's state: (option id, don't know). (None, False) is "no answer".
State = tuple[int | None, bool]
NO_ANSWER: State = (None, False)
# (respondent id, question id): one answer's place.
Key = tuple[int, int]


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


def states_now(keys: Iterable[Key]) -> dict[Key, State]:
    """``{(respondent id, question id): state now}`` for the given answers, in one query;
    an answer that does not exist is absent (its state is NO_ANSWER)."""
    keys = set(keys)
    if not keys:
        return {}
    rows = Answer.objects.filter(
        respondent_id__in={r for r, _ in keys}, question_id__in={q for _, q in keys},
    ).values_list("respondent_id", "question_id", "option_id", "dont_know")
    return {(r, q): (o, d) for r, q, o, d in rows if (r, q) in keys}


def current_states(changes: Iterable[AnswerChange]) -> dict[Key, State]:
    """The state now of every answer the changes touched (see ``states_now``)."""
    return states_now((c.respondent_id, c.question_id) for c in changes)


def old_state(change: AnswerChange) -> State:
    """The state a change overwrote: what restoring it puts back."""
    return (change.old_option_id, change.old_dont_know)


def restorable(change: AnswerChange, current: dict[tuple[int, int], State]) -> bool:
    """Whether putting back the change's old state would change the answer as it is now."""
    now = current.get((change.respondent_id, change.question_id), NO_ANSWER)
    return now != old_state(change)


def answers_write(*, states: Mapping[Key, State], source: str, user=None,
                  at: datetime | None = None) -> list[AnswerChange]:
    """Puts answers in the given states and records each change, in a fixed number of queries.

    ``states`` maps (respondent id, question id) to (option id, don't know); NO_ANSWER
    deletes the answer. Only answers whose state differs are written: one upsert (a row
    another request inserted meanwhile is updated, not an IntegrityError), one delete,
    one insert of AnswerChange rows. Returns those rows. Run it inside a transaction
    that has locked the respondents' rows, so concurrent writes take turns.
    """
    if not states:
        return []
    before = states_now(states)
    changed = {key: new for key, new in states.items() if before.get(key, NO_ANSWER) != new}
    stored = [Answer(respondent_id=r, question_id=q, option_id=option, dont_know=dont_know)
              for (r, q), (option, dont_know) in changed.items() if (option, dont_know) != NO_ANSWER]
    if stored:
        Answer.objects.bulk_create(
            stored, update_conflicts=True, unique_fields=["respondent", "question"],
            update_fields=["option", "dont_know", "updated_at"])
    gone = [key for key, new in changed.items() if new == NO_ANSWER]
    if gone:
        for respondent_id in {r for r, _ in gone}:
            Answer.objects.filter(respondent_id=respondent_id,
                                  question_id__in=[q for r, q in gone if r == respondent_id]
                                  ).delete()
    at = at or timezone.now()
    user_id = user.pk if user is not None and user.is_authenticated else None
    return AnswerChange.objects.bulk_create([
        AnswerChange(respondent_id=r, question_id=q,
                     old_option_id=before.get((r, q), NO_ANSWER)[0],
                     old_dont_know=before.get((r, q), NO_ANSWER)[1],
                     new_option_id=new[0], new_dont_know=new[1],
                     source=source, changed_by_id=user_id, changed_at=at)
        for (r, q), new in changed.items()
    ]) if changed else []
