"""A consultant runs a workshop end to end in a real Chromium."""

import pytest
from django.contrib.auth import get_user_model
from pypdf import PdfReader

from assessment.models import Assessment, Respondent
from tests.factories import make_questionnaire, make_report_content

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def answer_as(browser, url: str, first_level: int) -> None:
    """A participant answers level 3 everywhere but the very first question."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(url)
    for step in range(1, 6):
        page.get_by_text(f"Dimension {step} of 5", exact=True).wait_for()
        for i, fieldset in enumerate(page.locator("fieldset.question").all()):
            level = first_level if step == 1 and i == 0 else 3
            fieldset.locator(".form-check").nth(level - 1).locator("label").click()
            fieldset.get_by_text("Saved", exact=True).wait_for()
        page.get_by_role("button", name="Review and submit" if step == 5 else "Next").click()
    page.get_by_role("button", name="Submit and see results").click()
    page.get_by_text("your answers are in").wait_for()
    context.close()


def test_consultant_runs_a_workshop_from_invitations_to_the_report(live_server, page, browser,
                                                                   settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    make_questionnaire(per_dimension=2)
    make_report_content()
    get_user_model().objects.create_user("carla", password="carla-pass-2026")

    page.goto(live_server.url + "/consultant/")
    page.get_by_label("Username").fill("carla")
    page.get_by_label("Password").fill("carla-pass-2026")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="New company").click()
    page.get_by_label("Company name").fill("Omega Stores")
    page.get_by_label("Sector").select_option("retail")
    page.get_by_label("Company size").select_option("large")
    page.get_by_label("Country").select_option("IT")
    page.get_by_role("button", name="Create the company").click()
    page.get_by_label("Mode").select_option("workshop")
    page.get_by_role("button", name="Start the assessment").click()

    for name, role in [("Anna", "CEO"), ("Bruno", "CIO")]:
        invite = page.locator("#invite")
        invite.get_by_label("Name").fill(name)
        invite.get_by_label("E-mail").fill(f"{name.lower()}@example.com")
        invite.get_by_label("Role").select_option(role)
        invite.get_by_role("button", name="Invite").click()
        page.get_by_text(f"{name} was invited.").wait_for()

    for name, first_level in [("Anna", 1), ("Bruno", 5)]:
        token = Respondent.objects.get(name=name).token
        answer_as(browser, f"{live_server.url}/r/{token}/", first_level)

    page.get_by_role("link", name="Workshop view").click()
    hotspots = page.locator("#hotspots li")
    hotspots.first.wait_for()
    assert hotspots.count() == 1 and "STR01" in hotspots.first.inner_text()
    assert "spread 4" in hotspots.first.inner_text()

    page.goto(page.url.replace("/workshop/", "/consensus/"))
    select = page.get_by_label("Agreed level for STR01")
    assert select.input_value() == "1"  # the lower median of 1 and 5
    select.select_option("4")
    page.get_by_role("button", name="Save the consensus").click()
    page.get_by_text("Consensus recorded").wait_for()
    assessment = Assessment.objects.get()
    assert assessment.scored_at is not None

    page.get_by_role("link", name="Wave of").click()
    page.get_by_role("button", name="Prepare the PDF report").click(timeout=120000)
    # the card follows the report by itself and offers the download once it is made
    link = page.get_by_role("link", name="Download the PDF report")
    link.wait_for(timeout=120000)
    with page.expect_download(timeout=60000) as download:
        link.click()
    reader = PdfReader(download.value.path())
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    # the consolidated report: consensus result plus the divergence appendix
    assert "Omega Stores" in text and "where the participants diverged" in text
    # the divergent question by its text, never by its internal code
    from django.utils import translation

    from assessment.models import Question

    with translation.override("en"):  # the report's language
        divergent = Question.objects.get(code="STR01").text
    assert " ".join(divergent.split()) in text and "Scores by role" in text
    assert "STR01" not in text
