"""A database outage during the survey: a clear 503 the page retries, then the answer saved."""

import pytest
from django.db import OperationalError

from assessment import services
from assessment.models import Answer, Option
from tests.factories import make_questionnaire, make_respondent

pytestmark = pytest.mark.django_db


def _broken(*args, **kwargs):
    raise OperationalError("server closed the connection unexpectedly")


def test_autosave_during_an_outage_is_a_503_with_retry_after_and_saves_nothing(client,
                                                                                  monkeypatch):
    make_questionnaire(per_dimension=2)
    respondent = make_respondent()
    option = Option.objects.filter(level=3).first()
    monkeypatch.setattr(services, "answers_save", _broken)
    response = client.post(f"/r/{respondent.token}/answer/",
                           {"question": option.question_id, "value": option.id},
                           HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.json()["ok"] is False and "Nothing you already saved is lost" in \
        response.json()["error"]
    assert not Answer.objects.exists()


def test_a_page_during_an_outage_says_so_without_touching_the_database(client, monkeypatch):
    from survey import views

    monkeypatch.setattr(views, "survey_state", _broken)
    response = client.get("/r/" + "a" * 43 + "/step/1/")
    assert response.status_code == 503
    assert "Briefly unavailable" in response.content.decode()
