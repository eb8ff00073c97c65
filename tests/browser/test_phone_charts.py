"""On a phone and a laptop the results radar keeps its axis labels and legend inside the
chart, no label overlaps another, and there is no Plotly toolbar."""

import pytest
from django.urls import reverse

from assessment.services import respondent_submit
from tests.benchmark.dashboard_data import companies
from tests.factories import answer, make_questionnaire, make_report_content, make_respondent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each axis label and legend entry of the radar: its text, and its room to the chart's
# left and right edges in pixels (negative: cut off).
ROOM = """() => {
  const chart = document.querySelector("[data-figure='radar-data']").getBoundingClientRect();
  const texts = document.querySelectorAll(
    "[data-figure='radar-data'] .angularaxistick text, [data-figure='radar-data'] .legendtext");
  return Array.from(texts, (t) => {
    const box = t.getBoundingClientRect();
    return [t.textContent, box.left - chart.left, chart.right - box.right];
  });
}"""


# Every text of the radar (axis names, the scale's ticks, legend entries) as boxes.
BOXES = """() => Array.from(document.querySelectorAll(
    "[data-figure='radar-data'] .angularaxistick text, [data-figure='radar-data'] .radialaxistick text, "
    + "[data-figure='radar-data'] .legendtext"), (t) => {
  const b = t.getBoundingClientRect();
  return [t.textContent, b.left, b.top, b.right, b.bottom];
})"""


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
        page.locator("[data-figure='radar-data'] .legendtext").first.wait_for()
        if width < 520:  # on a phone the radar is fitted to the labels once drawn
            page.locator("[data-figure='radar-data'][data-fitted='true']").wait_for()
        room = page.evaluate(ROOM)
        boxes = page.evaluate(BOXES)
        toolbars = page.locator(".modebar").count()
        circle = page.locator("[data-figure='radar-data'] .plotbg path").bounding_box()
    finally:
        context.close()
    assert len(room) >= 5 + 3  # five dimensions, three series (company, peers, target)
    assert any("Mediana" in text for text, _, _ in room)
    cut = [(text, round(left), round(right)) for text, left, right in room
           if left < 0 or right < 0]
    assert cut == []
    assert _overlaps(boxes) == []
    assert toolbars == 0
    # the circle takes what the labels leave of the width (it was 124 px wide at 360)
    assert circle["width"] >= (0.45 * width if width < 520 else 250)
