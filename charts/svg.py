"""The results page's radar as SVG drawn on the server: no JavaScript to load.

The same figures and colours as ``figures.radar`` (which the PDF draws through
Plotly); on the web page the radar has nothing to interact with, as the table beside
it holds the numbers. Its size is in viewBox units, so it scales with the page:
the circle is as large as the axis names beside it leave room for, and the legend is
HTML that wraps on a phone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from charts.figures import BRAND, FONT, PEER, TARGET

WIDTH = 420  # viewBox units
FONT_SIZE = 12
CHAR = 0.58 * FONT_SIZE  # DejaVu Sans averages 0.51–0.56 em on the dimension names
GAP = 7  # between the circle and an axis name
TICKS = (25, 50, 75, 100)
STYLE = {
    "company": {"color": BRAND, "width": 3, "dash": "", "fill": "rgba(11, 92, 173, 0.18)"},
    "peer": {"color": PEER, "width": 2, "dash": "6 4", "fill": "none"},
    "target": {"color": TARGET, "width": 2, "dash": "6 4", "fill": "none"},
}


def _radius(labels: Sequence[str], angles: Sequence[float]) -> float:
    """The largest circle whose side labels still fit in the width."""
    radius = 130.0
    for label, angle in zip(labels, angles):
        side = abs(math.sin(angle))
        if side > 0.2:
            room = WIDTH / 2 - 2 - len(label) * CHAR
            radius = min(radius, room / side - GAP)
    return max(radius, 60.0)


def _label(text: str, at: tuple[float, float], angle: float) -> str:
    x, y = at
    sin, cos = math.sin(angle), math.cos(angle)
    anchor = "start" if sin > 0.2 else "end" if sin < -0.2 else "middle"
    y += FONT_SIZE * (0.35 - 0.5 * cos)  # above the top axis, below the bottom ones
    return (f'<text class="axis" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">'
            f"{escape(text)}</text>")


def _polygon(values: Sequence[float], kind: str, point) -> str:
    style = STYLE[kind]
    points = [point(i, float(v)) for i, v in enumerate(values)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    dash = f' stroke-dasharray="{style["dash"]}"' if style["dash"] else ""
    marks = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{style["color"]}"/>'
                    for x, y in points)
    return (f'<g class="series {kind}"><polygon points="{path}" fill="{style["fill"]}" '
            f'stroke="{style["color"]}" stroke-width="{style["width"]}"{dash} '
            f'stroke-linejoin="round"/>{marks}</g>')


def _legend(series: Sequence[tuple[str, Sequence[float], str]]) -> str:
    items = []
    for name, _values, kind in series:
        style = STYLE[kind]
        dash = f' stroke-dasharray="{style["dash"]}"' if style["dash"] else ""
        items.append(
            f'<li><svg class="key" viewBox="0 0 30 10" aria-hidden="true"><line x1="0" y1="5" '
            f'x2="30" y2="5" stroke="{style["color"]}" stroke-width="{style["width"]}"{dash}/>'
            f'<circle cx="15" cy="5" r="3" fill="{style["color"]}"/></svg>{escape(name)}</li>')
    return f'<ul class="radar-legend">{"".join(items)}</ul>'


def radar_svg(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float], str]],
              *, title: str) -> str:
    """A 0-100 radar of dimension scores: one closed outline per (name, values, kind),
    the company's filled; then its legend. Kinds: "company", "target", "peer"."""
    n = len(labels)
    angles = [2 * math.pi * i / n for i in range(n)]  # clockwise from the top
    radius = _radius(labels, angles)
    cx, cy = WIDTH / 2, radius + GAP + 2 * FONT_SIZE
    height = cy + max(-math.cos(a) for a in angles) * (radius + GAP) + 2.2 * FONT_SIZE

    def point(i: int, value: float, r: float = radius) -> tuple[float, float]:
        scaled = r * max(0.0, min(value, 100.0)) / 100
        return cx + scaled * math.sin(angles[i]), cy - scaled * math.cos(angles[i])

    rings = "".join(f'<circle class="ring{" ring-outer" if t == 100 else ""}" cx="{cx}" '
                    f'cy="{cy:.1f}" r="{radius * t / 100:.1f}"/>' for t in TICKS)
    spokes = "".join(f'<line class="spoke" x1="{cx}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}"/>'
                     for x, y in (point(i, 100) for i in range(n)))
    # The scale's numbers run between the first two axes, clear of their names.
    between = math.pi / n
    ticks = "".join(
        f'<text class="tick" x="{cx + radius * t / 100 * math.sin(between) + 3:.1f}" '
        f'y="{cy - radius * t / 100 * math.cos(between) + 3:.1f}">{t}</text>' for t in TICKS)
    names = "".join(_label(label, point(i, 100, radius + GAP), angles[i])
                    for i, label in enumerate(labels))
    shapes = "".join(_polygon(values, kind, point) for _name, values, kind in series)
    svg = (f'<svg class="radar-svg" viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
           f'aria-label="{escape(title)}" font-family="{FONT}" font-size="{FONT_SIZE}">'
           f'<g fill="none" stroke="#dee2e6">{rings}{spokes}</g>'
           f'<g font-size="10" fill="#6c757d">{ticks}</g>{shapes}'
           f'<g fill="#212529">{names}</g></svg>')
    return svg + _legend(series)
