"""Column widths of the report's tables.

The report lays its tables out with ``table-layout: fixed`` (report.css): WeasyPrint then
sizes the columns from the widths declared here instead of measuring every cell.
"""

from __future__ import annotations

from collections.abc import Sized

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def colgroup(*widths: int | Sized) -> SafeString:
    """``<colgroup>`` with one column per width (a percentage of the table); a sequence
    stands for that many columns sharing what the others leave:
    ``{% colgroup 16 p.dimensions 11 16 %}``."""
    cols = []
    for width in widths:
        if isinstance(width, int):
            cols.append(format_html('<col style="width: {}%">', width))
        else:
            cols.extend(SafeString("<col>") for _ in range(len(width)))
    return format_html("<colgroup>{}</colgroup>", format_html_join("", "{}", ((c,) for c in cols)))
