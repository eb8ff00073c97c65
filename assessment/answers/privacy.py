"""A respondent's personal data: exported as JSON, or erased, on request.

Erasure keeps the assessment's anonymous result (scores, overall, cluster),
so benchmarks do not change. A self-assessment's answers stay too, detached
from the person (the rescore command needs them); a workshop participant's own
answers go, since among a handful of named colleagues they would single the
person out; the agreed consensus, which is the result, stays.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from assessment.choices import Role
from assessment.models import Answer, AnswerChange, Respondent
from assessment.models.assessments import new_token


def _when(value) -> str | None:
    return value.isoformat() if value else None


def _state(option, dont_know: bool) -> int | str | None:
    """A level, "dont_know", or None for no answer."""
    return option.level if option is not None else ("dont_know" if dont_know else None)


def respondent_export(*, respondent: Respondent) -> dict[str, Any]:
    """Everything stored about the person: profile, link state, answers and their history."""
    assessment = respondent.assessment
    answers = (Answer.objects.filter(respondent=respondent)
               .select_related("question", "option").order_by("question__code"))
    changes = (AnswerChange.objects.filter(respondent=respondent)
               .select_related("question", "old_option", "new_option")
               .order_by("changed_at", "id"))
    return {
        "respondent": {
            "id": respondent.pk, "name": respondent.name, "email": respondent.email,
            "role": respondent.role, "created_at": _when(respondent.created_at),
            "updated_at": _when(respondent.updated_at),
            "submitted_at": _when(respondent.submitted_at),
            "invited_at": _when(respondent.invited_at),
            "revoked_at": _when(respondent.revoked_at),
            "expires_at": _when(respondent.expires_at),
            "erased_at": _when(respondent.erased_at),
        },
        "assessment": {"id": assessment.pk, "company": assessment.company.name,
                       "mode": assessment.mode, "language": assessment.language,
                       "questionnaire": assessment.questionnaire.version},
        "answers": [{"question": a.question.code, "level": _state(a.option, a.dont_know),
                     "updated_at": _when(a.updated_at)} for a in answers],
        "answer_changes": [{"question": c.question.code,
                            "old": _state(c.old_option, c.old_dont_know),
                            "new": _state(c.new_option, c.new_dont_know),
                            "source": c.source, "changed_at": _when(c.changed_at)}
                           for c in changes],
    }


@transaction.atomic
def respondent_erase(*, respondent: Respondent) -> None:
    """Removes the person's name, e-mail and role, revokes their link and drops their history.

    Idempotent. The assessment's scores are untouched.
    """
    now = timezone.now()
    # A new random token: the old link (perhaps in a mailbox) opens nothing, and
    # revoked_at stops the new one too.
    respondent.name, respondent.email, respondent.role = "", "", Role.OTHER
    respondent.token, respondent.revoked_at, respondent.expires_at = new_token(), now, None
    respondent.erased_at = respondent.erased_at or now
    respondent.save(update_fields=["name", "email", "role", "token", "revoked_at",
                                   "expires_at", "erased_at", "updated_at"])
    AnswerChange.objects.filter(respondent=respondent).delete()
    if respondent.is_participant:
        Answer.objects.filter(respondent=respondent).delete()
