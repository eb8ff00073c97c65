"""The admin benchmark dashboard: staff only, k=5 on the page, fixed query count."""

import csv
import io

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from openpyxl import load_workbook

from tests.benchmark.dashboard_data import companies
from tests.factories import make_questionnaire, make_report_content

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


@pytest.fixture
def staff_client(client):
    client.force_login(User.objects.create_user("staff", "s@example.com", "x", is_staff=True))
    return client


def test_url_is_under_the_admin_and_the_admin_index_links_to_it(admin_client, q1):
    assert reverse("benchmark:dashboard") == URL
    assert URL in admin_client.get("/admin/").content.decode()


def test_outsider_is_sent_to_the_admin_login(client, q1):
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_non_staff_user_is_sent_to_the_admin_login(client, q1):
    client.force_login(User.objects.create_user("someone", "u@example.com", "x"))
    assert client.get(URL).status_code == 302
    assert client.get(URL + "export.csv").status_code == 302


def test_dashboard_shows_percentiles_charts_and_reference(admin_client, q1):
    companies(q1, 6, sector="retail", score=40.0)
    html = admin_client.get(URL).content.decode()
    assert 'id="bench-percentiles"' in html and "40.0" in html
    for figure in ("fig-clusters", "fig-boxes", "fig-sectors", "fig-trend-shares"):
        assert f'id="{figure}"' in html
    assert "Published reference" in html and "6 companies, 6 assessments" in html


def test_fewer_than_five_companies_show_only_the_reference(admin_client, q1):
    companies(q1, 4, sector="retail", score=90.0)
    html = admin_client.get(URL).content.decode()
    assert 'id="bench-too-few"' in html
    assert 'id="bench-percentiles"' not in html and 'id="fig-boxes"' not in html
    assert "90.0" not in html and 'id="fig-clusters"' in html


def test_filters_narrow_the_selection(admin_client, q1):
    companies(q1, 5, sector="retail", score=40.0)
    companies(q1, 5, sector="banking", score=80.0, prefix="B")
    html = admin_client.get(URL, {"sector": "banking"}).content.decode()
    assert "5 companies, 5 assessments" in html and "80.0" in html and "40.0" not in html


def test_bad_filter_gives_400_with_a_message(admin_client, q1):
    response = admin_client.get(URL, {"wave": "first", "year": "abc"})
    assert response.status_code == 400
    assert 'id="id_wave-errors"' in response.content.decode()


def test_dashboard_query_count_does_not_grow_with_companies(
        admin_client, q1, django_assert_num_queries):
    companies(q1, 5, sector="retail")
    # 1 session, 2 user, 3 questionnaire versions, 4 countries, years and waves present,
    # 5 dimensions, 6 reference distribution, 7 counts/means/percentiles (SQLite: the
    # score columns), 8 means by sector, 9 counts and sums by wave and cluster, 10 the completion funnel per quarter, 11 its overall median.
    with django_assert_num_queries(9):
        assert admin_client.get(URL).status_code == 200
    companies(q1, 20, sector="banking", prefix="B")
    with django_assert_num_queries(9):
        assert admin_client.get(URL, {"sector": "banking"}).status_code == 200


def test_export_csv_streams_the_filtered_rows(admin_client, q1):
    companies(q1, 3, sector="retail")
    companies(q1, 2, sector="banking", prefix="B")
    response = admin_client.get(URL + "export.csv", {"sector": "retail"})
    assert response.streaming and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:4] == ["Company", "Sector", "Size", "Country"]
    assert [r[0] for r in rows[1:]] == ["Co 00", "Co 01", "Co 02"]


def test_export_xlsx(admin_client, q1):
    companies(q1, 2, sector="retail", cluster="advanced")
    response = admin_client.get(URL + "export.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames == ["Benchmark", "codes"]
    rows = list(book["Benchmark"].iter_rows(values_only=True))
    assert len(rows) == 3 and rows[1][-1] == "Advanced"
    assert list(book["codes"].iter_rows(values_only=True))[1][-1] == "advanced"


def test_staff_without_assessment_permission_sees_aggregates_but_cannot_export(
        staff_client, q1):
    companies(q1, 5, sector="retail")
    assert staff_client.get(URL).status_code == 200
    assert "Export CSV" not in staff_client.get(URL).content.decode()
    assert staff_client.get(URL + "export.csv").status_code == 403


def test_unknown_export_format_is_404(admin_client, q1):
    assert admin_client.get(URL + "export.pdf").status_code == 404
