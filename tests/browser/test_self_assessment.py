"""An executive fills the whole questionnaire in a real Chromium."""

import pytest

from assessment.content import questionnaire_load
from assessment.models import Answer, Assessment, Question

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_executive_goes_from_landing_through_five_pages_to_results(live_server, page):
    questionnaire_load()
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="EN").click()
    page.get_by_role("link", name="Start the self-assessment").click()
    page.get_by_label("Company name").fill("Acme Omnichannel")
    page.get_by_label("Sector").select_option("retail")
    page.get_by_label("Company size").select_option("large")
    page.get_by_label("Country").select_option("IT")
    page.get_by_label("Your role").select_option("CMO")
    page.get_by_role("button", name="Begin the questionnaire").click()

    for step in range(1, 6):
        page.get_by_text(f"Dimension {step} of 5", exact=True).wait_for()
        for fieldset in page.locator("fieldset.question").all():
            # Level 4 everywhere, by clicking the label as a person would.
            fieldset.locator(".form-check").nth(3).locator("label").click()
            fieldset.get_by_text("Saved", exact=True).wait_for()
        page.get_by_role("button", name="Review and submit" if step == 5 else "Next").click()

    page.get_by_role("button", name="Submit and see results").click()
    page.get_by_role("heading", name="Your results").wait_for()
    assessment = Assessment.objects.get()
    assert page.locator("#cluster-name").inner_text() == "Structured"
    assert assessment.cluster == "structured"
    assert Answer.objects.count() == Question.objects.count()
    # The radar comes drawn by the server.
    page.locator(".radar svg.radar-svg").wait_for()
    assert page.locator("#overall").inner_text() == "75"
