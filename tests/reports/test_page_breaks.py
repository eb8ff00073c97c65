"""The report's page breaks: a roadmap phase's band never ends a page alone, and a table
row is never split (report.css, laid out by WeasyPrint)."""

from django.template.loader import render_to_string
from weasyprint import HTML

ROW = ('<tr><td><strong>Action {n}</strong><br>A description long enough to take two lines '
       'in the action column of the roadmap table, as the real ones do.</td><td>CEO</td>'
       '<td>March 2027</td><td class="num">40</td></tr>')


def _pages_of(filler_mm: int, *, css: str) -> dict[str, int]:
    """Page number of the phase band and of each action, after ``filler_mm`` of text."""
    rows = "".join(ROW.format(n=n) for n in range(1, 4))
    html = (f'<html lang="en"><head><style>{css}</style></head><body>'
            f'<div style="height: {filler_mm}mm"></div><table><colgroup><col style="width: 55%">'
            '<col style="width: 18%"><col style="width: 16%"><col style="width: 11%"></colgroup>'
            '<thead><tr><th>Action</th><th>Owner</th><th>Due</th><th class="num">Priority'
            '</th></tr></thead><tbody><tr class="phase-row"><th colspan="4" class="phase">'
            f'Foundations · 3–12 months</th></tr>{rows}</tbody></table></body></html>')
    found = {}
    for number, page in enumerate(HTML(string=html).render().pages, 1):
        text = _text(page._page_box)
        for key in ("Foundations", "Action 1", "Action 2", "Action 3"):
            if key in text and key not in found:
                found[key] = number
    return found


def _text(box) -> str:
    own = getattr(box, "text", "") or ""
    return own + "".join(_text(child) for child in getattr(box, "children", []) or [])


def test_a_phase_band_moves_with_its_first_action_wherever_the_page_ends():
    css = render_to_string("reports/report.css")
    for filler in range(200, 246, 3):
        pages = _pages_of(filler, css=css)
        assert pages["Foundations"] == pages["Action 1"], (filler, pages)


def test_without_the_rule_a_band_would_end_a_page_alone():
    """The check above can fail: without ``break-after: avoid`` some page ends on the band."""
    css = render_to_string("reports/report.css").replace(
        "tr.phase-row { break-after: avoid; }", "")
    orphaned = [f for f in range(200, 246, 3)
                if (p := _pages_of(f, css=css))["Foundations"] != p["Action 1"]]
    assert orphaned
