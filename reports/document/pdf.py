"""PDF rendering: the report's HTML through WeasyPrint, charts as SVG from kaleido.

Kaleido drives a headless Chromium (Debian's ``chromium``, found on PATH or
through ``BROWSER_PATH``); its server starts once per process and serves every
later export. SVGs are cached by the figure's content, so a figure exported once
costs nothing again, and new figures are exported together in one batch.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
from django.template.loader import render_to_string
from django.utils import translation

SVG_CACHE_SIZE = 256
_svg_cache: OrderedDict[str, str] = OrderedDict()
_lock = threading.Lock()
_export_lock = threading.Lock()
_started = False


class ChartExportError(RuntimeError):
    """Charts cannot be exported; the message names the fix."""


def browser_path() -> str:
    path = os.environ.get("BROWSER_PATH") or shutil.which("chromium") or shutil.which(
        "chromium-browser")
    if not path:
        raise ChartExportError(
            "Chromium is needed to draw the report's charts: install it with "
            "`apt-get install chromium` or set BROWSER_PATH to a Chromium binary."
        )
    return path


def _ensure_server() -> None:
    global _started
    with _lock:
        if _started:
            return
        os.environ["BROWSER_PATH"] = browser_path()
        import kaleido

        kaleido.start_sync_server(n=2, mathjax=False, silence_warnings=True)
        _started = True


def _export_all(items: dict[str, tuple[str, int]], width: int) -> dict[str, str]:
    """SVG text of each ``key: (figure JSON, height)``, rendered in one batch.

    Kaleido's sync server runs one call at a time and hands results back through
    one shared queue, so concurrent callers could swap each other's charts: one
    batch call per report (rendered concurrently across the server's tabs) under
    a process-wide lock keeps every SVG with its figure.
    """
    import kaleido

    with tempfile.TemporaryDirectory(prefix="omnimaturity-charts-") as tmp, _export_lock:
        paths = {key: Path(tmp) / f"{i}.svg" for i, key in enumerate(items)}
        kaleido.write_fig_from_object_sync(
            [{"fig": json.loads(fig_json), "path": paths[key],
              "opts": {"format": "svg", "width": width, "height": height}}
             for key, (fig_json, height) in items.items()],
            cancel_on_error=True,
        )
        return {key: path.read_text(encoding="utf-8") for key, path in paths.items()}


def figure_svgs(figures: dict[str, go.Figure], width: int = 760) -> dict[str, str]:
    """SVG text of each figure, from the cache or exported in one concurrent batch."""
    keyed = {}
    for name, fig in figures.items():
        fig_json = fig.to_json()
        height = int(fig.layout.height or 400)
        key = hashlib.sha256(f"{width}x{height}:{fig_json}".encode()).hexdigest()
        keyed[name] = (key, fig_json, height)
    missing = {k: (j, h) for k, j, h in keyed.values() if k not in _svg_cache}
    if missing:
        _ensure_server()
        try:
            done = _export_all(missing, width)
        except ChartExportError:
            raise
        except Exception as exc:  # kaleido reports browser problems in several ways
            raise ChartExportError(f"chart export failed: {exc}") from exc
        with _lock:
            _svg_cache.update(done)
            while len(_svg_cache) > SVG_CACHE_SIZE:
                _svg_cache.popitem(last=False)
    return {name: _svg_cache[key] for name, (key, _, _) in keyed.items()}


def data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def report_html(data: Any, svgs: dict[str, str]) -> str:
    """The final HTML of the report (charts embedded as SVG images)."""
    with translation.override(data.meta["language"]):
        return render_to_string("reports/report.html", {
            "r": data, "charts": {name: data_uri(svg) for name, svg in svgs.items()},
        })


def _data_only() -> Any:
    """WeasyPrint's fetcher for ``data:`` URIs only: the report draws what it embeds
    (charts, the firm's logo) and never reaches out to a server or a file."""
    try:
        from weasyprint.urls import URLFetcher
    except ImportError:  # WeasyPrint before 68: fetchers are functions
        from weasyprint.urls import default_url_fetcher

        def fetch(url: str, *args: Any, **kwargs: Any) -> dict:
            if not url.startswith("data:"):
                raise ValueError("the report embeds its images; it fetches nothing")
            return default_url_fetcher(url, *args, **kwargs)

        return fetch
    return URLFetcher(allowed_protocols={"data"})


def html_to_pdf(html: str) -> bytes:
    """WeasyPrint alone: tagged PDF/UA with the document's language and title."""
    from weasyprint import HTML

    return HTML(string=html, base_url=None, url_fetcher=_data_only()).write_pdf(
        pdf_variant="pdf/ua-1")


# The report's own stylesheet and a sample of its elements: every typeface and weight the
# report uses is loaded, and WeasyPrint has parsed the stylesheet once.
_WARM_UP_BODY = ('<section class="cover" data-company="" data-firm="" data-footer=""><h1>a</h1>'
                 '<p class="cover-eyebrow">a</p><span class="cover-value">1</span></section>'
                 '<h2>a</h2><h3>a</h3><p>0123456789 <b>a</b> <i>a</i></p><table><thead><tr>'
                 '<th>a</th></tr></thead><tbody><tr><td class="num">1</td></tr></tbody></table>'
                 '<div class="kpi"><div class="v">1</div><div class="l">a</div></div>')


def warm_up() -> None:
    """Makes this process ready to draw reports at once: Chromium started (the chart
    server), plotly.js loaded in its tabs, WeasyPrint's fonts and code loaded.

    The PDF worker calls it when it starts (reports.apps), so the first report after a
    start costs what every later one costs. Calling it again reuses what is running.
    """
    import plotly.graph_objects as go

    # Two figures: a report's charts are exported across both of the server's tabs.
    figure_svgs({f"warm-up {i}": go.Figure(go.Bar(x=[i], y=["warm-up"], orientation="h"),
                                           layout={"height": 120}) for i in (1, 2)})
    css = render_to_string("reports/report.css")
    html_to_pdf(f'<html lang="en"><head><title>warm-up</title><style>{css}</style></head>'
                f"<body>{_WARM_UP_BODY}</body></html>")
    from reports.document import builder, inputs  # noqa: F401 - their imports, loaded once


def report_figures(data: Any) -> dict[str, go.Figure]:
    """The report's charts, in the firm's accent colour when its brand has one."""
    accent = (data.meta.get("brand") or {}).get("accent")
    if not accent:
        return data.figures
    from charts.figures import accented

    return {name: accented(fig, accent) for name, fig in data.figures.items()}


def render_pdf(data: Any) -> bytes:
    """The whole report as PDF bytes."""
    svgs = figure_svgs(report_figures(data))
    return html_to_pdf(report_html(data, svgs))
