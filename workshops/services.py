"""Writes of the consultants' side: companies, waves, participants, invitations, consensus."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from assessment.answers.history import answers_write
from assessment.choices import Role
from assessment.models import Assessment, Company, Option, Question, Respondent
from assessment.models.assessments import new_token
from assessment.models.history import Source
from assessment.selectors import questionnaire_current
from assessment.services import assessment_score
from workshops.selectors import consensus_levels, scored_codes


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


def invitation_url(*, base_url: str, token: str) -> str:
    """A participant's personal link."""
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
                   "url": invitation_url(base_url=base_url, token=participant.token),
                   "expires": participant.expires_at}
        subject = _("Omnichannel maturity workshop: your questionnaire for %(company)s") % {
            "company": assessment.company.name}
        body = render_to_string("workshops/invitation_email.txt", context)
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
        defaults={"name": "Consensus", "role": Role.OTHER},
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
    states = {}
    for code, level in levels.items():
        question = questions[code]
        option = None if level is None else options.get((question.id, level))
        if level is not None and option is None:
            raise ConsensusRejected(f"level {level} is not an option of {code}")
        states[(respondent.pk, question.id)] = (option and option.pk, option is None)
    answers_write(states=states, source=Source.CONSENSUS, user=user)
    agreed = consensus_levels(assessment=assessment)
    if set(scored_codes(assessment=assessment)) - set(agreed):
        return False
    now = timezone.now()
    Respondent.objects.filter(pk=respondent.pk).update(submitted_at=now, updated_at=now)
    assessment.submitted_at = assessment.submitted_at or now
    assessment_score(assessment=assessment, levels=agreed)
    return True


def report_share(*, assessment: Assessment, user, shared: bool) -> None:
    """Shares a workshop's consolidated report with its participants' links, or stops
    sharing it; who did it and when are recorded."""
    assessment.report_shared_at = timezone.now() if shared else None
    assessment.report_shared_by = user if shared else None
    assessment.save(update_fields=["report_shared_at", "report_shared_by"])
