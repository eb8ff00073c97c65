"""Live progress, the review loop, the private link panel, context questions and the
pages each respondent reached (the completion funnel)."""

import pytest
from django.urls import reverse

from assessment.models import Answer, Question, Respondent
from assessment.services import answers_save
from tests.factories import answer, make_questionnaire, make_respondent, option

pytestmark = pytest.mark.django_db


@pytest.fixture
def questionnaire():
    return make_questionnaire(per_dimension=3)


def url(name, respondent, *args):
    return reverse(f"assessment:{name}", args=[respondent.token, *args])


def test_pages_opened_and_the_review_are_recorded_once(client, questionnaire):
    respondent = make_respondent()
    assert respondent.furthest_step == 0
    client.get(url("dimension", respondent, 1))
    client.get(url("dimension", respondent, 3))
    client.get(url("dimension", respondent, 2))
    respondent.refresh_from_db()
    assert respondent.furthest_step == 3 and respondent.reviewed_at is None
    client.get(url("review", respondent))
    respondent.refresh_from_db()
    first = respondent.reviewed_at
    assert first is not None
    client.get(url("review", respondent))
    respondent.refresh_from_db()
    assert respondent.reviewed_at == first


def test_unrecorded_respondents_stay_unrecorded(client, questionnaire):
    respondent = make_respondent()
    Respondent.objects.filter(pk=respondent.pk).update(furthest_step=None)
    client.get(url("dimension", respondent, 2))
    respondent.refresh_from_db()
    assert respondent.furthest_step is None


def test_the_review_links_back_and_the_page_returns_to_the_review(client, questionnaire):
    respondent = make_respondent()
    review = client.get(url("review", respondent)).content.decode()
    assert url("dimension", respondent, 1) + "?from=review#q-STR01" in review
    plain = client.get(url("dimension", respondent, 1)).content.decode()
    assert 'value="review"' not in plain
    page = client.get(url("dimension", respondent, 1) + "?from=review").content.decode()
    assert page.count('name="go" value="review"') == 2  # in the header and by "Next"
    opt = option(respondent, "STR01", 4)
    response = client.post(url("dimension", respondent, 1),
                           {f"q{opt.question_id}": opt.id, "go": "review"})
    assert response.status_code == 302
    assert response["Location"] == url("review", respondent) + "#missing"
    assert Answer.objects.get(respondent=respondent).option == opt


def test_the_page_shows_the_live_counter_slots(client, questionnaire):
    respondent = make_respondent()
    answers_save(respondent=respondent, values={
        str(option(respondent, "STR01", 3).question_id): str(option(respondent, "STR01", 3).id),
        str(Question.objects.get(code="STR02").id): "dont_know"})
    html = client.get(url("dimension", respondent, 2)).content.decode()
    assert '<span class="answered-n">2</span> of 15 questions answered' in html
    assert 'aria-valuenow="13"' in html and "Dimension 2 of 5" in html


def test_context_questions_show_no_level_number(client, questionnaire):
    respondent = make_respondent()
    Question.objects.filter(code="STR03").update(scored=False)
    html = client.get(url("dimension", respondent, 1)).content.decode()
    block = html[html.index('id="q-STR03"'):]
    block = block[:block.index("</fieldset>")]
    assert "context, not scored" in block
    assert '<span class="level">1</span>' not in block
    assert '<span class="level">1</span>' in html  # the scored ones keep theirs


def test_the_link_is_emailed_to_the_address_typed_and_not_stored(client, questionnaire,
                                                                  mailoutbox):
    respondent = make_respondent()
    response = client.post(url("email_link", respondent), {"email": "cmo@example.com"},
                           headers={"x-requested-with": "fetch"})
    assert response.status_code == 200 and response.json()["ok"]
    (mail,) = mailoutbox
    assert mail.to == ["cmo@example.com"]
    assert url("resume", respondent) in mail.body and "where you stopped" in mail.body
    respondent.refresh_from_db()
    assert respondent.email == ""


def test_after_submission_the_mail_and_the_panel_speak_of_results(client, questionnaire,
                                                                   mailoutbox):
    respondent = make_respondent()
    answer(respondent, default=3)
    client.post(url("review", respondent))
    html = client.get(url("results", respondent)).content.decode()
    assert "Your results link" in html and "Continue later" not in html
    client.post(url("email_link", respondent), {"email": "cmo@example.com"})
    assert "results" in mailoutbox[0].subject


@pytest.mark.parametrize("email", ["", "not-an-address", "a@b" * 200])
def test_a_bad_address_is_a_400_not_a_500(client, questionnaire, email, mailoutbox):
    respondent = make_respondent()
    response = client.post(url("email_link", respondent), {"email": email},
                           headers={"x-requested-with": "fetch"})
    assert response.status_code == 400 and not response.json()["ok"]
    assert client.post(url("email_link", respondent), {"email": email}).status_code == 400
    assert mailoutbox == []


def test_an_unknown_link_cannot_send_mail(client, questionnaire, mailoutbox):
    response = client.post(reverse("assessment:email_link", args=["x" * 43]),
                           {"email": "a@example.com"})
    assert response.status_code == 404 and mailoutbox == []
