"""A KPI's 12-month target, from its rule, the company's cluster and a recorded baseline.

A rule is data of the KPI catalogue (``target_rules`` in fixtures/content/kpis.yaml):
the unit kind, the improvement range per cluster and the published source of the
scale where one exists. ``points`` and ``pp`` (percentage points) change by an
absolute amount; ``days``, ``hours``, ``currency``, ``count`` and ``ratio`` by a
share of the baseline. With a baseline the target is a number (the middle of the
range, kept within the scale); without one it is the range itself. The ranges are
the product's own rule of thumb. Texts follow the active language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

KINDS = ("points", "pp", "days", "hours", "currency", "count", "ratio")
ABSOLUTE = frozenset({"points", "pp"})
# Where a kind's values may lie when the rule names no scale of its own.
DEFAULT_SCALE: dict[str, tuple[float | None, float | None]] = {
    "points": (None, None), "pp": (0.0, 100.0), "days": (0.0, None), "hours": (0.0, None),
    "currency": (0.0, None), "count": (0.0, None), "ratio": (0.0, None),
}


@dataclass(frozen=True)
class TargetRule:
    kind: str
    direction: str  # higher, lower or context (no target of its own)
    ranges: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    decimals: int = 0
    minimum: float | None = None
    maximum: float | None = None
    source: str = ""


def rule_of(data: Mapping[str, Any], *, direction: str, language: str) -> TargetRule:
    """A KPI's rule as stored on it (``Kpi.target_rule``); an empty one (content not loaded
    since) has no unit and no range, so the plan asks for a trend agreed with the owner."""
    kind = data.get("kind") or ""
    low, high = data.get("scale") or DEFAULT_SCALE.get(kind, (None, None))
    source = data.get("source") or {}
    return TargetRule(
        kind=kind, direction=direction,
        ranges={c: (float(r[0]), float(r[1])) for c, r in (data.get("ranges") or {}).items()},
        decimals=int(data.get("decimals", 0)),
        minimum=None if low is None else float(low), maximum=None if high is None else float(high),
        source=source.get(language) or source.get("en", "") if isinstance(source, dict)
        else str(source))


def rounded(rule: TargetRule, value: float) -> float:
    """A KPI value as shown: the rule's decimals, halves up."""
    step = Decimal(1).scaleb(-rule.decimals)
    return float(Decimal(str(float(value))).quantize(step, rounding=ROUND_HALF_UP))


def clamped(rule: TargetRule, value: float) -> float:
    if rule.minimum is not None:
        value = max(rule.minimum, value)
    if rule.maximum is not None:
        value = min(rule.maximum, value)
    return value


def value_error(rule: TargetRule, value: float) -> str | None:
    """Why a recorded value cannot be (outside the KPI's scale), or None."""
    if clamped(rule, value) == value:
        return None
    low, high = rule.minimum, rule.maximum
    if low is not None and high is not None:
        return _("Enter a value between %(min)s and %(max)s.") % {
            "min": number(rule, low, compact=True), "max": number(rule, high, compact=True)}
    if low is not None:
        return _("Enter a value of at least %(min)s.") % {"min": number(rule, low, compact=True)}
    return _("Enter a value of at most %(max)s.") % {"max": number(rule, high, compact=True)}


def number(rule: TargetRule, value: float, *, signed: bool = False, compact: bool = False
           ) -> str:
    """A number in the active language's format, a true minus sign, + when ``signed``;
    ``compact`` drops the decimals of a whole number (ranges and scales: 1–7, +5%)."""
    decimals = 0 if compact and float(value).is_integer() else rule.decimals
    text = number_format(rounded(rule, abs(value)), decimal_pos=decimals)
    if value < 0 and rounded(rule, value) != 0:
        return f"−{text}"
    return f"+{text}" if signed else text


def _plural(value: float) -> int:
    """The count a plural form is chosen by: fractions read as plural."""
    return int(value) if float(value).is_integer() else 2


def _scale(rule: TargetRule) -> str:
    return _("%(min)s–%(max)s scale") % {"min": number(rule, rule.minimum or 0, compact=True),
                                         "max": number(rule, rule.maximum or 0, compact=True)}


