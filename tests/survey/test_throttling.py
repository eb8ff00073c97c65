"""Throttling of the public endpoints: over the limit is a 429 with a message and saves nothing."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from assessment.models import Answer, Company, Option
from tests.factories import answer, make_respondent

pytestmark = pytest.mark.django_db

START = {"company": "Acme Retail", "sector": "retail", "size": "large", "country": "IT",
         "role": "CMO"}
RATES = {"start": "2/h", "autosave": "3/m", "pages": "4/m", "email": "2/h"}


# Counters are kept per fixed window: a test whose requests straddled the end of one
# (on a slow machine) would see its count restart. The limiter's clock stands still here.
FROZEN_NOW = 1_800_000_000.0


@pytest.fixture(autouse=True)
def throttling(monkeypatch):
    """Throttling on (the suite runs with it off), small limits, counts from zero."""
    monkeypatch.setattr("django_ratelimit.core.time", SimpleNamespace(time=lambda: FROZEN_NOW))
    cache.clear()
    with override_settings(RATELIMIT_ENABLE=True, THROTTLE_RATES=RATES):
        yield
    cache.clear()


def autosave(client, respondent, level, code="DAT02", **extra):
    opt = Option.objects.get(question__code=code, level=level,
                             question__questionnaire=respondent.assessment.questionnaire)
    return client.post(reverse("assessment:autosave", args=[respondent.token]),
                       {"question": opt.question_id, "value": opt.id}, **extra)


def test_start_over_the_limit_is_refused_with_a_message_and_creates_nothing(client,
                                                                            questionnaire):
    for _ in range(2):
        assert client.post(reverse("assessment:start"), START).status_code == 302
    response = client.post(reverse("assessment:start"), START)
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert 0 < int(response["Retry-After"]) <= 3600
    assert Company.objects.count() == 2


def test_start_form_itself_is_not_counted(client, questionnaire):
    for _ in range(5):
        assert client.get(reverse("assessment:start")).status_code == 200
    assert client.post(reverse("assessment:start"), START).status_code == 302


def test_start_limit_is_per_client_address(client, questionnaire):
    for _ in range(2):
        client.post(reverse("assessment:start"), START, REMOTE_ADDR="10.0.0.1")
    assert client.post(reverse("assessment:start"), START,
                       REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.post(reverse("assessment:start"), START,
                       REMOTE_ADDR="10.0.0.2").status_code == 302


def test_autosave_over_the_limit_answers_json_429_and_saves_nothing(client, questionnaire):
    respondent = make_respondent()
    for level in (1, 2, 3):
        assert autosave(client, respondent, level).status_code == 200
    response = autosave(client, respondent, 5)
    assert response.status_code == 429
    body = response.json()
    assert body["ok"] is False and "Too many requests" in body["error"]
    assert int(response["Retry-After"]) > 0
    # The refused answer (level 5) was not stored: the last accepted one (3) stands.
    assert Answer.objects.get(respondent=respondent).option.level == 3


def test_autosave_limits_of_different_links_are_independent(client, questionnaire):
    first, second = make_respondent(), make_respondent()
    for level in (1, 2, 3):
        autosave(client, first, level)
    assert autosave(client, first, 4).status_code == 429
    assert autosave(client, second, 4).status_code == 200
    assert Answer.objects.get(respondent=second).option.level == 4


def test_survey_pages_over_the_limit_get_a_page_in_italian_too(client, questionnaire):
    respondent = make_respondent()
    client.cookies["django_language"] = "it"
    page = reverse("assessment:dimension", args=[respondent.token, 1])
    for _ in range(4):
        assert client.get(page).status_code == 200
    response = client.get(reverse("assessment:resume", args=[respondent.token]))
    assert response.status_code == 429
    assert "Troppe richieste" in response.content.decode()


def test_page_limit_also_covers_results_and_report_status(client, questionnaire):
    from assessment.services import respondent_submit

    respondent = make_respondent()
    answer(respondent, default=2)
    assert respondent_submit(respondent=respondent).ok
    results = reverse("assessment:results", args=[respondent.token])
    for _ in range(4):
        assert client.get(results).status_code == 200
    assert client.get(results).status_code == 429
    status = client.get(reverse("reports:status", args=[respondent.token]))
    assert status.status_code == 429 and status.json()["ok"] is False


def test_under_the_limits_everything_works(client, questionnaire):
    respondent = make_respondent()
    assert client.get(reverse("assessment:dimension", args=[respondent.token, 1])).status_code \
        == 200
    assert autosave(client, respondent, 2).status_code == 200
    assert Answer.objects.get(respondent=respondent).option.level == 2


def test_switch_off_lifts_every_limit(client, questionnaire):
    respondent = make_respondent()
    with override_settings(RATELIMIT_ENABLE=False):
        for level in (1, 2, 3, 4, 5, 1, 2):
            assert autosave(client, respondent, level).status_code == 200
    assert Answer.objects.get(respondent=respondent).option.level == 2


def test_a_broken_cache_lets_requests_through(client, questionnaire, monkeypatch):
    respondent = make_respondent()

    def down(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr("assessment.throttle.get_usage", down)
    for level in (1, 2, 3, 4, 5):
        assert autosave(client, respondent, level).status_code == 200


def test_emailing_the_link_is_limited_per_link(client, questionnaire, mailoutbox):
    respondent = make_respondent()
    url = reverse("assessment:email_link", args=[respondent.token])
    for _ in range(2):
        assert client.post(url, {"email": "me@example.com"}).status_code == 200
    response = client.post(url, {"email": "me@example.com"})
    assert response.status_code == 429 and response["Retry-After"]
    assert len(mailoutbox) == 2
