"""Every Plotly figure of the product, built once.

The web page embeds a figure as JSON (rendered by plotly.js); the PDF report
exports the very same figure to SVG, so both look alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go
import plotly.io as pio

BRAND = "#0b5cad"
TARGET = "#e07b00"
PEER = "#6c757d"
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"


# The trace types drawn here, and the parts of a template that style them.
TRACE_TYPES = ("bar", "box", "heatmap", "scatter", "scatterpolar")
_UNUSED_LAYOUT = {"coloraxis", "colorscale", "geo", "mapbox", "scene", "ternary"}


def _slim_template(name: str) -> go.layout.Template:
    """Plotly's template ``name`` cut down to what styles these charts.

    Plotly copies a figure's template into it: the full "plotly_white" (defaults
    for some fifty trace types, maps, 3-D scenes) cost more than building the rest
    of a figure. Every colour scale here is explicit, so those go too; a test
    checks that the charts draw exactly as with the full template.
    """
    full = pio.templates[name].to_plotly_json()
    data = {kind: [{k: v for k, v in spec.items() if k != "colorscale"} for spec in specs]
            for kind, specs in full["data"].items() if kind in TRACE_TYPES}
    layout = {k: v for k, v in full["layout"].items() if k not in _UNUSED_LAYOUT}
    return go.layout.Template(data=data, layout=layout)


TEMPLATE = _slim_template("plotly_white")


def _layout(fig: go.Figure, *, height: int) -> go.Figure:
    fig.update_layout(
        template=TEMPLATE,
        height=height,
        margin={"l": 50, "r": 50, "t": 30, "b": 30},
        font={"family": FONT, "size": 13, "color": "#212529"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        legend={"orientation": "h", "yanchor": "top", "y": -0.08, "x": 0.5, "xanchor": "center"},
    )
    return fig


def radar(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], str]],
    *,
    height: int = 420,
) -> go.Figure:
    """A 0-100 radar of dimension scores: one closed trace per (name, values, kind).

    kind is "company", "target" or "peer"; the company trace is filled.
    """
    colors = {"company": BRAND, "target": TARGET, "peer": PEER}
    fig = go.Figure()
    closed = [*labels, labels[0]]
    for name, values, kind in series:
        vals = [round(float(v), 1) for v in values]
        fig.add_trace(
            go.Scatterpolar(
                r=[*vals, vals[0]],
                theta=closed,
                name=name,
                mode="lines+markers",
                line={"color": colors[kind], "width": 3 if kind == "company" else 2,
                      "dash": "solid" if kind == "company" else "dash"},
                fill="toself" if kind == "company" else None,
                fillcolor="rgba(11, 92, 173, 0.18)" if kind == "company" else None,
                hovertemplate="%{theta}: %{r:.0f}<extra>" + name + "</extra>",
            )
        )
    fig.update_layout(
        polar={
            # The scale's labels run between the first two axes, clear of their names.
            "radialaxis": {"range": [0, 100], "tickvals": [25, 50, 75, 100],
                           "angle": 90 - 180 / max(len(labels), 1), "tickangle": 0,
                           "tickfont": {"size": 10}, "gridcolor": "#dee2e6"},
            "angularaxis": {"gridcolor": "#dee2e6", "direction": "clockwise"},
        },
        showlegend=True,
    )
    return _layout(fig, height=height)


def dimension_bars(
    *, labels: Sequence[str], scores: Sequence[float],
    targets: Mapping[str, Sequence[float]] | None = None, height: int = 320, name: str = "",
) -> go.Figure:
    """Horizontal bars of dimension scores (the legend names them ``name``), with target
    markers when given."""
    fig = go.Figure(
        go.Bar(
            x=[round(float(s), 1) for s in scores], y=list(labels), orientation="h",
            marker_color=BRAND, text=[f"{float(s):.0f}" for s in scores],
            textposition="outside", name=name, hovertemplate="%{y}: %{x:.0f}<extra></extra>",
        )
    )
    for target_name, values in (targets or {}).items():
        fig.add_trace(go.Scatter(
            x=list(values), y=list(labels), mode="markers", name=target_name,
            marker={"symbol": "line-ns-open", "size": 22, "color": TARGET, "line": {"width": 3}},
        ))
    fig.update_layout(xaxis={"range": [0, 105], "gridcolor": "#dee2e6"},
                      yaxis={"autorange": "reversed"}, showlegend=bool(targets))
    return _layout(fig, height=height)


def cluster_distribution(
    *, labels: Sequence[str], shares: Sequence[float], highlight: int | None = None,
    compare: Sequence[float] | None = None, compare_name: str = "", name: str = "",
    height: int = 280,
) -> go.Figure:
    """Share of companies per cluster (%), the subject's cluster highlighted."""
    colors = ["#9fb8d6"] * len(labels)
    if highlight is not None:
        colors[highlight] = BRAND
    fig = go.Figure(go.Bar(
        x=list(labels), y=[float(s) for s in shares], marker_color=colors, name=name,
        text=[f"{float(s):.0f}%" for s in shares], textposition="outside",
        hovertemplate="%{x}: %{y:.0f}%<extra></extra>",
    ))
    if compare is not None:
        fig.add_trace(go.Bar(x=list(labels), y=[float(s) for s in compare], name=compare_name,
                             marker_color=PEER, text=[f"{float(s):.0f}%" for s in compare],
                             textposition="outside"))
    top = max([*shares, *(compare or [])] or [0])
    fig.update_layout(yaxis={"range": [0, top * 1.25 + 1], "ticksuffix": "%",
                             "gridcolor": "#dee2e6"},
                      # Two-line labels read level in a narrow column too.
                      xaxis={"tickangle": 0, "tickvals": list(labels), "tickfont": {"size": 11},
                             "ticktext": [str(lb).replace(" ", "<br>", 1) for lb in labels]},
                      showlegend=compare is not None, barmode="group")
    fig = _layout(fig, height=height)
    # Below the two-line labels, not over them.
    fig.update_layout(legend={"y": -0.3}, margin={"b": 80})
    return fig


