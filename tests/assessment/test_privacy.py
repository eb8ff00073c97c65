"""A respondent's personal data can be exported and erased; the scores stay."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from assessment.answers.privacy import respondent_erase, respondent_export
from assessment.models import Answer, AnswerChange, Respondent
from tests.factories import answer, invite, make_respondent
from workshops import services as ws

pytestmark = pytest.mark.django_db


@pytest.fixture
def marco(workshop):
    participant = invite(workshop, "Marco", "CIO")
    answer(participant, {"STR01": 2}, default=4)
    answer(participant, {"STR01": None}, default=4)  # changed his mind: don't know
    return participant


@pytest.fixture
def scored_workshop(workshop, marco, consultant):
    ws.consensus_save(assessment=workshop, levels={c: 3 for c in ws.scored_codes(
        assessment=workshop)}, user=consultant)
    workshop.refresh_from_db()
    assert workshop.scored_at is not None
    return workshop


def test_export_holds_profile_answers_and_history(marco):
    data = respondent_export(respondent=marco)
    assert data["respondent"]["name"] == "Marco"
    assert data["respondent"]["email"] == "marco@example.com"
    assert data["respondent"]["role"] == "CIO"
    assert data["assessment"]["company"] == "Gamma Retail"
    answers = {a["question"]: a["level"] for a in data["answers"]}
    assert len(answers) == 15 and answers["STR01"] == "dont_know" and answers["ORG01"] == 4
    str01 = [(c["old"], c["new"]) for c in data["answer_changes"] if c["question"] == "STR01"]
    assert str01 == [(None, 2), (2, "dont_know")]
    json.dumps(data)  # plain JSON all the way down


def test_erasure_removes_personal_data_and_keeps_the_scores(scored_workshop, marco, client):
    scores = (scored_workshop.overall, scored_workshop.cluster, scored_workshop.scores)
    old_token = marco.token
    respondent_erase(respondent=marco)
    marco.refresh_from_db()
    scored_workshop.refresh_from_db()
    assert (marco.name, marco.email, marco.role) == ("", "", "other")
    assert marco.erased_at and marco.revoked_at and marco.token != old_token
    assert client.get(reverse("assessment:resume", args=[old_token])).status_code == 404
    assert not AnswerChange.objects.filter(respondent=marco).exists()
    assert not Answer.objects.filter(respondent=marco).exists()  # a participant's own view
    assert (scored_workshop.overall, scored_workshop.cluster, scored_workshop.scores) == scores
    consensus = Respondent.objects.get(assessment=scored_workshop, is_consensus=True)
    assert consensus.answers.count() == 15  # the agreed answers are the result


def test_erasing_a_self_assessment_keeps_its_answers_detached(client, questionnaire):
    respondent = make_respondent()
    respondent.name, respondent.email = "Eva", "eva@example.com"
    respondent.save()
    answer(respondent, default=4)
    client.post(reverse("assessment:review", args=[respondent.token]))
    respondent.assessment.refresh_from_db()
    overall = respondent.assessment.overall
    respondent_erase(respondent=respondent)
    respondent.refresh_from_db()
    respondent.assessment.refresh_from_db()
    assert respondent.assessment.overall == overall is not None
    assert Answer.objects.filter(respondent=respondent).count() == 15  # rescoring needs them
    assert not respondent.name and not respondent.email
    assert not AnswerChange.objects.filter(respondent=respondent).exists()


def test_consultant_exports_and_erases_a_participant(client, consultant, marco):
    client.force_login(consultant)
    response = client.post(reverse("consultant:privacy_export", args=[marco.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/json")
    assert json.loads(response.content)["respondent"]["email"] == "marco@example.com"
    response = client.post(reverse("consultant:privacy_erase", args=[marco.pk]))
    assert response.status_code == 302
    marco.refresh_from_db()
    assert marco.erased_at is not None and marco.email == ""


def test_privacy_actions_are_post_only(client, consultant, marco):
    client.force_login(consultant)
    for name in ("privacy_export", "privacy_erase"):
        assert client.get(reverse(f"consultant:{name}", args=[marco.pk])).status_code == 405
    marco.refresh_from_db()
    assert marco.erased_at is None


def test_another_consultant_is_refused(client, other_consultant, marco):
    client.force_login(other_consultant)
    for name in ("privacy_export", "privacy_erase"):
        assert client.post(reverse(f"consultant:{name}", args=[marco.pk])).status_code == 404
    marco.refresh_from_db()
    assert marco.email == "marco@example.com"


def test_anonymous_is_sent_to_the_login(client, marco):
    for name in ("privacy_export", "privacy_erase"):
        response = client.post(reverse(f"consultant:{name}", args=[marco.pk]))
        assert response.status_code == 302 and reverse("consultant:login") in response.url
    marco.refresh_from_db()
    assert marco.name == "Marco"


def test_admin_actions_export_and_erase(client, staff_admin, marco):
    staff_admin.is_superuser = True
    staff_admin.save()
    client.force_login(staff_admin)
    url = reverse("admin:assessment_respondent_changelist")
    response = client.post(url, {"action": "export_personal_data",
                                 "_selected_action": [marco.pk]})
    assert json.loads(response.content)[0]["respondent"]["name"] == "Marco"
    response = client.post(url, {"action": "erase_personal_data",
                                 "_selected_action": [marco.pk]})
    assert response.status_code == 302
    marco.refresh_from_db()
    assert marco.name == "" and marco.erased_at is not None


def test_command_exports_and_erases(marco, capsys):
    call_command("privacy", "export", str(marco.pk))
    assert json.loads(capsys.readouterr().out)["respondent"]["name"] == "Marco"
    call_command("privacy", "erase", str(marco.pk))
    marco.refresh_from_db()
    assert marco.name == "" and "erased" in capsys.readouterr().out


@pytest.mark.parametrize("bad", ["999999", "abc", "-1", "1" * 40])
def test_command_refuses_an_unknown_id_with_exit_2(db, bad):
    with pytest.raises(CommandError) as exc:
        call_command("privacy", "erase", bad)
    assert exc.value.returncode == 2
