"""Every Plotly figure of the product, built once.

The web page embeds a figure as JSON (rendered by plotly.js); the PDF report
exports the very same figure to SVG, so both look alike.

Plotly reads a subset of HTML in every text (``<a href>``, ``<b>``, ``<br>``): a company
named ``<a href=…>`` would be a link. ``_layout``, which every figure passes through,
escapes all texts (names, category labels, ticks, titles, hover and bar texts) with
``plain``, so they show as typed; hover templates never embed a text, they name it.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

BRAND = "#0b5cad"
BRAND_FILL = "rgba(11, 92, 173, 0.18)"
BRAND_LIGHT = "#9fb8d6"  # the other clusters' bars beside the highlighted one
TARGET = "#e07b00"
PEER = "#6c757d"
# The report's typeface (Inter, embedded in the PDF); browsers without it fall back.
FONT = "Inter, DejaVu Sans, Helvetica, Arial, sans-serif"
INK = "#1d2733"


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

# Plotly checks every property of a figure as it is built, which costs more than
# building it. The figures here are fixed in code, so they are built unchecked;
# ``tests/charts`` builds each of them checked too and compares the two.
VALIDATE = False
# Plotly's "Blues" scale as Plotly spells it out when it checks a figure.
BLUES = [list(step) for step in go.Heatmap(colorscale="Blues").colorscale]


def _trace(kind: str, **props: Any) -> dict[str, Any]:
    """A trace of type ``kind`` as a plain dict (Plotly's ``marker_color`` spelling works)."""
    return {"type": kind, **props}


def _figure(data: Sequence[Mapping[str, Any]], layout: Mapping[str, Any] | None = None,
            ) -> go.Figure:
    """A figure of plain trace dicts (each with its ``type``), built unchecked; empty lists
    in the layout (no shapes, no notes) are left out, as Plotly leaves them out."""
    layout = {key: value for key, value in (layout or {}).items() if value != []}
    return go.Figure(list(data), layout, _validate=VALIDATE)


def plain(text: str) -> str:
    """``text`` as Plotly shows it literally (its markup characters as entities)."""
    return html.escape(text, quote=False)


def _plain_values(value: Any) -> Any:
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, (list, tuple)):
        return [_plain_values(v) for v in value]
    return value


_TRACE_TEXTS = ("name", "text", "hovertext", "x", "y", "theta", "labels")
_AXES = ("xaxis", "yaxis")


def _plain_figure(fig: go.Figure) -> None:
    """Escapes every text of the figure's traces and axes, once, as the figure is made."""
    for trace in fig.data:
        for attr in _TRACE_TEXTS:
            if attr in trace and trace[attr] is not None:
                trace[attr] = _plain_values(trace[attr])
    axes = [fig.layout[a] for a in _AXES] + [fig.layout.polar.angularaxis]
    for axis in axes:
        for attr in ("tickvals", "ticktext", "ticksuffix"):
            if axis[attr] is not None:
                axis[attr] = _plain_values(axis[attr])
    for axis in axes[:2]:
        if axis.title.text:
            axis.title.text = plain(axis.title.text)
    if fig.layout.title.text:
        fig.layout.title.text = plain(fig.layout.title.text)


def _layout(fig: go.Figure, *, height: int) -> go.Figure:
    _plain_figure(fig)
    fig.update_layout(
        template=TEMPLATE,
        height=height,
        margin={"l": 50, "r": 50, "t": 30, "b": 30},
        font={"family": FONT, "size": 13, "color": INK},
        paper_bgcolor="white",
        plot_bgcolor="white",
        legend={"orientation": "h", "yanchor": "top", "y": -0.08, "x": 0.5, "xanchor": "center"},
    )
    return fig


