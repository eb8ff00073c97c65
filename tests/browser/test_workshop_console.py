"""The workshop console never disagrees with itself, and shows no internal code.

Four participants: two who answered (with non-integer dimension scores and a "don't
know"), one known only by e-mail, one who has not started. Every figure of the spread
table is read from the page Chromium draws and checked against the database.
"""

import re

import pytest
from django.contrib.auth import get_user_model

from assessment.choices import Mode
from assessment.numbers import whole
from assessment.scoring import divergence
from assessment.selectors import participant_answers, questionnaire_spec
from tests.factories import BASE, answer, make_questionnaire
from workshops import services as ws

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
# snake_case words are internal codes (customer_care, dont_know, not_started …)
CODE = re.compile(r"\b[a-z]+_[a-z_]+\b")


@pytest.fixture
def console(live_server):
    questionnaire = make_questionnaire(per_dimension=3)
    user = get_user_model().objects.create_user("carla", password="carla-pass-2026")
    company = ws.company_create(owner=user, name="Omega Stores", sector="retail",
                                size="large", country="IT")
    workshop = ws.assessment_create(company=company, mode=Mode.WORKSHOP, language="en")
    people = [ws.participant_invite(assessment=workshop, name=name, email=email, role=role,
                                    base_url=BASE)
              for name, email, role in [("Anna Neri", "anna@example.com", "CEO"),
                                        ("Marco Ferri", "marco@example.com", "CMO"),
                                        ("", "luca@example.com", "customer_care"),
                                        ("Nora Riva", "nora@example.com", "sales")]]
    # weights 1.5 / 1 / 1: dimension scores such as 35.7 and 64.3, rounded on the page
    answer(people[0], {"STR01": 4, "STR02": 1, "ORG01": None}, default=2)
    answer(people[1], {"STR01": 1, "DAT02": 5, "EXE03": None}, default=4)
    answer(people[2], {"TEC01": 5, "STR03": 2}, default=3)
    assert questionnaire.pk
    return live_server, workshop, people


def _login(page, url):
    page.goto(url + "/consultant/")
    page.get_by_label("Username").fill("carla")
    page.get_by_label("Password").fill("carla-pass-2026")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Your client companies").wait_for()


def _number(text: str) -> int | None:
    text = text.strip()
    return None if text == "—" else int(text)


@pytest.mark.parametrize("language", ["en", "it"])
def test_every_figure_of_the_workshop_page_agrees_and_no_code_shows(console, browser,
                                                                     language):
    server, workshop, people = console
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    _login(page, server.url)
    context.add_cookies([{"name": "django_language", "value": language, "url": server.url}])
    page.goto(f"{server.url}/consultant/assessments/{workshop.pk}/workshop/?refresh=0")

    scores = divergence.participant_scores(
        questionnaire_spec(questionnaire=workshop.questionnaire),
        participant_answers(assessment=workshop))
    header = [c.inner_text() for c in page.locator("#dimension-spread thead th").all()]
    names = header[1:-3]
    assert names == ["Anna Neri", "Marco Ferri", "luca@example.com", "Nora Riva"]
    rows = page.locator("#dimension-spread tbody tr").all()
    assert len(rows) == 5
    for row, code in zip(rows, questionnaire_spec(
            questionnaire=workshop.questionnaire).dimensions, strict=True):
        cells = [_number(c.inner_text()) for c in row.locator("td").all()]
        values, (low, high, spread) = cells[:-3], cells[-3:]
        expected = [whole(scores.at[p.pk, code]) if p.pk in scores.index else None
                    for p in people]
        assert values == expected  # one rounding, the database's scores
        shown = [v for v in values if v is not None]
        assert low == min(shown) and high == max(shown) and spread == high - low
        assert values[3] is None  # Nora has not started

    # the chips tell a level, "don't know" and "not answered yet" apart
    questions = page.locator("#questions")
    assert questions.locator(".lv-dont_know").count() >= 2  # Anna's ORG01, Marco's EXE03
    assert questions.locator("tr[data-code='STR01'] .lv-none").count() == 1  # Nora
    status = page.locator("#completion .badge").all_inner_texts()
    assert len(status) == 4 and len(set(status)) == 2  # in progress ×3, not started

    text = page.locator("main").inner_text() if page.locator("main").count() else \
        page.locator("body").inner_text()
    assert not CODE.findall(text), CODE.findall(text)
    assert "Customer care" in text or "Assistenza clienti" in text
    context.close()
