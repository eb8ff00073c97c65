"""Participants get personal links by e-mail; links can be revoked and re-sent."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from assessment.models import Answer, Respondent
from tests.factories import answer, invite

pytestmark = pytest.mark.django_db


def test_consultant_invites_a_participant_who_gets_a_personal_link(client, consultant,
                                                                   workshop):
    client.force_login(consultant)
    response = client.post(reverse("consultant:invite", args=[workshop.pk]),
                           {"name": "Marco", "email": "marco@example.com", "role": "CIO"})
    participant = Respondent.objects.get(assessment=workshop)
    assert response.status_code == 302
    assert participant.role == "CIO" and participant.invited_at and participant.expires_at
    assert len(participant.token) >= 43  # 32 random bytes
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["marco@example.com"]
    assert f"/r/{participant.token}/" in mail.outbox[0].body


@pytest.mark.parametrize("data", [{"name": "", "email": "a@example.com", "role": "CIO"},
                                  {"name": "A", "email": "not-an-email", "role": "CIO"},
                                  {"name": "A", "email": "a@example.com", "role": "king"}])
def test_bad_participant_is_refused_with_a_message(client, consultant, workshop, data):
    client.force_login(consultant)
    response = client.post(reverse("consultant:invite", args=[workshop.pk]), data)
    assert response.status_code == 400 and "invalid-feedback" in response.content.decode()
    assert not Respondent.objects.exists() and not mail.outbox


def test_participant_answers_with_the_survey_pages_and_submission_does_not_score(client,
                                                                                 workshop):
    participant = invite(workshop, "Marco", "CIO")
    assert client.get(reverse("assessment:dimension", args=[participant.token, 1])
                      ).status_code == 200
    answer(participant, {}, default=4)
    response = client.post(reverse("assessment:review", args=[participant.token]))
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.scored_at is None  # only the consensus is scored
    done = client.get(response.url)
    assert "your answers are in" in done.content.decode()


def test_revoked_link_opens_nothing_but_the_answers_are_kept(client, consultant, workshop):
    participant = invite(workshop, "Marco", "CIO")
    answer(participant, {}, default=2)
    client.force_login(consultant)
    client.post(reverse("consultant:revoke", args=[participant.pk]))
    assert client.get(reverse("assessment:resume", args=[participant.token])
                      ).status_code == 404
    assert Answer.objects.filter(respondent=participant).count() == 15


def test_resend_sends_a_new_link_and_the_old_one_stops_working(client, consultant, workshop):
    participant = invite(workshop, "Marco", "CIO")
    old = participant.token
    client.force_login(consultant)
    client.post(reverse("consultant:revoke", args=[participant.pk]))
    client.post(reverse("consultant:resend", args=[participant.pk]))
    participant.refresh_from_db()
    assert participant.token != old and participant.revoked_at is None
    assert len(mail.outbox) == 2 and participant.token in mail.outbox[1].body
    assert client.get(reverse("assessment:resume", args=[old])).status_code == 404
    assert client.get(reverse("assessment:resume", args=[participant.token])
                      ).status_code == 302


def test_expired_link_opens_nothing(client, workshop):
    participant = invite(workshop, "Marco", "CIO")
    Respondent.objects.filter(pk=participant.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(reverse("assessment:resume", args=[participant.token])
                      ).status_code == 404


def test_consensus_set_cannot_be_revoked_through_the_participant_pages(client, consultant,
                                                                       workshop):
    from workshops.services import consensus_respondent

    consensus = consensus_respondent(assessment=workshop)
    client.force_login(consultant)
    assert client.post(reverse("consultant:revoke", args=[consensus.pk])).status_code == 404


def test_participant_who_has_not_submitted_is_sent_to_the_review(client, workshop):
    participant = invite(workshop, "Marco", "CIO")
    response = client.get(reverse("assessment:results", args=[participant.token]))
    assert response.status_code == 302
    assert response.url == reverse("assessment:review", args=[participant.token])


def test_the_personal_link_is_fetched_on_demand_never_in_the_page_source(client, consultant,
                                                                          workshop):
    paola = invite(workshop, "Paola", "CMO")
    client.force_login(consultant)
    page = client.get(reverse("consultant:assessment", args=[workshop.pk])).content.decode()
    assert paola.token not in page
    assert reverse("consultant:participant_link", args=[paola.pk]) in page
    response = client.get(reverse("consultant:participant_link", args=[paola.pk]))
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert response.json()["url"] == f"http://testserver/r/{paola.token}/"
    client.post(reverse("consultant:revoke", args=[paola.pk]))
    assert client.get(reverse("consultant:participant_link", args=[paola.pk])).status_code == 404


def test_status_chips_tell_not_started_in_progress_and_submitted_apart(client, consultant,
                                                                        workshop):
    from assessment.services import respondent_submit

    invite(workshop, "Nora", "CEO")
    busy = invite(workshop, "Ivo", "CIO")
    done = invite(workshop, "Sara", "CMO")
    answer(busy, {}, default=None)
    Answer.objects.filter(respondent=busy).exclude(question__code="STR01").delete()
    answer(done)
    assert respondent_submit(respondent=done).ok
    client.force_login(consultant)
    page = client.get(reverse("consultant:assessment", args=[workshop.pk])).content.decode()
    assert page.count("status-not_started") == 1 and "not started" in page
    assert page.count("status-in_progress") == 1 and "in progress" in page
    assert page.count("status-submitted") == 1
