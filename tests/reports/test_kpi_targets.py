"""Unit-aware KPI targets: every kind, both directions, bounds, both languages."""

from pathlib import Path

import pytest
import yaml
from django.utils import translation

from reports.document.kpi_targets import (
    KINDS,
    projected,
    rule_of,
    short_unit,
    target_text,
    unit_label,
    value_error,
    with_unit,
)

RANGES = {"first_steps": [8, 12], "aware": [6, 10], "enterprising": [5, 8],
          "structured": [3, 6], "advanced": [2, 4]}


def rule(kind, direction="higher", **extra):
    return rule_of({"kind": kind, "ranges": RANGES, **extra}, direction=direction, language="en")


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


NPS = {"scale": [-100, 100], "decimals": 0}
CES = {"scale": [1, 7], "decimals": 1,
       "ranges": {"aware": [0.4, 0.6], "advanced": [0.1, 0.3]}}


def test_nps_with_a_baseline_moves_by_the_middle_of_the_clusters_range():
    nps = rule("points", **NPS)
    assert target_text(nps, cluster="enterprising", baseline=12) == \
        "from 12 to 19 points within 12 months"  # 12 + (5 + 8) / 2 = 18.5, halves up


def test_negative_nps_keeps_its_sign_and_moves_up():
    nps = rule("points", **NPS)
    assert projected(nps, cluster="first_steps", baseline=-25) == -15
    assert target_text(nps, cluster="first_steps", baseline=-25) == \
        "from −25 to −15 points within 12 months"


def test_nps_without_a_baseline_is_a_range_in_points():
    assert target_text(rule("points", **NPS), cluster="enterprising") == \
        "+5 to +8 points on the measured baseline within 12 months"


def test_nps_stays_within_its_scale():
    nps = rule("points", **NPS)
    assert projected(nps, cluster="first_steps", baseline=95) == 100
    assert value_error(nps, 150) == "Enter a value between −100 and 100."
    assert value_error(nps, -100) is None


def test_effort_score_on_a_1_to_7_scale():
    ces = rule_of({"kind": "points", **CES}, direction="higher", language="en")
    assert target_text(ces, cluster="aware", baseline=4.8) == \
        "from 4.8 to 5.3 on the 1–7 scale within 12 months"
    assert unit_label(ces) == "points on the 1–7 scale"
    assert short_unit(ces) == "1–7 scale"
    assert [short_unit(rule(k)) for k in KINDS] == \
        ["points", "%", "days", "hours", "€", "number", "×"]
    assert projected(ces, cluster="aware", baseline=6.9) == 7.0
    assert value_error(ces, 9) == "Enter a value between 1 and 7."


def test_effort_score_where_lower_is_better_goes_down_and_not_below_1():
    ces = rule_of({"kind": "points", **CES}, direction="lower", language="en")
    assert target_text(ces, cluster="aware", baseline=4.8) == \
        "from 4.8 to 4.3 on the 1–7 scale within 12 months"
    assert projected(ces, cluster="aware", baseline=1.2) == 1.0
    assert target_text(ces, cluster="advanced") == \
        "−0.1 to −0.3 points on the measured baseline within 12 months"


def test_shares_move_in_percentage_points_within_0_and_100():
    share = rule("pp", scale=[0, 100])
    assert target_text(share, cluster="structured", baseline=72) == \
        "from 72% to 77% within 12 months"  # 72 + 4.5, halves up
    assert target_text(share, cluster="structured") == \
        "+3 to +6 percentage points on the measured baseline within 12 months"
    assert projected(share, cluster="first_steps", baseline=97) == 100
    assert target_text(share, cluster="first_steps", baseline=100) == \
        "hold 100% over the next 12 months"
    assert value_error(share, 101) == "Enter a value between 0 and 100."


def test_a_rate_where_lower_is_better_does_not_go_below_0():
    churn = rule("pp", "lower", scale=[0, 100], decimals=1)
    assert projected(churn, cluster="first_steps", baseline=4) == 0
    assert target_text(churn, cluster="advanced", baseline=12.5) == \
        "from 12.5% to 9.5% within 12 months"


@pytest.mark.parametrize(("kind", "text"), [
    ("days", "from 10.0 to 9.7 days within 12 months"),
    ("hours", "from 10.0 to 9.7 hours within 12 months"),
    ("currency", "from €10.0 to €9.7 within 12 months"),
    ("count", "from 10.0 to 9.7 within 12 months"),
    ("ratio", "from 10.0× to 9.7× within 12 months"),
])
def test_relative_kinds_move_by_a_share_of_the_baseline(kind, text):
    lower = rule(kind, "lower", decimals=1)
    assert projected(lower, cluster="enterprising", baseline=10) == 9.4  # 10 * (1 - 0.065)
    assert target_text(lower, cluster="advanced", baseline=10) == text
    assert target_text(lower, cluster="advanced") == \
        "−2% to −4% on the measured baseline within 12 months"
    assert value_error(lower, -1) == "Enter a value of at least 0."
    assert rule(kind).kind in KINDS


def test_a_higher_relative_kind_grows():
    value = rule("currency", decimals=0)
    assert target_text(value, cluster="first_steps", baseline=80) == \
        "from €80 to €88 within 12 months"


def test_a_recorded_target_wins_over_the_rule():
    nps = rule("points", **NPS)
    assert target_text(nps, cluster="aware", baseline=12, target=30) == \
        "from 12 to 30 points within 12 months"
    assert target_text(nps, cluster="aware", target=30) == "30 points within 12 months"


def test_a_context_kpi_has_no_target_of_its_own():
    share = rule("pp", "context", scale=[0, 100])
    assert target_text(share, cluster="aware") == "a trend agreed with the owner"
    assert target_text(share, cluster="aware", baseline=30, target=35) == \
        "from 30% to 35% within 12 months"


def test_units_and_numbers_are_italian_in_italian():
    with translation.override("it"):
        ces = rule_of({"kind": "points", **CES}, direction="lower", language="it")
        text = target_text(ces, cluster="aware", baseline=4.8)
        days = rule("days", "lower", decimals=1)
        assert text == "da 4,8 a 4,3 sulla scala 1–7 entro 12 mesi"
        assert with_unit(days, 2) == "2,0 giorni"
        assert unit_label(rule("hours")) == "ore"
        assert "points" not in target_text(rule("points", **NPS), cluster="aware")


def test_the_catalogue_gives_every_kpi_a_rule_with_a_range_for_every_cluster():
    doc = yaml.safe_load((Path(__file__).parents[2] / "fixtures/content/kpis.yaml").read_text())
    for data in doc["target_rules"]:
        assert data["kind"] in KINDS
        assert set(data["ranges"]) == set(RANGES)
        assert all(low <= high for low, high in data["ranges"].values())
    assert sorted(c for r in doc["target_rules"] for c in r["kpis"]) == \
        sorted(k["code"] for k in doc["kpis"])


def test_a_kpi_without_a_rule_asks_for_a_trend_and_takes_any_number():
    empty = rule_of({}, direction="higher", language="en")
    assert unit_label(empty) == ""
    assert target_text(empty, cluster="aware") == "a trend agreed with the owner"
    assert target_text(empty, cluster="aware", baseline=3) == "a trend agreed with the owner"
    assert value_error(empty, -5) is None
