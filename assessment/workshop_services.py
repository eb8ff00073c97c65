"""Writes of the consultants' side: companies, waves, participants, invitations, consensus."""

from __future__ import annotations

from copy import copy
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .answer_history import changes_record
from .choices import Mode
from .models import Answer, Assessment, Company, Option, Question, Respondent
from .models.assessments import new_token
from .models.history import Source
from .selectors import questionnaire_current
from .services import assessment_score
from .workshop_selectors import consensus_levels, scored_codes


class ConsensusRejected(ValueError):
    """A consensus level that does not fit the questionnaire; nothing was saved."""


def company_create(*, owner, name: str, sector: str, size: str, country: str) -> Company:
    """A consultant's client company, owned by the consultant."""
    company = Company(owner=owner, name=" ".join(name.split()), sector=sector, size=size,
                      country=country)
    company.full_clean()
    company.save()
    return company


def assessment_create(*, company: Company, mode: str, language: str) -> Assessment:
    """A new wave for the company on the current questionnaire; earlier waves stay as they are."""
    assessment = Assessment(company=company, questionnaire=questionnaire_current(), mode=mode,
                            language=language)
    assessment.full_clean(exclude=["questionnaire"])
    assessment.save()
    return assessment


def _invitation_url(base_url: str, token: str) -> str:
    return base_url.rstrip("/") + reverse("assessment:resume", args=[token])


def invitation_send(*, participant: Respondent, base_url: str) -> None:
    """E-mails the personal link, in the assessment's language, and renews its expiry."""
    assessment = participant.assessment
    now = timezone.now()
    participant.invited_at = now
    participant.expires_at = now + timedelta(days=settings.INVITATION_DAYS)
    participant.save(update_fields=["invited_at", "expires_at", "updated_at"])
    if not participant.email:
        return
    with translation.override(assessment.language):
        context = {"participant": participant, "company": assessment.company,
                   "url": _invitation_url(base_url, participant.token),
                   "expires": participant.expires_at}
        subject = _("Omnichannel maturity workshop: your questionnaire for %(company)s") % {
            "company": assessment.company.name}
        body = render_to_string("assessment/consultant/invitation_email.txt", context)
    send_mail(subject, body, None, [participant.email])


def participant_invite(*, assessment: Assessment, name: str, email: str, role: str,
                       base_url: str) -> Respondent:
    """Adds a participant with a personal (256-bit) link and e-mails it."""
    participant = Respondent(assessment=assessment, name=name.strip(), email=email.strip(),
                             role=role)
    participant.full_clean()
    participant.save()
    invitation_send(participant=participant, base_url=base_url)
    return participant


def invitation_revoke(*, participant: Respondent) -> Respondent:
    """The participant's link stops working at once; the answers given are kept."""
    participant.revoked_at = participant.revoked_at or timezone.now()
    participant.save(update_fields=["revoked_at", "updated_at"])
    return participant


def invitation_resend(*, participant: Respondent, base_url: str) -> Respondent:
    """Sends a fresh link: a new token, so an old (perhaps forwarded) link no longer opens."""
    participant.token = new_token()
    participant.revoked_at = None
    participant.save(update_fields=["token", "revoked_at", "updated_at"])
    invitation_send(participant=participant, base_url=base_url)
    return participant


def consensus_respondent(*, assessment: Assessment) -> Respondent:
    """The answer set that holds the agreed levels (created on first use)."""
    respondent, _created = Respondent.objects.get_or_create(
        assessment=assessment, is_consensus=True,
        defaults={"name": "Consensus", "role": "other"},
    )
    return respondent


@transaction.atomic
def consensus_save(*, assessment: Assessment, levels: dict[str, int | None], user=None) -> bool:
    """Records agreed levels ``{question code: 1-5 or None for don't know}``.

    Every changed level goes to the audit trail, with ``user`` (the consultant) as author.

    Once every scored question has an agreed level the consensus is scored as the
    assessment's official result. Returns whether it was scored.
    """
    questions = {q.code: q for q in Question.objects.filter(
        questionnaire_id=assessment.questionnaire_id, code__in=list(levels))}
    unknown = set(levels) - set(questions)
    if unknown:
        raise ConsensusRejected(f"unknown question {min(unknown)}")
    options = {(o.question_id, o.level): o for o in Option.objects.filter(
        question__in=questions.values())}
    respondent = consensus_respondent(assessment=assessment)
    existing = {a.question_id: a for a in Answer.objects.filter(respondent=respondent)}
    before = {qid: copy(a) for qid, a in existing.items()}  # the loop below edits them
    create, update = [], []
    for code, level in levels.items():
        question = questions[code]
        option = None if level is None else options.get((question.id, level))
        if level is not None and option is None:
            raise ConsensusRejected(f"level {level} is not an option of {code}")
        answer = existing.get(question.id)
        if answer is None:
            create.append(Answer(respondent=respondent, question=question, option=option,
                                 dont_know=option is None))
        else:
            answer.option, answer.dont_know = option, option is None
            answer.updated_at = timezone.now()  # bulk_update skips auto_now
            update.append(answer)
    Answer.objects.bulk_create(create)
    Answer.objects.bulk_update(update, ["option", "dont_know", "updated_at"])
    changes_record(
        respondent_id=respondent.pk, source=Source.CONSENSUS, user=user,
        before={qid: (a.option_id, a.dont_know) for qid, a in before.items()},
        after={a.question_id: (a.option_id, a.dont_know) for a in create + update})
    agreed = consensus_levels(assessment=assessment)
    if set(scored_codes(assessment=assessment)) - set(agreed):
        return False
    now = timezone.now()
    Respondent.objects.filter(pk=respondent.pk).update(submitted_at=now, updated_at=now)
    assessment.submitted_at = assessment.submitted_at or now
    assessment_score(assessment=assessment, levels=agreed)
    return True


def is_workshop_participant(respondent: Respondent) -> bool:
    return respondent.assessment.mode == Mode.WORKSHOP and not respondent.is_consensus


def share_with(*, company: Company, users: list[Any]) -> None:
    company.shared_with.add(*users)