def accented(fig: go.Figure, accent: str) -> go.Figure:
    """The figure in a firm's accent colour (``#rrggbb``) instead of the product's blue:
    the same figure otherwise, so that a branded report's charts match its headings."""
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", accent):
        raise ValueError(f"not a #rrggbb colour: {accent!r}")
    red, green, blue = (int(accent[i:i + 2], 16) for i in (1, 3, 5))
    light = "#" + "".join(f"{round(c + (255 - c) * 0.55):02x}" for c in (red, green, blue))
    text = fig.to_json()
    for old, new in ((BRAND, accent.lower()), (BRAND_LIGHT, light),
                     (BRAND_FILL, f"rgba({red}, {green}, {blue}, 0.18)")):
        text = text.replace(json.dumps(old), json.dumps(new))
    return pio.from_json(text)


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
    traces = []
    closed = [*labels, labels[0]]
    for name, values, kind in series:
        vals = [round(float(v), 1) for v in values]
        traces.append(
            _trace(
                "scatterpolar",
                r=[*vals, vals[0]],
                theta=closed,
                name=name,
                mode="lines+markers",
                line={"color": colors[kind], "width": 3 if kind == "company" else 2,
                      "dash": "solid" if kind == "company" else "dash"},
                **({"fill": "toself", "fillcolor": BRAND_FILL} if kind == "company" else {}),
                hovertemplate="%{theta}: %{r:.0f}<extra>%{fullData.name}</extra>",
            )
        )
    fig = _figure(traces)
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
    traces = [_trace(
        "bar", x=[round(float(s), 1) for s in scores], y=list(labels), orientation="h",
        marker_color=BRAND, text=[f"{float(s):.0f}" for s in scores],
        textposition="outside", name=name, hovertemplate="%{y}: %{x:.0f}<extra></extra>",
    )]
    traces += [_trace(
        "scatter", x=list(values), y=list(labels), mode="markers", name=target_name,
        marker={"symbol": "line-ns-open", "size": 22, "color": TARGET, "line": {"width": 3}},
    ) for target_name, values in (targets or {}).items()]
    fig = _figure(traces)
    fig.update_layout(xaxis={"range": [0, 105], "gridcolor": "#dee2e6"},
                      yaxis={"autorange": "reversed"}, showlegend=bool(targets))
    return _layout(fig, height=height)


def cluster_distribution(
    *, labels: Sequence[str], shares: Sequence[float] | None, highlight: int | None = None,
    compare: Sequence[float] | None = None, compare_name: str = "", name: str = "",
    hidden_note: str = "", decimals: int = 0, bar_text: bool = True, height: int = 280,
) -> go.Figure:
    """Share of companies per cluster (%), the subject's cluster highlighted.

    ``shares`` None (a group too small to show) draws no bars of its own, never
    a row of zeros: only ``compare``, with ``hidden_note`` written above.
    ``bar_text`` False leaves the figures to a table beside the chart.
    """
    colors = [BRAND_LIGHT] * len(labels)
    if highlight is not None:
        colors[highlight] = BRAND
    fmt = f"{{:.{decimals}f}}%"
    traces = []
    if shares is not None:
        traces.append(_trace(
            "bar", x=list(labels), y=[float(s) for s in shares], marker_color=colors, name=name,
            text=[fmt.format(float(s)) for s in shares] if bar_text else None,
            textposition="outside",
            hovertemplate=f"%{{x}}: %{{y:.{decimals}f}}%<extra></extra>",
        ))
    if compare is not None:
        traces.append(_trace(
            "bar", x=list(labels), y=[float(s) for s in compare], name=compare_name, marker_color=PEER,
            text=[fmt.format(float(s)) for s in compare] if bar_text else None,
            textposition="outside",
            hovertemplate=f"%{{x}}: %{{y:.{decimals}f}}%<extra></extra>"))
    top = max([*(shares or []), *(compare or [])] or [0])
    note = ([{"text": plain(hidden_note), "xref": "paper", "yref": "paper", "x": 0, "y": 1,
              "xanchor": "left", "yanchor": "bottom", "showarrow": False,
              "font": {"color": "#495057"}}] if shares is None and hidden_note else [])
    fig = _figure(traces, {
        "yaxis": {"range": [0, top * 1.25 + 1], "ticksuffix": "%", "gridcolor": "#dee2e6"},
        "xaxis": {"tickangle": 0, "tickvals": list(labels), "tickfont": {"size": 11}},
        "showlegend": compare is not None, "barmode": "group", "annotations": note,
    })
    fig = _layout(fig, height=height)
    # Two-line labels read level in a narrow column too; the legend goes below them.
    fig.update_layout(legend={"y": -0.3}, margin={"b": 80}, xaxis={
        "ticktext": [plain(str(lb)).replace(" ", "<br>", 1) for lb in labels]})
    return fig


