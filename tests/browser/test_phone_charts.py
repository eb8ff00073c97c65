"""On a phone and a laptop the results radar (SVG drawn by the server) keeps its axis
names and legend inside the page, no text overlaps another, the circle takes the room
the names leave, and the page loads no chart library."""

import pytest
from django.urls import reverse

from assessment.services import respondent_submit
from tests.benchmark.dashboard_data import companies
from tests.factories import answer, make_questionnaire, make_report_content, make_respondent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each text of the radar (axis names, the scale's numbers) and legend entry: its text, its
# box, and its room to the page's left and right edges in pixels (negative: cut off).
TEXTS = """() => {
  const width = document.documentElement.clientWidth;
  return Array.from(document.querySelectorAll(".radar svg.radar-svg text, .radar-legend li"),
    (t) => {
      const b = t.getBoundingClientRect();
      return [t.textContent, b.left, b.top, b.right, b.bottom, b.left, width - b.right,
              t.tagName];
    });
}"""


def _overlaps(boxes):
    return [(a[0], b[0]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]]


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_radar_labels_and_legend_fit_the_screen(live_server, browser, width):
    make_report_content()
    questionnaire = make_questionnaire(per_dimension=2)
    companies(questionnaire, 6, sector="retail", score=40.0)  # a peer group, a long legend
    respondent = make_respondent(name="Acme")
    answer(respondent, default=4)
    assert respondent_submit(respondent=respondent).ok
    context = browser.new_context(locale="it-IT", viewport={"width": width, "height": 900})
    context.add_cookies([{"name": "django_language", "value": "it", "url": live_server.url}])
    page = context.new_page()
    try:
        page.goto(live_server.url + reverse("assessment:results", args=[respondent.token]))
        texts = page.evaluate(TEXTS)
        circle = page.locator(".radar .ring-outer").bounding_box()
        libraries = page.locator("script[src*='plotly'], .modebar").count()
    finally:
        context.close()
    names = [t for t in texts if t[7] == "text"]
    assert len(names) >= 5 + 4  # five dimensions, four numbers on the scale
    assert sum(t[7] == "LI" for t in texts) == 3  # company, peers, target
    assert any("Mediana" in t[0] for t in texts)
    cut = [(t[0], round(t[5]), round(t[6])) for t in texts if t[5] < 0 or t[6] < 0]
    assert cut == []
    assert _overlaps(names) == []
    assert libraries == 0  # no plotly.js, no toolbar
    # the circle takes what the names leave of the width (Plotly's was 124 px at 360)
    assert circle["width"] >= (0.43 * width if width < 520 else 250)
