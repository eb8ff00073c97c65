"""Finding 4: a request body that cannot be decoded is a 400 (JSON for the autosave),
never a 500, whatever its charset; nothing saved changes."""

from __future__ import annotations

import pytest
from django.test import Client

from assessment.models import Answer
from tests.factories import answer, make_respondent

pytestmark = pytest.mark.django_db

TOKEN = "a" * 32
CHARSETS = ["iso-8859-1", "us-ascii", "utf-16", "latin1", "cp1252"]
PAGES = ["/start/", "/consultant/login/", "/consultant/logout/", "/i18n/setlang/"]


def _client() -> Client:
    # CSRF checks on, as in production, with a valid cookie and header.
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = TOKEN
    client.cookies["django_language"] = "en"
    return client


def _post(url: str, content_type: str, body: bytes = b"company=caf%E9&role=CEO"):
    return _client().post(url, data=body, content_type=content_type,
                          headers={"X-CSRFToken": TOKEN})


@pytest.mark.parametrize("charset", CHARSETS)
@pytest.mark.parametrize("url", PAGES)
def test_a_form_in_another_charset_is_a_400_page(questionnaire, url, charset):
    response = _post(url, f"application/x-www-form-urlencoded; charset={charset}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert b"could not read" in response.content


def test_a_broken_multipart_body_is_a_400_page(questionnaire):
    response = _post("/start/", "multipart/form-data; boundary=", b"--x\r\nbroken")
    assert response.status_code == 400


@pytest.mark.parametrize("charset", CHARSETS)
def test_the_autosave_answers_json_and_keeps_the_answers(questionnaire, charset):
    respondent = make_respondent()
    answer(respondent, default=4)
    before = list(Answer.objects.filter(respondent=respondent)
                  .values_list("question_id", "option_id", "dont_know"))
    response = _post(f"/r/{respondent.token}/answer/",
                     f"application/x-www-form-urlencoded; charset={charset}",
                     b"question=1&value=%E9")
    assert response.status_code == 400
    assert response.json()["ok"] is False
    assert list(Answer.objects.filter(respondent=respondent)
                .values_list("question_id", "option_id", "dont_know")) == before


def test_a_utf8_form_still_works(questionnaire):
    response = _post("/i18n/setlang/", "application/x-www-form-urlencoded; charset=utf-8",
                     b"language=it&next=/")
    assert response.status_code == 302