def score_boxes(
    labels: Sequence[str], rows: Sequence[Sequence[float]], *, height: int = 340,
) -> go.Figure:
    """Per-dimension score distributions as boxes drawn from precomputed percentiles.

    Each row is (p10, p25, median, p75, p90): whiskers at p10 and p90, so the
    figure needs five numbers per dimension, never the companies' scores.
    """
    fig = go.Figure(go.Box(
        x=list(labels), lowerfence=[r[0] for r in rows], q1=[r[1] for r in rows],
        median=[r[2] for r in rows], q3=[r[3] for r in rows], upperfence=[r[4] for r in rows],
        marker_color=BRAND, fillcolor="rgba(11, 92, 173, 0.18)", name="", boxpoints=False,
        hoverinfo="y",
    ))
    fig.update_layout(yaxis={"range": [0, 100], "gridcolor": "#dee2e6"}, showlegend=False)
    return _layout(fig, height=height)


def heatmap(
    rows: Sequence[str], columns: Sequence[str], values: Sequence[Sequence[float | None]], *,
    height: int | None = None,
) -> go.Figure:
    """A 0-100 heat map (rows x columns) with the value written in each cell; None is blank."""
    text = [["" if v is None else f"{v:.0f}" for v in row] for row in values]
    fig = go.Figure(go.Heatmap(
        z=[list(r) for r in values], x=list(columns), y=list(rows), zmin=0, zmax=100,
        colorscale="Blues", text=text, texttemplate="%{text}", hoverongaps=False,
        hovertemplate="%{y} · %{x}: %{z:.0f}<extra></extra>",
    ))
    fig.update_layout(yaxis={"autorange": "reversed"})
    return _layout(fig, height=height or 120 + 32 * len(rows))


def trend_lines(
    *, waves: Sequence[int | str], series: Mapping[str, Sequence[float | None]],
    suffix: str = "", top: float = 100.0, height: int = 320,
) -> go.Figure:
    """One line per named series across waves (None leaves a gap)."""
    fig = go.Figure()
    for name, values in series.items():
        fig.add_trace(go.Scatter(
            x=list(waves), y=list(values), name=name, mode="lines+markers",
            hovertemplate="%{x}: %{y:.0f}" + suffix + "<extra>" + name + "</extra>",
        ))
    fig.update_layout(xaxis={"type": "category", "gridcolor": "#dee2e6"},
                      yaxis={"range": [0, top], "ticksuffix": suffix, "gridcolor": "#dee2e6"})
    return _layout(fig, height=height)
