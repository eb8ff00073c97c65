"""The charts' slim template draws every chart exactly like Plotly's full one, and the
figures built unchecked are exactly those Plotly builds when it checks every property."""

import re

import plotly.graph_objects as go
import pytest

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
        "trend_hidden": charts.trend_lines(waves=[1, 2], series={"Data": [None, 35]},
                                           hidden=[1], hidden_note="fewer than 5 companies"),
        "clusters_hidden": charts.cluster_distribution(
            labels=["First steps", "Aware", "Enterprising", "Structured", "Advanced"],
            shares=None, compare=[20, 40, 15, 19, 6], compare_name="Reference",
            hidden_note="fewer than 5 companies"),
        "levels": charts.level_shares(labels=["1. Budget", "2. Owner <b>"],
                                      shares=[[10, 20, 30, 25, 15], [0, 0, 50, 50, 0]],
                                      level_names=[f"level {n}" for n in range(1, 6)]),
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


def test_every_chart_draws_the_same_with_the_slim_and_the_full_template(monkeypatch):
    slim = every_chart()
    full = {}
    monkeypatch.setattr(charts, "VALIDATE", True)  # so that Plotly resolves the template's name
    for name, fig in every_chart().items():
        fig.update_layout(template="plotly_white")
        full[name] = fig
    slim_svgs, full_svgs = figure_svgs(slim), figure_svgs(full)
    for name in slim:
        assert slim[name].to_json() != full[name].to_json()  # the templates do differ
        assert _normalised(slim_svgs[name]) == _normalised(full_svgs[name]), name


def test_every_chart_built_unchecked_equals_the_chart_plotly_checks(monkeypatch):
    unchecked = {name: fig.to_plotly_json() for name, fig in every_chart().items()}
    monkeypatch.setattr(charts, "VALIDATE", True)
    checked = every_chart()
    for name, fig in checked.items():
        assert fig._validate, name  # this build did check every property
        assert fig.to_plotly_json() == unchecked[name], name


def test_a_wrong_property_is_refused_when_checked_and_only_then(monkeypatch):
    assert charts._figure([{"type": "bar", "colour": "red"}]) is not None
    monkeypatch.setattr(charts, "VALIDATE", True)
    with pytest.raises(ValueError, match="colour"):
        charts._figure([{"type": "bar", "colour": "red"}])
