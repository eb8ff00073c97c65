"""The dashboard at scale: filters offered from the data, trends following them, hidden
groups drawn as hidden, one rounding, labelled exports and a fixed number of queries."""

import csv
import io
import json
import re

import pytest
from django.contrib.auth.models import User
from openpyxl import load_workbook

from tests.benchmark.dashboard_data import companies, day, scored
from tests.factories import make_company, make_questionnaire, make_report_content

pytestmark = pytest.mark.django_db
URL = "/admin/benchmark/"


@pytest.fixture
def q1():
    make_report_content()
    return make_questionnaire(version="v1")


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("boss", "b@example.com", "x"))
    return client


def two_waves(q, n1: int, n2: int, *, sector="retail", prefix="W"):
    """n1 companies assessed in 2023, the first n2 of them again in 2024."""
    for i in range(n1):
        c = make_company(name=f"{prefix} {i:02d}", sector=sector)
        scored(c, q, when=day(2023), cluster="aware", score=40.0)
        if i < n2:
            scored(c, q, when=day(2024), cluster="structured", score=60.0)


def options(html: str, field: str) -> list[str]:
    select = re.search(rf'<select name="{field}"[^>]*>(.*?)</select>', html, re.DOTALL).group(1)
    return re.findall(r'<option value="([^"]*)"', select)


def figure(html: str, name: str) -> dict:
    return json.loads(re.search(rf'id="{name}" type="application/json">(.*?)</script>',
                                html, re.DOTALL).group(1))


def test_wave_and_year_are_choices_read_from_the_data(admin_client, q1):
    two_waves(q1, 6, 5)
    html = admin_client.get(URL).content.decode()
    assert options(html, "wave") == ["", "latest", "1", "2"]
    assert options(html, "year") == ["", "2024", "2023"]
    assert '<option value="2">Wave 2</option>' in html
    # A wave or year that no assessment has is refused, not silently empty.
    assert admin_client.get(URL, {"wave": "3"}).status_code == 400
    assert admin_client.get(URL, {"year": "2019"}).status_code == 400


def test_trends_follow_the_wave_and_sector_filters(admin_client, q1):
    two_waves(q1, 6, 5)
    two_waves(q1, 5, 0, sector="banking", prefix="B")
    html = admin_client.get(URL, {"wave": "2"}).content.decode()
    assert figure(html, "fig-trend-means")["data"][0]["x"] == ["2"]
    html = admin_client.get(URL, {"sector": "banking"}).content.decode()
    assert figure(html, "fig-trend-means")["data"][0]["x"] == ["1"]
    assert "5 companies, 5 assessments" in html


def test_a_hidden_wave_is_shaded_and_labelled_never_drawn_as_zero(admin_client, q1):
    two_waves(q1, 6, 3)  # wave 2 has 3 companies: hidden
    html = admin_client.get(URL).content.decode()
    shares = figure(html, "fig-trend-shares")
    assert shares["data"][0]["x"] == ["1", "2"] and shares["data"][0]["y"][1] is None
    shapes = shares["layout"]["shapes"]
    assert len(shapes) == 1 and shapes[0]["x0"] == 0.5
    assert shares["layout"]["annotations"][0]["text"] == "fewer than 5 companies"
    row = re.search(r'<tr><th scope="row">2</th>(.*?)</tr>', html).group(1)
    assert "fewer than 5 companies" in row and "0.0" not in row


def test_a_hidden_selection_draws_only_the_reference(admin_client, q1):
    companies(q1, 4, cluster="advanced")
    fig = figure(admin_client.get(URL).content.decode(), "fig-clusters")
    assert [t["name"] for t in fig["data"]] == ["Published reference"]
    assert "fewer than 5 companies" in fig["layout"]["annotations"][0]["text"]


def test_shares_are_rounded_once_from_the_counts_beside_them(admin_client, q1):
    companies(q1, 3, cluster="aware")
    companies(q1, 4, cluster="structured", prefix="S")
    html = admin_client.get(URL).content.decode()
    row = re.search(r'<tr><th scope="row">Aware</th>(.*?)</tr>', html).group(1)
    assert '<td class="bench-num">3</td><td class="bench-num">42.9&nbsp;%</td>' in row
    bars = figure(html, "fig-clusters")["data"][0]
    assert bars["y"][1] == 42.9 and ":.1f}%" in bars["hovertemplate"]


def test_query_count_is_fixed_with_filters_and_waves(admin_client, q1,
                                                     django_assert_num_queries):
    two_waves(q1, 5, 5)
    params = {"wave": "2", "year": "2024", "sector": "retail"}
    # session, user, versions, countries/years/waves present, dimensions, reference,
    # counts/means/percentiles, means by sector, counts and sums by wave and cluster.  # 10 with the completion funnel
    with django_assert_num_queries(9):
        assert admin_client.get(URL, params).status_code == 200
    two_waves(q1, 40, 30, prefix="X")
    with django_assert_num_queries(9):
        assert admin_client.get(URL, params).status_code == 200
    with django_assert_num_queries(9):
        assert admin_client.get(URL, {"wave": "latest"}).status_code == 200


def export_csv(client, language: str) -> list[list[str]]:
    client.cookies["django_language"] = language
    response = client.get(URL + "export.csv")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_csv_export_uses_labels_in_the_active_language_and_keeps_codes(admin_client, q1):
    c = make_company(name="Acme", sector="retail", size="medium_large", country="DE")
    scored(c, q1, when=day(2024), cluster="first_steps", score=40.0)
    head, row = export_csv(admin_client, "en")
    assert head[:8] == ["Company", "Sector", "Size", "Country", "Questionnaire version",
                        "Date", "Year", "Wave"]
    assert head[8:15] == ["Strategy", "Organization", "Data", "Technology", "Execution",
                          "Overall", "Cluster"]
    assert row[:4] == ["Acme", "Retail and large-scale distribution", "250–999 employees",
                       "Germany"]
    assert row[14] == "First steps"
    assert head[15:] == ["sector_code", "size_code", "country_code", "cluster_code"]
    assert row[15:] == ["retail", "medium_large", "DE", "first_steps"]
    head, row = export_csv(admin_client, "it")
    assert head[:4] == ["Azienda", "Settore", "Dimensione aziendale", "Paese"]
    assert head[9] == "Organization IT"
    assert row[3] == "Germania" and "medium_large" not in row[:15]


def test_xlsx_export_has_widths_a_frozen_header_and_number_formats(admin_client, q1):
    companies(q1, 2, sector="retail")
    response = admin_client.get(URL + "export.xlsx")
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = book["Benchmark"]
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width == 32
    assert sheet.column_dimensions["B"].width >= 24
    assert sheet["A1"].font.bold
    assert sheet["F2"].number_format == "yyyy-mm-dd" and sheet["I2"].number_format == "0.0"
    assert book["codes"].freeze_panes == "A2"
