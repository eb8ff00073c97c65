"""Finding 5: every text that reaches a chart (names, labels, ticks, hover and bar texts)
is shown as typed, in the web page and in the PDF's SVG, never as Plotly markup."""

from __future__ import annotations

import re

import plotly.graph_objects as go
import pytest
from django.urls import reverse

from charts import figures as charts
from reports.document.pdf import figure_svgs
from tests.factories import answer, make_respondent

LINK = '<a href="https://evil.example/phish">Click to verify</a>'
SHOWN = '&lt;a href="https://evil.example/phish"&gt;Click to verify&lt;/a&gt;'
BOLD = "<b>%{r}</b> & co"
LABELS = [LINK, BOLD, "Data", "Technology", "Execution"]


def every_chart() -> dict[str, go.Figure]:
    return {
        "radar": charts.radar(LABELS, [(LINK, [40, 55, 30, 62, 48], "company"),
                                       (BOLD, [45, 50, 41, 50, 52], "peer")]),
        "bars": charts.dimension_bars(labels=LABELS, scores=[40, 55, 30, 62, 48],
                                      targets={LINK: [60] * 5}, name=BOLD),
        "clusters": charts.cluster_distribution(labels=LABELS, shares=[22, 39, 13, 20, 6],
                                                compare=[20] * 5, compare_name=LINK,
                                                name=BOLD),
        "boxes": charts.score_boxes(LABELS, [[10, 25, 40, 60, 80]] * 5),
        "heatmap": charts.heatmap([LINK, BOLD], LABELS, [[40] * 5, [35] * 5]),
        "trend": charts.trend_lines(waves=[LINK, "2"], series={LINK: [40, 55], BOLD: [1, 2]},
                                    suffix="<i>%</i>"),
    }


def _strings(value, key=""):
    if isinstance(value, dict):
        for k, v in value.items():
            if k != "template":
                yield from _strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key)
    elif isinstance(value, str):
        yield key, value


@pytest.mark.parametrize("name", sorted(every_chart()))
def test_no_typed_text_reaches_a_chart_as_markup(name):
    fig = every_chart()[name].to_plotly_json()
    texts = list(_strings({"data": fig["data"], "layout": fig["layout"]}))
    for key, text in texts:
        assert "<a " not in text and "<b>" not in text and "<i>" not in text, (key, text)
        if key == "hovertemplate":
            assert "evil.example" not in text and "&lt;b&gt;" not in text  # names, not texts
    assert any(SHOWN in text or "&lt;b&gt;%{r}&lt;/b&gt; &amp; co" in text
               for _key, text in texts)


def test_the_exported_svg_shows_the_text_and_holds_no_link():
    svgs = figure_svgs(every_chart())
    for name, svg in svgs.items():
        assert not re.search(r"<a\b", svg), name
    # The name is drawn as text, its angle brackets as characters.
    assert '&#60;a href="https://evil.example/phish"&#62;Click to verify' in svgs["radar"]


@pytest.mark.django_db
def test_the_results_radar_shows_the_company_name_as_typed(client, questionnaire):
    respondent = make_respondent(name=LINK)
    answer(respondent, default=3)
    client.post(reverse("assessment:review", args=[respondent.token]))
    page = client.get(reverse("assessment:results", args=[respondent.token]))
    assert page.status_code == 200
    # the radar is drawn on the server as SVG: the name is text in it, never an element
    svg = re.search(r'<div class="radar my-2">(.*?)</div>', page.content.decode(),
                    re.DOTALL).group(1)
    assert "<svg" in svg and "&lt;a href=" in svg and "Click to verify&lt;/a&gt;" in svg
    assert LINK not in svg and "<a " not in svg
