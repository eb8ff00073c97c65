"""The executive survey, end to end over HTTP."""

import pytest
from django.urls import reverse

from assessment.models import Answer, Company, Question
from tests.factories import answer, make_questionnaire, make_respondent, option

pytestmark = pytest.mark.django_db

START = {"company": "Acme Retail", "sector": "retail", "size": "large", "country": "IT",
         "role": "CMO"}


@pytest.fixture
def questionnaire():
    return make_questionnaire(per_dimension=3)


def url(name, respondent, *args):
    return reverse(f"assessment:{name}", args=[respondent.token, *args])


def test_landing_links_to_the_start(client, questionnaire):
    response = client.get("/")
    assert response.status_code == 200
    assert reverse("assessment:start") in response.content.decode()


def test_every_page_names_the_icon_and_the_icon_is_served(client, questionnaire, admin_client):
    from django.contrib.staticfiles import finders

    for page in (client.get("/"), admin_client.get("/admin/")):
        assert 'rel="icon" href="/static/img/icon.svg"' in page.content.decode()
    assert finders.find("img/icon.svg")


def test_start_creates_company_and_leads_to_the_first_dimension(client, questionnaire):
    response = client.post(reverse("assessment:start"), START)
    company = Company.objects.get()
    respondent = company.assessments.get().respondents.get()
    assert response.status_code == 302
    assert response.url == url("dimension", respondent, 1)
    assert respondent.role == "CMO" and company.country.code == "IT"


@pytest.mark.parametrize("change", [{"company": "  "}, {"company": "x" * 5000},
                                    {"sector": "mining"}, {"country": "XX"}, {"role": ""}])
def test_start_refuses_bad_profile_with_a_message_and_creates_nothing(client, questionnaire,
                                                                      change):
    response = client.post(reverse("assessment:start"), {**START, **change})
    assert response.status_code == 400
    assert "invalid-feedback" in response.content.decode()
    assert not Company.objects.exists()


def test_start_without_a_published_questionnaire_says_so(client, db):
    response = client.post(reverse("assessment:start"), START)
    assert response.status_code == 400
    assert "not available" in response.content.decode()


def test_dimension_page_shows_every_question_with_five_levels_and_dont_know(client,
                                                                            questionnaire):
    respondent = make_respondent()
    response = client.get(url("dimension", respondent, 2))
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 of 5" in html
    for q in Question.objects.filter(dimension__code="organization"):
        assert f'name="q{q.id}"' in html
        assert html.count(f'name="q{q.id}"') == 6
    assert 'value="dont_know"' in html


def test_autosave_stores_the_answer_at_once(client, questionnaire):
    respondent = make_respondent()
    opt = option(respondent, "DAT02", 4)
    response = client.post(url("autosave", respondent),
                           {"question": opt.question_id, "value": opt.id})
    assert response.status_code == 200
    assert response.json() == {"ok": True, "answered": 1, "total": 15, "percent": 7}
    assert Answer.objects.get(respondent=respondent).option == opt


def test_autosave_dont_know(client, questionnaire):
    respondent = make_respondent()
    question = Question.objects.get(code="DAT02")
    client.post(url("autosave", respondent), {"question": question.id, "value": "dont_know"})
    answer = Answer.objects.get(respondent=respondent)
    assert answer.dont_know and answer.option is None


@pytest.mark.parametrize("tamper", ["other_question_option", "foreign_question", "text",
                                    "missing", "huge"])
def test_autosave_refuses_tampered_ids_and_keeps_the_saved_answer(client, questionnaire,
                                                                  tamper):
    respondent = make_respondent()
    good = option(respondent, "DAT02", 2)
    client.post(url("autosave", respondent), {"question": good.question_id, "value": good.id})
    other = make_questionnaire(per_dimension=1, version="other")
    payload = {
        "other_question_option": {"question": good.question_id,
                                  "value": option(respondent, "DAT01", 5).id},
        "foreign_question": {"question": other.questions.first().id,
                             "value": other.questions.first().options.first().id},
        "text": {"question": "DAT02", "value": "5"},
        "missing": {},
        "huge": {"question": good.question_id, "value": "9" * 500},
    }[tamper]
    response = client.post(url("autosave", respondent), payload)
    assert response.status_code == 400
    assert response.json()["ok"] is False
    assert Answer.objects.get(respondent=respondent).option == good


