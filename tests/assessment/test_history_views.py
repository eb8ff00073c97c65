"""The consultant's answer history page: every change, newest first, and restoring one."""

import pytest
from django.urls import reverse

from assessment.models import Answer, AnswerChange
from tests.factories import answer, invite, queries_of
from workshops import services as ws

pytestmark = pytest.mark.django_db


@pytest.fixture
def paola(workshop):
    """A participant who answered STR01 with 2, then changed it to 5."""
    participant = invite(workshop, "Paola", "CMO")
    answer(participant, {"STR01": 2}, default=3)
    answer(participant, {"STR01": 5}, default=3)
    return participant


def level_of(respondent, code):
    return Answer.objects.get(respondent=respondent, question__code=code).option.level


def test_history_lists_changes_newest_first_with_before_and_after(client, consultant, paola):
    client.force_login(consultant)
    response = client.get(reverse("consultant:history", args=[paola.assessment_id]))
    assert response.status_code == 200
    rows = response.context["rows"]
    assert len(rows) == AnswerChange.objects.filter(respondent=paola).count() == 16
    newest = rows[0]
    assert newest["change"].question.code == "STR01"
    assert (newest["before"], newest["after"]) == ("2", "5")
    html = response.content.decode()
    assert "Paola" in html and "Restore “2”" in html


def test_restore_button_only_where_it_would_change_the_answer(client, consultant, paola):
    client.force_login(consultant)
    rows = client.get(reverse("consultant:history", args=[paola.assessment_id])
                      ).context["rows"]
    by_state = {(r["change"].question.code, r["before"], r["after"]): r["restorable"]
                for r in rows}
    assert by_state[("STR01", "2", "5")] is True       # 5 now: 2 can come back
    assert by_state[("STR01", "no answer", "2")] is True  # removing the answer is a change
    assert by_state[("STR02", "no answer", "3")] is True
    answer(paola, {"STR01": 2}, default=3)  # the participant goes back to 2 themselves
    rows = client.get(reverse("consultant:history", args=[paola.assessment_id])
                      ).context["rows"]
    assert [r["restorable"] for r in rows if (r["before"], r["after"]) == ("2", "5")] == [False]


def test_restoring_puts_the_earlier_answer_back_and_records_who(client, consultant, paola):
    client.force_login(consultant)
    change = AnswerChange.objects.get(respondent=paola, old_option__level=2,
                                      new_option__level=5)
    url = reverse("consultant:restore", args=[paola.assessment_id, change.pk])
    history = reverse("consultant:history", args=[paola.assessment_id])
    response = client.post(url, {"next": f"{history}?question=STR01"}, follow=True)
    assert response.redirect_chain[-1][0] == f"{history}?question=STR01"
    assert level_of(paola, "STR01") == 2
    restored = AnswerChange.objects.filter(respondent=paola).first()
    assert restored.source == "restore" and restored.changed_by == consultant
    assert "the earlier answer (2) is back" in response.content.decode()
    # Again: the answer already is 2, nothing changes and the page says so.
    again = client.post(url, {"next": "https://elsewhere.example/"}, follow=True)
    assert again.redirect_chain[-1][0] == history  # only back to the history
    assert "already has that answer" in again.content.decode()
    assert AnswerChange.objects.filter(respondent=paola, source="restore").count() == 1


def test_restoring_a_consensus_answer_scores_the_assessment_again(client, consultant,
                                                                   workshop, questionnaire):
    codes = list(questionnaire.questions.values_list("code", flat=True))
    assert ws.consensus_save(assessment=workshop, levels={c: 5 for c in codes}, user=consultant)
    assert ws.consensus_save(assessment=workshop, levels={**{c: 5 for c in codes}, "STR01": 1},
                             user=consultant)
    workshop.refresh_from_db()
    lowered = workshop.scores["strategy"]
    change = AnswerChange.objects.get(respondent__is_consensus=True, old_option__level=5,
                                      new_option__level=1)
    client.force_login(consultant)
    client.post(reverse("consultant:restore", args=[workshop.pk, change.pk]))
    workshop.refresh_from_db()
    assert workshop.scores["strategy"] > lowered


def test_a_change_of_another_assessment_is_not_found(client, consultant, company, paola):
    other = ws.assessment_create(company=company, mode="workshop", language="en")
    client.force_login(consultant)
    change = AnswerChange.objects.filter(respondent=paola).first()
    url = reverse("consultant:restore", args=[other.pk, change.pk])
    assert client.post(url).status_code == 404
    assert client.get(url).status_code == 405  # restoring is a POST only


def test_bad_page_numbers_show_a_page_rather_than_an_error(client, consultant, paola):
    client.force_login(consultant)
    url = reverse("consultant:history", args=[paola.assessment_id])
    for page in ("abc", "-1", "999", "1e9"):
        assert client.get(url, {"page": page}).status_code == 200


def test_filters_by_person_and_question(client, consultant, workshop, paola):
    other = invite(workshop, "Luca", "CIO")
    answer(other, {}, default=4)
    client.force_login(consultant)
    url = reverse("consultant:history", args=[workshop.pk])
    rows = client.get(url, {"who": paola.pk}).context["rows"]
    assert {r["who"] for r in rows} == {"Paola"} and len(rows) == 16
    rows = client.get(url, {"question": " str01 "}).context["rows"]
    assert sorted((r["who"], r["before"], r["after"]) for r in rows) == [
        ("Luca", "no answer", "4"), ("Paola", "2", "5"), ("Paola", "no answer", "2")]
    assert "No change matches" in client.get(url, {"question": "XYZ99"}).content.decode()


def test_a_bad_filter_says_so_and_shows_everything(client, consultant, workshop, paola):
    stranger = invite(ws.assessment_create(company=workshop.company, mode="workshop",
                                           language="en"), "Zoe", "CEO")
    client.force_login(consultant)
    response = client.get(reverse("consultant:history", args=[workshop.pk]),
                          {"who": stranger.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["who"]
    assert len(response.context["rows"]) == 16


def test_history_queries_do_not_grow_with_changes(client, consultant, workshop, paola):
    client.force_login(consultant)
    url = reverse("consultant:history", args=[workshop.pk])
    before = queries_of(client, url)
    for i in range(3):
        answer(invite(workshop, f"Extra{i}", "sales"), {}, default=i + 1)
    assert AnswerChange.objects.filter(respondent__assessment=workshop).count() > 50
    # session, user, assessment, respondents (filter), count, page of changes,
    # current answers = 7
    assert queries_of(client, url) == before == 7


def test_clearing_a_first_answer_says_the_answer_was_taken_away(client, consultant, paola):
    first = AnswerChange.objects.get(respondent=paola, question__code="STR02")
    client.force_login(consultant)
    response = client.post(reverse("consultant:restore", args=[paola.assessment_id, first.pk]),
                           follow=True)
    assert "STR02: the answer was taken away" in response.content.decode()
    assert not Answer.objects.filter(respondent=paola, question__code="STR02").exists()
