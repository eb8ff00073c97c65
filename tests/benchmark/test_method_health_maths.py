"""Method-health maths on plain arrays: alpha, item-rest correlations and the flags."""

import numpy as np
import pytest

from benchmark import health

# Four respondents, three items. Item variances (n - 1): 5/3, 19/12, 11/12, sum 25/6;
# totals 6, 8, 10, 14 have variance 35/3; alpha = 3/2 x (1 - (25/6) / (35/3)) = 27/28.
HAND = np.array([[1, 2, 3], [2, 3, 3], [3, 3, 4], [4, 5, 5]], dtype=float)


def test_cronbach_alpha_matches_the_hand_computed_example():
    assert health.cronbach_alpha(HAND) == pytest.approx(27 / 28)


def test_alpha_is_undefined_for_one_item_or_a_constant_total():
    assert np.isnan(health.cronbach_alpha(HAND[:, :1]))
    assert np.isnan(health.cronbach_alpha(np.full((4, 3), 3.0)))


def test_item_rest_correlation_is_the_correlation_with_the_other_items_sum():
    rest = HAND[:, 1] + HAND[:, 2]
    assert health.item_rest(HAND)[0] == pytest.approx(np.corrcoef(HAND[:, 0], rest)[0, 1])


def test_a_question_against_its_dimension_and_a_flat_one_are_flagged():
    rng = np.random.default_rng(4)
    base = rng.integers(1, 6, size=(200, 1)).astype(float)
    levels = np.clip(base + rng.integers(-1, 2, size=(200, 6)), 1, 5)
    levels[:, 4] = 6 - levels[:, 4]  # reversed
    levels[:, 5] = 3.0  # everyone at level 3 ...
    levels[:10, 5] = np.nan  # ... or don't know
    codes = ["A", "B", "F", "G", "C", "E"]
    result = health.method_health(
        levels=levels, questions=[(code, "d") for code in codes],
        dimensions=["d"], companies=200, cluster_counts={"aware": 150, "advanced": 50},
        borderline=20, reference={"aware": 50, "advanced": 50})
    *good, c, e = result.dimensions[0].questions
    assert c.negative and not any(q.negative or q.flat for q in good)
    assert e.flat and e.levels == (0.0, 0.0, 100.0, 0.0, 0.0) and e.dont_know == 5.0
    assert [q.code for q in result.flagged] == ["C", "E"]
    assert result.shares["aware"] == 75.0 and result.reference["aware"] == 50.0
    assert result.borderline_share == 10.0


def test_fewer_than_five_companies_show_nothing_but_the_counts():
    result = health.method_health(
        levels=HAND, questions=[("A", "d"), ("B", "d"), ("C", "d")], dimensions=["d"],
        companies=4, cluster_counts={"aware": 4}, borderline=1, reference=None)
    assert not result.enough and result.dimensions == [] and result.shares is None
    assert result.borderline == 0
