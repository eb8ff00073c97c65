"""A branded report's charts take the firm's accent colour and stay as escaped as before."""

import pytest

from charts import figures as charts


def _radar():
    return charts.radar(["Strategy", "Data", "Execution"],
                        [("<b>Rossi</b> & Figli", [40, 55, 70], "company"),
                         ("Next", [60, 60, 60], "target")])


def test_the_accent_replaces_the_products_blue_in_lines_fills_and_bars():
    fig = charts.accented(_radar(), "#7A1F3D")
    company = fig.data[0]
    assert company.line.color == "#7a1f3d"
    assert company.fillcolor == "rgba(122, 31, 61, 0.18)"
    assert fig.data[1].line.color == charts.TARGET  # the other series keep their colours
    bars = charts.accented(charts.cluster_distribution(
        labels=["A", "B", "C"], shares=[20, 50, 30], highlight=1), "#7a1f3d")
    assert list(bars.data[0].marker.color) == ["#c39aa8", "#7a1f3d", "#c39aa8"]  # 55 % towards white
    assert charts.BRAND not in bars.to_json() and charts.BRAND_LIGHT not in bars.to_json()


def test_the_accented_figure_keeps_its_escaped_texts():
    fig = charts.accented(_radar(), "#7a1f3d")
    assert fig.data[0].name == "&lt;b&gt;Rossi&lt;/b&gt; &amp; Figli"


@pytest.mark.parametrize("accent", ["red", "#7a1f3", "#7a1f3d;}"])
def test_an_accent_that_is_not_rrggbb_is_refused(accent):
    with pytest.raises(ValueError):
        charts.accented(_radar(), accent)
