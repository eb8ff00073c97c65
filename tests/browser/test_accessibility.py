"""axe-core finds no serious or critical accessibility violation on the pages people use."""

import pytest

from tests.browser.site_pages import (
    LANGUAGES,
    NODE_MODULES,
    NPM_INSTALL,
    browser_cookies,
    session_of,
    site_pages_build,
)
from tests.factories import make_questionnaire, make_user
from workshops import services as ws
from workshops import views as workshop_views

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}

RUN_AXE = """async (region) => {
  const context = region ? {include: [region]} : document;
  const result = await axe.run(context, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ")),
  }));
}"""


def describe(page_name: str, violation: dict) -> str:
    nodes = ", ".join(violation["nodes"][:5])
    more = f" (+{len(violation['nodes']) - 5} more)" if len(violation["nodes"]) > 5 else ""
    return (f"{page_name}: {violation['id']} [{violation['impact']}] {violation['help']} "
            f"at {nodes}{more}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_have_no_serious_or_critical_axe_violations(live_server, page, language):
    if not AXE.exists():
        pytest.skip(f"axe-core is not installed: run `{NPM_INSTALL}` at the repository root")
    # An init script, unlike a script tag, is not blocked by the pages' Content Security Policy,
    # so the pages are checked exactly as they behave for people.
    page.context.add_init_script(path=str(AXE))
    problems = []
    for site_page in site_pages_build():
        page.context.clear_cookies()
        page.context.add_cookies(browser_cookies(url=live_server.url, language=language,
                                                 session=site_page.session))
        response = page.goto(live_server.url + site_page.path, wait_until="networkidle")
        assert response is not None and response.ok, (site_page.name, response and response.status)
        assert page.locator("html").get_attribute("lang") == language
        violations = page.evaluate(RUN_AXE, site_page.region)
        problems += [describe(f"{site_page.name} ({language})", v) for v in violations
                     if v["impact"] in BLOCKING]
    assert not problems, "axe-core violations:\n" + "\n".join(problems)


def test_workshop_view_reloads_itself_but_not_under_a_keyboard_user(live_server, page,
                                                                    monkeypatch):
    """The projector view refreshes by script, pausing while focus is on a link or control."""
    monkeypatch.setattr(workshop_views, "REFRESH_SECONDS", 1)
    make_questionnaire(per_dimension=1)
    consultant = make_user("carla")
    company = ws.company_create(owner=consultant, name="Omega Stores", sector="retail",
                                size="large", country="IT")
    workshop = ws.assessment_create(company=company, mode="workshop", language="en")
    page.context.add_cookies(browser_cookies(url=live_server.url, language="en",
                                             session=session_of(consultant)))
    page.goto(f"{live_server.url}/consultant/assessments/{workshop.pk}/workshop/")

    page.evaluate("window.marker = 1")
    page.wait_for_function("() => window.marker === undefined", timeout=15000)  # reloaded

    page.get_by_role("link", name="pause").focus()
    page.evaluate("window.marker = 2")
    page.wait_for_timeout(2500)
    assert page.evaluate("window.marker") == 2  # not reloaded while a link has focus
