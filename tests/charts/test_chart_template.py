"""The charts' slim template draws every chart exactly like Plotly's full one."""

import re

import plotly.graph_objects as go

from charts import figures as charts
from reports.document.pdf import figure_svgs

LABELS = ["Strategy", "Organisation", "Data", "Technology", "Execution"]


def every_chart() -> dict[str, go.Figure]:
    return {
        "radar": charts.radar(LABELS, [("Acme", [40, 55, 30, 62, 48], "company"),
                                       ("Peers", [45, 50, 41, 50, 52], "peer"),
                                       ("Next", [60, 60, 60, 60, 60], "target")]),
        "bars": charts.dimension_bars(labels=LABELS, scores=[40, 55, 30, 62, 48],
                                      targets={"Next cluster": [60, 60, 60, 60, 60]},
                                      name="Acme"),
        "clusters": charts.cluster_distribution(
            labels=["First steps", "Aware", "Enterprising", "Structured", "Advanced"],
            shares=[22, 39, 13, 20, 6], highlight=1, compare=[20, 40, 15, 19, 6],
            compare_name="Reference", name="Selection"),
        "boxes": charts.score_boxes(LABELS, [[10, 25, 40, 60, 80]] * 5),
        "heatmap": charts.heatmap(["Retail", "Banking"], LABELS,
                                  [[40, 55, None, 62, 48], [35, 50, 41, 50, 52]]),
        "trend": charts.trend_lines(waves=[1, 2, 3], series={"Strategy": [40, None, 55],
                                                              "Data": [30, 35, 45]}),
    }


def _normalised(svg: str) -> str:
    """The SVG with Plotly's random ids (figure, traces, colour bars) numbered in order."""
    ids = dict.fromkeys(re.findall(r"(?:defs-|trace|cb)([0-9a-f]{6,8})\b", svg))
    for number, found in enumerate(ids):
        svg = svg.replace(found, f"id{number}")
    return svg


def test_only_the_trace_types_drawn_here_keep_their_defaults():
    used = {trace.type for fig in every_chart().values() for trace in fig.data}
    assert used <= set(charts.TRACE_TYPES)
    assert set(charts.TEMPLATE.data.to_plotly_json()) <= set(charts.TRACE_TYPES)


def test_every_chart_draws_the_same_with_the_slim_and_the_full_template():
    slim = every_chart()
    full = {}
    for name, fig in every_chart().items():
        fig.update_layout(template="plotly_white")
        full[name] = fig
    slim_svgs, full_svgs = figure_svgs(slim), figure_svgs(full)
    for name in slim:
        assert slim[name].to_json() != full[name].to_json()  # the templates do differ
        assert _normalised(slim_svgs[name]) == _normalised(full_svgs[name]), name
