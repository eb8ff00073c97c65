"""PDF rendering: the report's HTML through WeasyPrint, charts as SVG from kaleido.

Kaleido drives a headless Chromium (Debian's ``chromium``, found on PATH or
through ``BROWSER_PATH``); its server starts once per process and serves every
later export. SVGs are cached by the figure's content, so a figure exported once
costs nothing again, and new figures are exported concurrently.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import plotly.graph_objects as go
from django.template.loader import render_to_string
from django.utils import translation

SVG_CACHE_SIZE = 256
_svg_cache: OrderedDict[str, str] = OrderedDict()
_lock = threading.Lock()
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


def _export(fig_json: str, width: int, height: int) -> str:
    import kaleido

    svg = kaleido.calc_fig_sync(json.loads(fig_json),
                                opts={"format": "svg", "width": width, "height": height})
    return svg.decode("utf-8") if isinstance(svg, bytes) else str(svg)


def figure_svgs(figures: dict[str, go.Figure], width: int = 760) -> dict[str, str]:
    """SVG text of each figure, from the cache or exported concurrently."""
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
            with ThreadPoolExecutor(max_workers=min(4, len(missing))) as pool:
                done = dict(zip(missing, pool.map(lambda item: _export(item[0], width, item[1]),
                                                  missing.values())))
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


def html_to_pdf(html: str) -> bytes:
    """WeasyPrint alone: tagged PDF/UA with the document's language and title."""
    from weasyprint import HTML

    return HTML(string=html, base_url=None).write_pdf(pdf_variant="pdf/ua-1")


def render_pdf(data: Any) -> bytes:
    """The whole report as PDF bytes."""
    svgs = figure_svgs(data.figures)
    return html_to_pdf(report_html(data, svgs))
