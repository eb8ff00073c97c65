"""The consultant's KPI page, and recorded baselines and targets in the report."""

import re

import pytest
from django.urls import reverse

from reports.document.pdf import report_html
from reports.models import Kpi, KpiRecord
from reports.rendering import report_data
from reports.selectors import report_fingerprint
from tests.factories import answer, invite, make_report_content
from workshops import services as ws
from workshops.pages import workshop_data

pytestmark = pytest.mark.django_db

NPS_RULE = {"kind": "points", "scale": [-100, 100], "decimals": 0,
            "ranges": {c: [5, 8] for c in ("first_steps", "aware", "enterprising",
                                            "structured", "advanced")}}
CSAT_RULE = {**NPS_RULE, "kind": "pp", "scale": [0, 100]}


@pytest.fixture
def scored(workshop):
    make_report_content()
    Kpi.objects.filter(code="nps").update(target_rule=NPS_RULE, unit="points")
    Kpi.objects.filter(code__in=["csat", "scv_coverage", "conversion_rate"]).update(
        target_rule=CSAT_RULE)
    answer(invite(workshop, "Anna", "CEO"), {"STR01": 1, "DAT01": 1, "EXE02": 1}, default=2)
    assert ws.consensus_save(assessment=workshop, levels=workshop_data(
        assessment=workshop).defaults)
    workshop.refresh_from_db()
    return workshop


def page_data(client, url) -> dict[str, str]:
    """The form's fields as the page renders them (management form included)."""
    html = client.get(url).content.decode()
    fields = dict(re.findall(r'name="(kpi-[^"]+)"[^>]*value="([^"]*)"', html))
    fields.update(re.findall(r'name="(kpi-[^"]+)" id="[^"]+" value="([^"]*)"', html))
    return fields


def code_index(data: dict[str, str], code: str) -> int:
    return next(int(k.split("-")[1]) for k, v in data.items() if k.endswith("-code") and v == code)


def test_a_consultant_records_a_baseline_and_the_report_uses_it(client, consultant, scored):
    client.force_login(consultant)
    url = reverse("consultant:kpis", args=[scored.pk])
    before = report_fingerprint(assessment=scored, language="en")
    data = page_data(client, url)
    assert data["kpi-TOTAL_FORMS"] == "4"
    nps, csat = code_index(data, "nps"), code_index(data, "csat")
    data.update({f"kpi-{nps}-baseline": "-12", f"kpi-{csat}-baseline": "70",
                 f"kpi-{csat}-target": "80"})
    response = client.post(url, data, follow=True)
    assert "2 KPIs saved." in response.content.decode()
    assert KpiRecord.objects.get(assessment=scored, kpi__code="nps").baseline == -12
    assert report_fingerprint(assessment=scored, language="en") != before
    plan = {k["code"]: k for k in report_data(assessment=scored, language="en").kpi_plan}
    assert plan["nps"]["baseline"] == "−12 points"
    assert plan["nps"]["target"] == "from −12 to −6 points within 12 months"  # −5.5, halves away from 0
    assert plan["csat"]["target"] == "from 70% to 80% within 12 months"
    assert plan["scv_coverage"]["target"] == \
        "+5 to +8 percentage points on the measured baseline within 12 months"
    # the page shows the saved values; saving again unchanged changes nothing
    data = page_data(client, url)
    assert data[f"kpi-{nps}-baseline"] == "-12"
    assert "Nothing changed." in client.post(url, data, follow=True).content.decode()
    data[f"kpi-{nps}-baseline"] = ""
    client.post(url, data)
    assert not KpiRecord.objects.filter(assessment=scored, kpi__code="nps").exists()


def test_report_html_prints_unit_aware_targets_and_the_baseline(scored):
    KpiRecord.objects.create(assessment=scored, kpi=Kpi.objects.get(code="nps"), baseline=12)
    data = report_data(assessment=scored, language="en")
    html = report_html(data, dict.fromkeys(data.figures, "<svg xmlns='http://www.w3.org/2000/svg'/>"))
    assert "+10% on the baseline" not in html
    assert "Baseline: 12 points" in html and "from 12 to 19 points within 12 months" in html
    assert "Unit: points, from −100 to +100" in html


@pytest.mark.parametrize(("code", "value", "message"), [
    ("nps", "150", "Enter a value between −100 and 100."),
    ("csat", "-3", "Enter a value between 0 and 100."),
    ("csat", "ten", "Enter a number."),
])
def test_bad_numbers_are_refused_on_the_page_and_nothing_is_saved(client, consultant, scored,
                                                                   code, value, message):
    client.force_login(consultant)
    url = reverse("consultant:kpis", args=[scored.pk])
    data = page_data(client, url)
    i = code_index(data, code)
    data.update({f"kpi-{i}-baseline": value, f"kpi-{code_index(data, 'csat' if code == 'nps' else 'nps')}-baseline": "10"})
    response = client.post(url, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not KpiRecord.objects.filter(assessment=scored).exists()


def test_a_target_needs_its_baseline(client, consultant, scored):
    client.force_login(consultant)
    url = reverse("consultant:kpis", args=[scored.pk])
    data = page_data(client, url)
    data[f"kpi-{code_index(data, 'nps')}-target"] = "20"
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Enter the baseline the target starts from." in response.content.decode()


def test_the_page_is_only_for_the_assessments_consultants(client, other_consultant, scored):
    client.force_login(other_consultant)
    url = reverse("consultant:kpis", args=[scored.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"kpi-TOTAL_FORMS": "0", "kpi-INITIAL_FORMS": "0"}).status_code == 404
    assert not KpiRecord.objects.exists()


def test_the_assessment_page_links_to_the_kpi_page(client, consultant, scored):
    client.force_login(consultant)
    page = client.get(reverse("consultant:assessment", args=[scored.pk])).content.decode()
    assert reverse("consultant:kpis", args=[scored.pk]) in page


def test_an_italian_decimal_comma_is_read(client, consultant, scored):
    client.force_login(consultant)
    client.cookies["django_language"] = "it"
    url = reverse("consultant:kpis", args=[scored.pk])
    data = page_data(client, url)
    data[f"kpi-{code_index(data, 'csat')}-baseline"] = "70,5"
    assert "1 KPI salvato." in client.post(url, data, follow=True).content.decode()
    assert float(KpiRecord.objects.get(kpi__code="csat").baseline) == 70.5
    assert page_data(client, url)[f"kpi-{code_index(data, 'csat')}-baseline"] == "70,5"
