"""The strict Content Security Policy holds on every kind of page, charts included."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from assessment.services import respondent_submit
from tests.benchmark.dashboard_data import companies
from tests.factories import answer, make_questionnaire, make_report_content, make_respondent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Installed before any page script runs: collects every violation the browser reports,
# including ones a script catches itself (an eval probe in a try block, say).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture
def watched(page):
    """The page, and the CSP violations it reports through events and the console."""
    violations: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda msg: violations.append(msg.text)
            if "Content Security Policy" in msg.text else None)
    return page, violations


def visit(page, violations: list[str], url: str) -> None:
    response = page.goto(url)
    assert response.status == 200, url
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("load")
    violations.extend(page.evaluate("window.__cspViolations"))


def test_pages_and_charts_run_under_the_policy(live_server, watched, browser):
    page, violations = watched
    make_report_content()
    questionnaire = make_questionnaire(per_dimension=3)
    companies(questionnaire, 6, sector="retail", score=40.0)
    respondent = make_respondent(name="Acme")
    survey = live_server.url + reverse("assessment:dimension", args=[respondent.token, 1])

    visit(page, violations, live_server.url + "/")
    visit(page, violations, survey)
    # The autosave script runs: a click is saved through fetch, allowed by default-src.
    page.locator("fieldset.question").first.locator(".form-check label").first.click()
    page.locator("fieldset.question").first.get_by_text("Saved", exact=True).wait_for()

    answer(respondent, default=4)
    assert respondent_submit(respondent=respondent).ok

    visit(page, violations,
          live_server.url + reverse("assessment:results", args=[respondent.token]))
    page.locator(".radar svg.radar-svg").wait_for()

    admin = Client()
    admin.force_login(User.objects.create_superuser("boss", "b@example.com", "x"))
    page.context.add_cookies([{"name": "sessionid", "value": admin.cookies["sessionid"].value,
                               "url": live_server.url}])
    visit(page, violations, live_server.url + "/admin/")
    visit(page, violations, live_server.url + reverse(
        "admin:assessment_questionnaire_change", args=[questionnaire.pk]))
    visit(page, violations, live_server.url + "/admin/benchmark/")
    for figure in ("fig-clusters", "fig-boxes", "fig-sectors", "fig-trend-shares"):
        page.locator(f"[data-figure='{figure}'] .main-svg").first.wait_for()

    assert violations == []
