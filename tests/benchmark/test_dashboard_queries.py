"""The benchmark selector: filters, waves, database aggregates and the k=5 mask."""

import pytest

from benchmark.forms import BenchmarkFilterForm, BenchmarkFilters
from benchmark.queries import benchmark_data, benchmark_queryset, export_rows
from tests.benchmark.dashboard_data import companies, day, scored
from tests.factories import DIMS, make_company, make_questionnaire

pytestmark = pytest.mark.django_db


@pytest.fixture
def q1():
    return make_questionnaire(version="v1")


def names(filters):
    qs = benchmark_queryset(filters=filters).order_by("company__name", "wave")
    return [(name, wave) for name, wave in qs.values_list("company__name", "wave")]


def test_filters_combine_sector_size_and_country(q1):
    companies(q1, 2, sector="retail", size="large", country="IT", prefix="RL-IT")
    companies(q1, 1, sector="retail", size="medium", country="IT", prefix="RM-IT")
    companies(q1, 1, sector="retail", size="large", country="FR", prefix="RL-FR")
    companies(q1, 1, sector="banking", size="large", country="IT", prefix="BL-IT")
    assert len(names(BenchmarkFilters())) == 5
    assert [n for n, _ in names(BenchmarkFilters(sector="retail"))] == [
        "RL-FR 00", "RL-IT 00", "RL-IT 01", "RM-IT 00"]
    assert [n for n, _ in names(BenchmarkFilters(sector="retail", size="large",
                                                 country="IT"))] == ["RL-IT 00", "RL-IT 01"]
    assert names(BenchmarkFilters(sector="banking", country="FR")) == []


def test_waves_count_each_company_s_scored_assessments_in_date_order(q1):
    a = make_company(name="A")
    scored(a, q1, when=day(2023), score=20)
    scored(a, q1, when=day(2025), score=60)
    scored(a, q1, when=day(2024), score=40)
    b = make_company(name="B")
    scored(b, q1, when=day(2025), score=10)
    assert names(BenchmarkFilters()) == [("A", 1), ("A", 2), ("A", 3), ("B", 1)]
    assert names(BenchmarkFilters(wave=2)) == [("A", 2)]
    latest = benchmark_queryset(filters=BenchmarkFilters(wave="latest"))
    assert sorted(latest.values_list("company__name", "overall")) == [("A", 60.0), ("B", 10.0)]
    assert names(BenchmarkFilters(year=2025)) == [("A", 3), ("B", 1)]


def test_questionnaire_version_filter(q1):
    q2 = make_questionnaire(version="v2")
    companies(q1, 1, prefix="Old")
    companies(q2, 1, prefix="New")
    assert names(BenchmarkFilters(questionnaire="v2")) == [("New 00", 1)]


def test_dashboard_percentiles_shares_and_means_by_hand(q1):
    # Strategy scores 20, 40, 60, 100 and 80 -> sorted 20 40 60 80 100 (n = 5):
    # p10 = 28, p25 = 40, median 60, p75 = 80, p90 = 92.
    for i, (s, cluster) in enumerate([(20, "first_steps"), (40, "aware"), (60, "aware"),
                                      (100, "advanced"), (80, "structured")]):
        scored(make_company(name=f"C{i}", sector="retail" if i < 3 else "banking"), q1,
               when=day(2024), cluster=cluster, score=50, strategy=s)
    board = benchmark_data(filters=BenchmarkFilters(), dimensions=DIMS)
    assert board.enough and board.companies == 5
    assert board.percentiles.loc["strategy"].tolist() == pytest.approx([28, 40, 60, 80, 92])
    assert board.percentiles.loc["data"].tolist() == pytest.approx([50] * 5)
    assert board.means["strategy"] == pytest.approx(60.0)
    assert board.shares == {"first_steps": 20.0, "aware": 40.0, "enterprising": 0.0,
                            "structured": 20.0, "advanced": 20.0}
    # Sectors of 3 and 2 companies: both masked on the heat map.
    assert sorted(board.sectors_masked) == ["banking", "retail"]
    assert board.trends.shares.loc[1, "aware"] == pytest.approx(40.0)


def test_dashboard_of_four_companies_shows_only_the_reference(q1):
    from tests.factories import make_report_content

    make_report_content()
    companies(q1, 4, cluster="advanced")
    board = benchmark_data(filters=BenchmarkFilters(), dimensions=DIMS)
    assert not board.enough and board.shares is None
    assert board.percentiles.isna().all().all()
    assert board.reference["aware"] == pytest.approx(39.0)
    assert board.trends.masked == [1]


def test_sector_means_appear_from_five_companies(q1):
    companies(q1, 5, sector="retail", score=40)
    companies(q1, 5, sector="banking", score=70, prefix="B")
    board = benchmark_data(filters=BenchmarkFilters(), dimensions=DIMS)
    assert board.sectors.loc["retail", "data"] == pytest.approx(40.0)
    assert board.sectors.loc["banking", "execution"] == pytest.approx(70.0)
    assert board.sectors_masked == []


def test_export_rows_follow_the_header(q1):
    c = make_company(name="Zeta", sector="food", size="medium", country="FR")
    scored(c, q1, when=day(2024, 3, 2), cluster="structured", score=61.25, data=12.5)
    rows = list(export_rows(filters=BenchmarkFilters(), dimensions=DIMS))
    assert rows == [("Zeta", "food", "medium", "FR", "v1", "2024-03-02", 2024, 1,
                     61.25, 61.25, 12.5, 61.25, 61.25, pytest.approx(51.5), "structured")]


@pytest.mark.parametrize("data,error", [
    ({"wave": "zero"}, "wave"), ({"sector": "mining"}, "sector"), ({"year": "1800"}, "year"),
    ({"questionnaire": "v9"}, "questionnaire"), ({"country": "XX"}, "country"),
])
def test_bad_filters_are_reported_by_field(data, error):
    form = BenchmarkFilterForm(data, versions=["v1"])
    assert not form.is_valid()
    assert form.error_line().startswith(f"{error}: ")