@pytest.mark.parametrize("token", ["nope", "x" * 43, "a" * 500])
def test_tampered_or_unknown_token_is_not_found(client, questionnaire, token):
    assert client.get(f"/r/{token}/step/1/").status_code == 404
    assert client.post(f"/r/{token}/answer/", {"question": 1, "value": 1}).status_code == 404


def test_step_out_of_range_is_not_found(client, questionnaire):
    respondent = make_respondent()
    assert client.get(url("dimension", respondent, 9)).status_code == 404


def test_next_saves_the_whole_page_and_moves_on(client, questionnaire):
    respondent = make_respondent()
    values = {f"q{q.id}": str(q.options.get(level=3).id)
              for q in Question.objects.filter(dimension__code="strategy")}
    response = client.post(url("dimension", respondent, 1), {**values, "go": "next"})
    assert response.url == url("dimension", respondent, 2)
    assert Answer.objects.filter(respondent=respondent).count() == 3


def test_last_page_leads_to_the_review(client, questionnaire):
    respondent = make_respondent()
    response = client.post(url("dimension", respondent, 5), {"go": "next"})
    assert response.url == url("review", respondent)


def test_page_with_a_foreign_option_saves_nothing_and_says_so(client, questionnaire):
    respondent = make_respondent()
    q1, q2 = Question.objects.filter(dimension__code="strategy")[:2]
    response = client.post(url("dimension", respondent, 1), {
        f"q{q1.id}": q1.options.first().id, f"q{q2.id}": q1.options.first().id})
    assert response.status_code == 400
    assert "could not be saved" in response.content.decode()
    assert not Answer.objects.exists()


def test_resume_link_returns_to_the_first_dimension_with_a_gap(client, questionnaire):
    respondent = make_respondent()
    for q in Question.objects.filter(dimension__code__in=["strategy", "organization"]):
        client.post(url("autosave", respondent),
                    {"question": q.id, "value": q.options.get(level=2).id})
    response = client.get(url("resume", respondent))
    assert response.url == url("dimension", respondent, 3)


def test_resume_on_another_device_shows_the_saved_choices(client, questionnaire):
    respondent = make_respondent()
    opt = option(respondent, "TEC03", 5)
    client.post(url("autosave", respondent), {"question": opt.question_id, "value": opt.id})
    client.cookies.clear()
    html = client.get(url("dimension", respondent, 4)).content.decode()
    assert f'value="{opt.id}" checked' in html


def test_submit_with_missing_answers_lists_them_and_keeps_what_was_saved(client,
                                                                        questionnaire):
    respondent = make_respondent()
    opt = option(respondent, "STR01", 4)
    client.post(url("autosave", respondent), {"question": opt.question_id, "value": opt.id})
    response = client.post(url("review", respondent))
    html = response.content.decode()
    assert response.status_code == 400
    assert "14 questions are still unanswered" in html
    assert "Question strategy 2" in html and "Question strategy 1" not in html
    assert Answer.objects.filter(respondent=respondent).count() == 1
    respondent.refresh_from_db()
    assert respondent.submitted_at is None


def test_submit_scores_and_shows_the_results(client, questionnaire):
    respondent = make_respondent()
    answer(respondent, default=4)
    response = client.post(url("review", respondent))
    assert response.url == url("results", respondent)
    respondent.assessment.refresh_from_db()
    assert respondent.assessment.overall == 75.0
    html = client.get(url("results", respondent)).content.decode()
    assert respondent.assessment.cluster == "structured"
    assert "Structured" in html
    assert 'class="radar-svg"' in html
    assert "Acme &lt;b&gt;Spa&lt;/b&gt;" in html  # typed text is escaped


@pytest.mark.parametrize("peers,shown", [(4, False), (5, True)])
def test_results_radar_shows_a_peer_median_only_from_five_companies(client, questionnaire,
                                                                     peers, shown):
    for i in range(peers):
        peer = make_respondent(name=f"Peer {i}")
        answer(peer, default=2)
        client.post(url("review", peer))
    respondent = make_respondent()
    answer(respondent, default=4)
    client.post(url("review", respondent))
    html = client.get(url("results", respondent)).content.decode()
    assert ("Peer median (5 companies)" in html) is shown
    assert ("No peer median yet" in html) is not shown


