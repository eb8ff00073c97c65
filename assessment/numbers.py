"""How numbers are shown: one rounding for every score, and figures derived from shown values.

A score is computed unrounded and shown as a whole number, halves rounded up
(39.5 → 40), as Django's ``floatformat`` does. A figure derived from shown
scores (minimum, maximum, spread, gap) is computed from the whole numbers a
reader sees beside it, so every subtraction on a page checks out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal


def whole(value: float | None) -> int | None:
    """A score as shown: a whole number, halves up; None (or NaN) stays None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(Decimal(str(float(value))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def range_of(values: Iterable[int | None]) -> dict[str, int | None]:
    """Minimum, maximum and spread (max - min) of shown values; all None when there is none."""
    shown = [v for v in values if v is not None]
    if not shown:
        return {"min": None, "max": None, "spread": None}
    return {"min": min(shown), "max": max(shown), "spread": max(shown) - min(shown)}
