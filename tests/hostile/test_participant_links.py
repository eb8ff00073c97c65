"""Finding 2: a participant's personal link opens their own answers and the thank-you
page; the consolidated report (every participant's answers) only while the consultant
shares it, an explicit, recorded and revocable action on the workshop page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from assessment.services import respondent_submit
from reports.models import ReportFile
from reports.selectors import report_fingerprint
from tests.factories import answer, invite

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreed(workshop, questionnaire):
    from workshops import services as ws

    answered = invite(workshop, "Paola", "CMO")
    answer(answered, default=4)
    assert respondent_submit(respondent=answered).ok
    silent = invite(workshop, "Luca", "CIO")  # invited, never answered
    assert ws.consensus_save(assessment=workshop, levels={
        q.code: 3 for q in questionnaire.questions.all()})
    ReportFile.objects.create(
        assessment=workshop, language="en", status=ReportFile.Status.DONE, pdf=b"%PDF-1.7",
        fingerprint=report_fingerprint(assessment=workshop, language="en"))
    return answered, silent


def _report_urls(token: str) -> list[tuple[str, str]]:
    return [("post", reverse("reports:start", args=[token])),
            ("get", reverse("reports:status", args=[token])),
            ("get", reverse("reports:download", args=[token, "en"]))]


def test_no_participant_link_reaches_the_consolidated_report(client, agreed, workshop):
    workshop.refresh_from_db()
    assert workshop.scored_at
    for participant in agreed:
        for method, url in _report_urls(participant.token):
            assert getattr(client, method)(url).status_code == 404, url
    assert ReportFile.objects.filter(assessment=workshop).count() == 1  # none queued
    done = client.get(reverse("assessment:results", args=[agreed[0].token]))
    assert done.status_code == 200
    assert b"report/status" not in done.content and b".pdf" not in done.content


def test_sharing_is_recorded_opens_the_report_and_can_be_revoked(
        client, agreed, workshop, consultant):
    client.force_login(consultant)
    page = client.get(reverse("consultant:workshop", args=[workshop.pk]))
    assert b"Share the report with participants" in page.content
    share = reverse("consultant:report_share", args=[workshop.pk])
    assert client.post(share, {"share": "1"}).status_code == 302
    workshop.refresh_from_db()
    assert workshop.report_shared_at and workshop.report_shared_by == consultant
    assert b"Stop sharing the report" in client.get(
        reverse("consultant:workshop", args=[workshop.pk])).content
    client.logout()
    answered = agreed[0]
    download = client.get(reverse("reports:download", args=[answered.token, "en"]))
    assert download.status_code == 200 and download.content == b"%PDF-1.7"
    assert client.get(reverse("reports:status", args=[answered.token])).json()["status"] \
        == "done"
    assert b"report/status" in client.get(
        reverse("assessment:results", args=[answered.token])).content
    client.force_login(consultant)
    assert client.post(share, {"share": "0"}).status_code == 302
    workshop.refresh_from_db()
    assert workshop.report_shared_at is None and workshop.report_shared_by is None
    for method, url in _report_urls(answered.token):
        assert getattr(client, method)(url).status_code == 404, url


def test_only_a_workshop_report_can_be_shared(client, consultant, company, questionnaire):
    from workshops import services as ws

    own = ws.assessment_create(company=company, mode="self", language="en")
    client.force_login(consultant)
    assert client.post(reverse("consultant:report_share", args=[own.pk]),
                       {"share": "1"}).status_code == 404
