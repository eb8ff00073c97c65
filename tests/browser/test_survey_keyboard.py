"""The executive's survey as survey tools work: the keyboard alone (number keys and Enter)
with a live counter, the review loop, and the private link's copy and e-mail buttons."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from assessment.content import questionnaire_load
from assessment.models import Answer, Assessment, Question
from tests.factories import answer, make_questionnaire, make_respondent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _start(page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="EN").click()
    page.goto(live_server.url + reverse("assessment:start"))
    page.get_by_label("Company name").fill("Acme Keyboard")
    page.get_by_label("Sector").select_option("retail")
    page.get_by_label("Company size").select_option("large")
    page.get_by_label("Country").select_option("IT")
    page.get_by_label("Your role").select_option("CMO")
    page.get_by_role("button", name="Begin the questionnaire").click()


def test_a_whole_survey_with_number_keys_and_enter_and_a_live_counter(live_server, page):
    questionnaire_load()
    total = Question.objects.filter(scored=True).count()
    _start(page, live_server)
    counter = page.locator("#answered-count .answered-n")
    bar = page.locator("#progress [role=progressbar]")
    answered = 0
    for step in range(1, 6):
        page.get_by_text(f"Dimension {step} of 5", exact=True).wait_for()
        questions = page.locator("fieldset.question")
        for i in range(questions.count()):
            question = questions.nth(i)
            scored = question.get_attribute("data-scored") is not None
            # Level 4 everywhere but one "don't know"; the context question gets its 2nd option.
            key = "2" if not scored else ("0" if (step, i) == (2, 0) else "4")
            page.keyboard.press(key)
            expect(question.locator(".save-state")).to_have_text("Saved")
            answered += scored
            # The header's counter and bar follow each saved answer.
            expect(counter).to_have_text(str(answered))
            expect(bar).to_have_attribute("aria-valuenow", str(round(100 * answered / total)))
            if i + 1 < questions.count():  # the next question has the focus
                expect(questions.nth(i + 1).locator("input").first).to_be_focused()
        page.keyboard.press("Enter")
    page.get_by_role("heading", name="Review and submit").wait_for()
    page.get_by_role("button", name="Submit and see results").focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Your results").wait_for()
    assert Answer.objects.count() == Question.objects.count()
    assert Answer.objects.filter(dont_know=True).count() == 1
    assert Assessment.objects.get().scored_at is not None


def test_enter_on_an_incomplete_page_stays_and_says_why(live_server, page):
    make_questionnaire(per_dimension=2)
    respondent = make_respondent()
    page.goto(live_server.url + reverse("assessment:dimension", args=[respondent.token, 1]))
    page.keyboard.press("3")
    page.keyboard.press("Enter")
    expect(page.locator("#kbd-status")).to_have_text(
        "Some questions on this page are still unanswered.")
    assert page.url.endswith("/step/1/")
    # Typing in a field is left alone: digits go to the field, not to a question.
    page.locator("#resume-email").fill("")
    page.locator("#resume-email").type("4")
    assert Answer.objects.filter(respondent=respondent).count() == 1


def test_from_the_review_one_click_leads_back_to_it(live_server, page):
    make_questionnaire(per_dimension=2)
    respondent = make_respondent()
    answer(respondent, {"ORG02": None, "DAT01": None}, default=3)
    Answer.objects.filter(question__code__in=["ORG02", "DAT01"]).delete()
    page.goto(live_server.url + reverse("assessment:review", args=[respondent.token]))
    expect(page.locator("#missing + ul li")).to_have_count(2)
    page.get_by_role("link", name="Answer").first.click()
    assert re.search(r"/step/2/\?from=review#q-ORG02$", page.url)
    page.locator("#q-ORG02 label").nth(2).click()
    expect(page.locator("#q-ORG02 .save-state")).to_have_text("Saved")
    page.get_by_role("button", name="Back to review").first.click()
    page.get_by_role("heading", name="Review and submit").wait_for()
    assert page.url.endswith("/review/#missing")
    expect(page.locator("#missing + ul li")).to_have_count(1)


def test_the_link_is_copied_and_emailed(live_server, browser, mailoutbox):
    make_questionnaire(per_dimension=2)
    respondent = make_respondent()
    context = browser.new_context(locale="en-GB", permissions=["clipboard-read",
                                                                "clipboard-write"])
    context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page = context.new_page()
    try:
        page.goto(live_server.url + reverse("assessment:dimension", args=[respondent.token, 1]))
        link = live_server.url + reverse("assessment:resume", args=[respondent.token])
        # Before the first questions, open: the link, its copy button, the e-mail form.
        expect(page.locator("#resume-link")).to_have_value(link)
        page.get_by_role("button", name="Copy link").click()
        expect(page.locator("#resume-status")).to_have_text("Link copied.")
        assert page.evaluate("() => navigator.clipboard.readText()") == link
        page.get_by_label("E-mail me this link").fill("cmo@example.com")
        page.get_by_role("button", name="Send").click()
        expect(page.locator("#resume-status")).to_have_text(
            "The link was sent to cmo@example.com.")
        # On a later page the header's "Continue later" opens the panel.
        page.goto(live_server.url + reverse("assessment:dimension", args=[respondent.token, 3]))
        expect(page.locator("#resume")).not_to_have_attribute("open", "")
        page.get_by_role("link", name="Continue later").click()
        expect(page.locator("#resume")).to_have_attribute("open", "")
        expect(page.locator("#resume-link")).to_be_focused()
    finally:
        context.close()
    (mail,) = mailoutbox
    assert mail.to == ["cmo@example.com"] and link in mail.body
