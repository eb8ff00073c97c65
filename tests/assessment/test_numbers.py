"""One rounding for every score shown, and figures derived from the shown values."""

import math

from hypothesis import given
from hypothesis import strategies as st

from assessment.numbers import range_of, whole


def test_halves_round_up_like_the_templates_floatformat():
    assert [whole(v) for v in (39.5, 40.5, 39.49, 0.5, 99.5)] == [40, 41, 39, 1, 100]
    assert whole(None) is None and whole(math.nan) is None


def test_the_example_that_disagreed_on_the_workshop_page():
    # participants at 39.45, 45, 39.2, 42: shown 39 45 39 42, so min 39 and spread 6
    shown = [whole(v) for v in (39.45, 45.0, 39.2, 42.0)]
    assert shown == [39, 45, 39, 42]
    assert range_of(shown) == {"min": 39, "max": 45, "spread": 6}


@given(st.lists(st.one_of(st.none(), st.floats(0, 100)), max_size=12))
def test_min_max_and_spread_always_agree_with_the_values_shown(values):
    shown = [whole(v) for v in values]
    r = range_of(shown)
    present = [v for v in shown if v is not None]
    if not present:
        assert r == {"min": None, "max": None, "spread": None}
    else:
        assert all(r["min"] <= v <= r["max"] for v in present)
        assert r["spread"] == r["max"] - r["min"]
