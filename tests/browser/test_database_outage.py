"""The survey page while the database is away: "not saved – retrying", then saved."""

import threading

import pytest
from django.db import OperationalError

from assessment import services
from assessment.models import Answer
from tests.factories import make_questionnaire, make_respondent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_answer_given_during_an_outage_is_saved_once_the_database_is_back(
    live_server, page, monkeypatch
):
    make_questionnaire(per_dimension=2)
    respondent = make_respondent()
    real_save = services.answers_save
    down = threading.Event()
    down.set()

    def flaky_save(**kwargs):
        if down.is_set():
            raise OperationalError("could not connect to server")
        return real_save(**kwargs)

    monkeypatch.setattr(services, "answers_save", flaky_save)
    page.goto(f"{live_server.url}/r/{respondent.token}/step/1/")
    fieldset = page.locator("fieldset.question").first
    fieldset.locator(".form-check").nth(2).locator("label").click()
    fieldset.get_by_text("Not saved – retrying").wait_for()
    assert not Answer.objects.exists()

    down.clear()  # the database is back: the page's next retry saves the answer
    fieldset.get_by_text("Saved", exact=True).wait_for(timeout=30000)
    answer = Answer.objects.get()
    assert answer.option.level == 3 and answer.respondent_id == respondent.id
