"""Benchmark maths of the admin dashboard, on plain data: no HTTP, no database."""

import math

import pandas as pd
import pytest

from benchmark import maths as dashboard

DIMS = ["strategy", "data"]


def test_percentiles_interpolate_linearly_between_ranks():
    # 0, 10, ..., 100: position f * (n - 1) = f * 10, so p10 = 10, p25 = 25, median 50.
    values = pd.DataFrame({"strategy": [10.0 * i for i in range(11)],
                           "data": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100]})
    table = dashboard.percentile_table(values, DIMS)
    assert list(table.columns) == ["p10", "p25", "median", "p75", "p90"]
    assert table.loc["strategy"].tolist() == pytest.approx([10, 25, 50, 75, 90])
    # p90 of the data column: position 9 -> between 0 (index 9) and 100 (index 10) at 0.
    assert table.loc["data"].tolist() == pytest.approx([0, 0, 0, 0, 0])


def test_percentiles_of_four_values_by_hand():
    # n = 4, positions 0.3, 0.75, 1.5, 2.25, 2.7 over 20, 40, 60, 100.
    table = dashboard.percentile_table(pd.DataFrame({"strategy": [100, 20, 60, 40]}),
                                       ["strategy"])
    assert table.loc["strategy"].tolist() == pytest.approx([26, 35, 50, 70, 88])


def test_percentiles_of_nothing_are_empty():
    table = dashboard.percentile_table(pd.DataFrame(columns=DIMS), DIMS)
    assert table.isna().all().all() and list(table.index) == DIMS


def test_cluster_shares_are_percent_in_cluster_order():
    shares = dashboard.cluster_shares({"aware": 3, "first_steps": 1})
    assert list(shares) == ["first_steps", "aware", "enterprising", "structured", "advanced"]
    assert shares == {"first_steps": 25.0, "aware": 75.0, "enterprising": 0.0,
                      "structured": 0.0, "advanced": 0.0}


def test_reference_shares_are_rescaled_to_100():
    ref = dashboard.reference_shares({"first_steps": 11, "aware": 39, "enterprising": 0,
                                      "structured": 0, "advanced": 0})
    assert ref["first_steps"] == pytest.approx(22.0) and ref["aware"] == pytest.approx(78.0)
    assert dashboard.reference_shares(None) is None


def test_sectors_of_fewer_than_five_companies_are_masked():
    rows = pd.DataFrame([
        {"sector": "retail", "companies": 5, "strategy": 40.0, "data": 30.0},
        {"sector": "banking", "companies": 4, "strategy": 90.0, "data": 80.0},
    ])
    table, masked = dashboard.sector_means(rows, DIMS)
    assert masked == ["banking"]
    assert table.loc["retail"].tolist() == [40.0, 30.0]
    assert table.loc["banking"].isna().all()


def test_wave_trends_turn_counts_and_sums_into_shares_and_means():
    rows = pd.DataFrame([
        # wave 1: 4 aware (strategy sum 160) + 6 first steps (strategy sum 60) = 10 companies
        {"wave": 1, "cluster": "aware", "n": 4, "sum:strategy": 160.0, "sum:data": 80.0,
         "sum:overall": 120.0},
        {"wave": 1, "cluster": "first_steps", "n": 6, "sum:strategy": 60.0, "sum:data": 0.0,
         "sum:overall": 30.0},
        # wave 2: only 3 companies -> masked
        {"wave": 2, "cluster": "aware", "n": 3, "sum:strategy": 150.0, "sum:data": 90.0,
         "sum:overall": 120.0},
    ])
    trends = dashboard.wave_trends(rows, DIMS)
    assert trends.shares.loc[1, "aware"] == pytest.approx(40.0)
    assert trends.shares.loc[1, "first_steps"] == pytest.approx(60.0)
    assert trends.shares.loc[1, "advanced"] == 0.0
    assert trends.means.loc[1, "strategy"] == pytest.approx(22.0)  # 220 / 10
    assert trends.means.loc[1, "overall"] == pytest.approx(15.0)
    assert trends.masked == [2] and trends.means.loc[2].isna().all()
    assert trends.companies.to_dict() == {1: 10, 2: 3}


def _build(companies: int) -> dashboard.Dashboard:
    pct = pd.DataFrame(1.0, index=[*DIMS, "overall"], columns=list(dashboard.PERCENTILE_LABELS))
    return dashboard.dashboard_build(
        dimensions=DIMS, companies=companies, assessments=companies,
        cluster_counts={"aware": companies}, percentiles=pct,
        means={"strategy": 50.0, "data": 40.0, "overall": 45.0},
        sectors=pd.DataFrame(columns=["sector", "companies", *DIMS]),
        trends=pd.DataFrame(), reference={"first_steps": 22, "aware": 39, "enterprising": 13,
                                          "structured": 20, "advanced": 6},
    )


def test_a_selection_of_five_companies_shows_its_figures():
    board = _build(5)
    assert board.enough and board.shares["aware"] == 100.0
    assert board.percentiles.loc["strategy", "median"] == 1.0 and board.means["data"] == 40.0


def test_a_selection_of_four_companies_falls_back_to_the_reference_only():
    board = _build(4)
    assert not board.enough and board.shares is None and board.means == {}
    assert board.percentiles.isna().all().all()
    assert board.reference["aware"] == pytest.approx(39.0)
    assert not math.isnan(sum(board.reference.values()))


def test_figures_are_rounded_once_halves_up_as_the_page_shows_them():
    assert dashboard.rounded(0.25) == 0.3 and dashboard.rounded(2.675) == 2.7
    assert dashboard.rounded(62.5, 0) == 63.0 and dashboard.rounded(float("nan")) is None
    table = dashboard.rounded_frame(pd.DataFrame({"a": [0.25, float("nan")]}))
    assert table["a"].iloc[0] == 0.3 and math.isnan(table["a"].iloc[1])