def test_answers_cannot_change_after_submit(client, questionnaire):
    respondent = make_respondent()
    answer(respondent, default=2)
    client.post(url("review", respondent))
    opt = option(respondent, "STR01", 5)
    response = client.post(url("autosave", respondent),
                           {"question": opt.question_id, "value": opt.id})
    assert response.status_code == 409
    assert client.get(url("dimension", respondent, 1)).url == url("results", respondent)


def test_results_before_submit_lead_to_the_review(client, questionnaire):
    respondent = make_respondent()
    assert client.get(url("results", respondent)).url == url("review", respondent)


def test_language_switch_changes_interface_and_content(client, questionnaire):
    respondent = make_respondent()
    client.post("/i18n/setlang/", {"language": "it", "next": "/"})
    html = client.get(url("dimension", respondent, 1)).content.decode()
    assert 'lang="it"' in html and "Domanda strategy 1" in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(url("dimension", respondent, 1)).content.decode()
    assert 'lang="en"' in html and "Question strategy 1" in html


def test_method_page_names_the_method_as_our_own_and_lists_the_rules(client, questionnaire):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(reverse("assessment:method")).content.decode()
    assert "our own" in html
    assert "every dimension at least 78" in html
    assert "Strategy, Organization, Technology at least 50" in html
    assert "Data, Execution at least 40" in html
    assert "missing or incomplete (below level 3): with them in place the same company is " \
        "Structured" in html
    assert "Borderline results" in html


def _pages_queries(client, django_assert_max_num_queries, per_dimension, capture, peers=0):
    make_questionnaire(per_dimension=per_dimension, version=f"v{per_dimension}-{peers}")
    for i in range(peers):
        peer = make_respondent(name=f"Peer {i}")
        answer(peer, default=2 + i % 3)
        assert client.post(url("review", peer)).status_code == 302
    respondent = make_respondent()
    answer(respondent, default=3)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    client.get(url("dimension", respondent, 1))  # renders the version's pages once
    with CaptureQueriesContext(connection) as ctx:
        client.get(url("dimension", respondent, 2))
    counts["dimension_first"] = len(ctx)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url("dimension", respondent, 2))
    counts["dimension"] = len(ctx)
    client.post(url("review", respondent))
    with CaptureQueriesContext(connection) as ctx:
        client.get(url("results", respondent))
    counts["results"] = len(ctx)
    return counts


def test_query_counts_do_not_grow_with_the_number_of_questions(client, db,
                                                               django_assert_max_num_queries):
    from assessment.models import Questionnaire

    small = _pages_queries(client, django_assert_max_num_queries, 2, None)
    Questionnaire.objects.update(published_at=None)
    large = _pages_queries(client, django_assert_max_num_queries, 12, None)
    assert small == large
    # nor with the number of companies: seven others on the version make a peer group
    Questionnaire.objects.update(published_at=None)
    assert _pages_queries(client, django_assert_max_num_queries, 12, None, peers=7) == large
    # dimension page: one query, the respondent's link joined with its questionnaire's
    # revision and its saved answers; the page comes pre-rendered from the process cache
    assert small["dimension"] == 1
    # the first visit to a page also records it for the completion funnel (one update)
    assert small["dimension_first"] == 2
    # results: respondent (with assessment, company, questionnaire), dimension codes and
    # questions (the scoring spec), dimension names, peers' latest scores (one row per
    # company, for the peer median), strength and gap texts, answers, the brand and the
    # KPI records of the report (part of its state), the PDF's state, the recent reports'
    # typical time
    assert small["results"] == 11


def test_editing_a_question_in_the_admin_shows_on_the_survey_at_once(client, questionnaire):
    respondent = make_respondent()
    assert "Question strategy 1" in client.get(url("dimension", respondent, 1)).content.decode()
    question = Question.objects.get(code="STR01")
    question.text_en = "How committed is the board?"
    question.save()
    html = client.get(url("dimension", respondent, 1)).content.decode()
    assert "How committed is the board?" in html


def test_a_private_link_expires_and_is_then_not_found(client, questionnaire):
    from datetime import timedelta

    from django.utils import timezone

    respondent = make_respondent()
    assert respondent.expires_at > timezone.now() + timedelta(days=300)
    assert client.get(url("dimension", respondent, 1)).status_code == 200
    respondent.expires_at = timezone.now() - timedelta(minutes=1)
    respondent.save(update_fields=["expires_at"])
    assert client.get(url("dimension", respondent, 1)).status_code == 404
    assert client.get(url("results", respondent)).status_code == 404