def score_boxes(
    labels: Sequence[str], rows: Sequence[Sequence[float]], *, height: int = 340,
) -> go.Figure:
    """Per-dimension score distributions as boxes drawn from precomputed percentiles.

    Each row is (p10, p25, median, p75, p90): whiskers at p10 and p90, so the
    figure needs five numbers per dimension, never the companies' scores.
    """
    fig = _figure([_trace(
        "box", x=list(labels), lowerfence=[r[0] for r in rows], q1=[r[1] for r in rows],
        median=[r[2] for r in rows], q3=[r[3] for r in rows], upperfence=[r[4] for r in rows],
        marker_color=BRAND, fillcolor=BRAND_FILL, name="", boxpoints=False,
        hoverinfo="y",
    )])
    fig.update_layout(yaxis={"range": [0, 100], "gridcolor": "#dee2e6"}, showlegend=False)
    return _layout(fig, height=height)


def heatmap(
    rows: Sequence[str], columns: Sequence[str], values: Sequence[Sequence[float | None]], *,
    height: int | None = None,
) -> go.Figure:
    """A 0-100 heat map (rows x columns) with the value written in each cell; None is blank."""
    text = [["" if v is None else f"{v:.0f}" for v in row] for row in values]
    fig = _figure([_trace(
        "heatmap", z=[list(r) for r in values], x=list(columns), y=list(rows), zmin=0, zmax=100,
        colorscale=BLUES, text=text, texttemplate="%{text}", hoverongaps=False,
        hovertemplate="%{y} · %{x}: %{z:.0f}<extra></extra>",
    )])
    fig.update_layout(yaxis={"autorange": "reversed"})
    return _layout(fig, height=height or 120 + 32 * len(rows))


def trend_lines(
    *, waves: Sequence[int | str], series: Mapping[str, Sequence[float | None]],
    suffix: str = "", top: float = 100.0, hidden: Sequence[int | str] = (),
    hidden_note: str = "", decimals: int = 0, height: int = 320,
) -> go.Figure:
    """One line per named series across waves (None leaves a gap).

    Waves in ``hidden`` (too few companies to show) are shaded grey and
    labelled ``hidden_note``, so that their gap never reads as a measured zero.
    """
    shown = [i for i, wave in enumerate(waves) if wave in hidden]
    fig = _figure(
        [_trace("scatter", x=list(waves), y=list(values), name=name, mode="lines+markers",
                hovertemplate=f"%{{x}}: %{{y:.{decimals}f}}" + plain(suffix)
                + "<extra>%{fullData.name}</extra>")
         for name, values in series.items()],
        {
            "xaxis": {"type": "category", "gridcolor": "#dee2e6"},
            "yaxis": {"range": [0, top], "ticksuffix": suffix, "gridcolor": "#dee2e6"},
            "shapes": [{"type": "rect", "xref": "x", "yref": "paper", "x0": i - 0.5,
                        "x1": i + 0.5, "y0": 0, "y1": 1, "fillcolor": "#adb5bd",
                        "opacity": 0.3, "line": {"width": 0}, "layer": "below"}
                       for i in shown],
            "annotations": [{"text": plain(hidden_note), "xref": "x", "yref": "paper", "x": i,
                             "y": 1, "yanchor": "bottom", "showarrow": False,
                             "font": {"color": "#495057"}} for i in shown],
        })
    return _layout(fig, height=height)


LEVEL_COLORS = ("#c9d9ec", "#9fb8d6", "#6f94c0", "#3f70a8", BRAND)


def level_shares(*, labels: Sequence[str], shares: Sequence[Sequence[float]],
                 level_names: Sequence[str], height: int | None = None) -> go.Figure:
    """One stacked horizontal bar per question: the share (%) of each answer level."""
    fig = _figure([_trace(
        "bar", y=list(labels), x=[round(float(row[i]), 1) for row in shares],
        orientation="h", name=name, marker_color=LEVEL_COLORS[i % len(LEVEL_COLORS)],
        hovertemplate="%{y}: %{x:.0f}%<extra>" + name + "</extra>")
        for i, name in enumerate(level_names)])
    fig.update_layout(barmode="stack", xaxis={"range": [0, 100], "ticksuffix": "%",
                                              "gridcolor": "#dee2e6"},
                      yaxis={"autorange": "reversed"})
    fig = _layout(fig, height=height or 90 + 22 * len(labels))
    fig.update_layout(legend={"traceorder": "normal"})
    return fig