def with_unit(rule: TargetRule, value: float) -> str:
    """A value with its unit, e.g. 12 points, 72%, €85, 4.5 days, 4.8 on the 1–7 scale."""
    n = number(rule, value)
    if rule.kind == "points" and rule.minimum is not None and rule.minimum > 0:
        return _("%(value)s on the %(scale)s") % {"value": n, "scale": _scale(rule)}
    if rule.kind == "points":
        return ngettext("%(value)s point", "%(value)s points", _plural(value)) % {"value": n}
    if rule.kind == "pp":
        return _("%(value)s%%") % {"value": n}
    if rule.kind == "days":
        return ngettext("%(value)s day", "%(value)s days", _plural(value)) % {"value": n}
    if rule.kind == "hours":
        return ngettext("%(value)s hour", "%(value)s hours", _plural(value)) % {"value": n}
    if rule.kind == "currency":
        return _("€%(value)s") % {"value": n}
    if rule.kind == "ratio":
        return _("%(value)s×") % {"value": n}
    return n


def unit_label(rule: TargetRule) -> str:
    """The unit of the KPI plan's table, in words of the active language."""
    if rule.kind == "points" and rule.minimum is not None and rule.minimum > 0:
        return _("points on the %(scale)s") % {"scale": _scale(rule)}
    if rule.kind == "points" and rule.minimum is not None:
        return _("points, from %(min)s to %(max)s") % {
            "min": number(rule, rule.minimum, compact=True),
            "max": number(rule, rule.maximum or 0, signed=True, compact=True)}
    labels = {"points": _("points"), "pp": _("% (changes in percentage points)"),
              "days": _("days"), "hours": _("hours"), "currency": _("euro"),
              "count": _("number"), "ratio": _("ratio (×)")}
    return labels.get(rule.kind, "")


def short_unit(rule: TargetRule) -> str:
    """The unit beside an input: points, %, days, €, 1–7 scale."""
    if rule.kind == "points" and rule.minimum is not None and rule.minimum > 0:
        return _scale(rule)
    short = {"pp": "%", "currency": "€", "ratio": "×"}
    return short.get(rule.kind) or unit_label(rule).split(",")[0]


def _sign(rule: TargetRule) -> int:
    return -1 if rule.direction == "lower" else 1


def projected(rule: TargetRule, *, cluster: str, baseline: float) -> float | None:
    """The target a baseline leads to: the middle of the cluster's range, within the scale."""
    if rule.direction not in ("higher", "lower") or cluster not in rule.ranges:
        return None
    low, high = rule.ranges[cluster]
    middle = (low + high) / 2 * _sign(rule)
    value = baseline + middle if rule.kind in ABSOLUTE else baseline * (1 + middle / 100)
    return rounded(rule, clamped(rule, value))


def _range_text(rule: TargetRule, cluster: str) -> str:
    low, high = rule.ranges[cluster]
    sign = _sign(rule)
    values = {"low": number(rule, sign * low, signed=True, compact=True),
              "high": number(rule, sign * high, signed=True, compact=True)}
    if rule.kind == "points":
        return ngettext("%(low)s to %(high)s point on the measured baseline within 12 months",
                        "%(low)s to %(high)s points on the measured baseline within 12 months",
                        _plural(high)) % values
    if rule.kind == "pp":
        return ngettext(
            "%(low)s to %(high)s percentage point on the measured baseline within 12 months",
            "%(low)s to %(high)s percentage points on the measured baseline within 12 months",
            _plural(high)) % values
    return _("%(low)s%% to %(high)s%% on the measured baseline within 12 months") % values


def target_text(rule: TargetRule, *, cluster: str, baseline: float | None = None,
                target: float | None = None) -> str:
    """The plan's target: from the baseline to a number, or the rule's range."""
    if target is None and baseline is not None:
        target = projected(rule, cluster=cluster, baseline=baseline)
    if baseline is not None and target is not None:
        if rounded(rule, target) == rounded(rule, baseline):
            return _("hold %(value)s over the next 12 months") % {
                "value": with_unit(rule, baseline)}
        shown = (with_unit(rule, baseline) if rule.kind in ("pp", "currency", "ratio")
                 else number(rule, baseline))
        return _("from %(baseline)s to %(target)s within 12 months") % {
            "baseline": shown, "target": with_unit(rule, target)}
    if target is not None:
        return _("%(target)s within 12 months") % {"target": with_unit(rule, target)}
    if rule.direction not in ("higher", "lower") or cluster not in rule.ranges:
        return _("a trend agreed with the owner")
    return _range_text(rule, cluster)
