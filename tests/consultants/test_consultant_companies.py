"""Consultants create client companies and assessments; re-assessing adds a wave."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from assessment.models import Assessment, Company
from tests.factories import answer, invite
from workshops import services as ws

pytestmark = pytest.mark.django_db


def test_consultant_creates_a_company_they_own(client, consultant, questionnaire):
    client.force_login(consultant)
    response = client.post(reverse("consultant:company_create"), {
        "name": "  Delta   Foods ", "sector": "food", "size": "medium", "country": "IT"})
    company = Company.objects.get()
    assert response.status_code == 302 and response.url == reverse("consultant:company",
                                                                   args=[company.pk])
    assert company.owner == consultant and company.name == "Delta Foods"


@pytest.mark.parametrize("change", [{"name": " "}, {"sector": "mining"}, {"country": "XX"}])
def test_bad_company_is_refused_with_a_message(client, consultant, change):
    client.force_login(consultant)
    data = {"name": "Delta", "sector": "food", "size": "medium", "country": "IT", **change}
    response = client.post(reverse("consultant:company_create"), data)
    assert response.status_code == 400 and "invalid-feedback" in response.content.decode()
    assert not Company.objects.exists()


def test_new_assessment_is_a_new_wave_and_keeps_the_old_one(client, consultant, company,
                                                            questionnaire):
    client.force_login(consultant)
    url = reverse("consultant:assessment_create", args=[company.pk])
    client.post(url, {"mode": "workshop", "language": "en"})
    client.post(url, {"mode": "self", "language": "it"})
    assert list(company.assessments.order_by("id").values_list("mode", flat=True)) == [
        "workshop", "self"]


def test_bad_mode_creates_nothing_and_says_so(client, consultant, company, questionnaire):
    client.force_login(consultant)
    response = client.post(reverse("consultant:assessment_create", args=[company.pk]),
                           {"mode": "party", "language": "en"}, follow=True)
    assert "Please choose a mode" in response.content.decode()
    assert not Assessment.objects.exists()


def _scored_wave(company, level: int, days_ago: int) -> Assessment:
    wave = ws.assessment_create(company=company, mode="workshop", language="en")
    Assessment.objects.filter(pk=wave.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago))
    wave.refresh_from_db()
    p = invite(wave, f"P{level}", "CEO")
    answer(p, {}, default=level)
    from workshops.pages import workshop_data

    assert ws.consensus_save(assessment=wave, levels=workshop_data(assessment=wave).defaults)
    wave.refresh_from_db()
    return wave


def test_company_page_shows_waves_side_by_side_with_the_change(client, consultant, company,
                                                               questionnaire):
    first = _scored_wave(company, level=2, days_ago=365)
    second = _scored_wave(company, level=4, days_ago=1)
    client.force_login(consultant)
    response = client.get(reverse("consultant:company", args=[company.pk]))
    comparison = response.context["comparison"]
    assert [w.pk for w in comparison["waves"]] == [first.pk, second.pk]
    strategy = next(r for r in comparison["rows"] if r["code"] == "strategy")
    assert strategy["values"] == [25.0, 75.0] and strategy["change"] == 50.0
    assert comparison["overall_change"] == 50.0
    html = response.content.decode()
    assert "+50<" in html and "+50.0" not in html  # shown as whole numbers, like the scores
    # the earlier wave keeps its own result
    first.refresh_from_db()
    assert first.overall == 25.0
