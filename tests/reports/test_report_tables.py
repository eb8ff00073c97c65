"""Every table of the report declares its column widths (``{% colgroup %}``), since
report.css lays tables out with ``table-layout: fixed``."""

import re
from pathlib import Path

from django.template import Context, Template

SECTIONS = Path(__file__).resolve().parents[2] / "reports/templates/reports/sections"


def render(source: str, **context) -> str:
    return Template("{% load report_tables %}" + source).render(Context(context))


def test_colgroup_gives_each_width_and_lets_a_sequence_share_the_rest():
    html = render("{% colgroup 16 dims 11 %}", dims=["strategy", "data"])
    assert html == ('<colgroup><col style="width: 16%"><col><col>'
                    '<col style="width: 11%"></colgroup>')


def test_every_report_table_declares_its_widths_and_they_fit_the_page():
    tables = 0
    for path in sorted(SECTIONS.glob("*.html")):
        source = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<table[^>]*>\s*(\{% colgroup ([^%]*)%\})?", source):
            tables += 1
            assert match.group(1), f"{path.name}: a table without {{% colgroup %}}"
            widths = [int(w) for w in match.group(2).split() if w.isdigit()]
            assert sum(widths) <= 100, (path.name, widths)
    assert tables >= 12
