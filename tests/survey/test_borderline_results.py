"""A borderline result says so, with the answer that would move it, on every page that
shows the result: the executive's results, the report and the consultant's assessment."""

import pytest
from django.urls import reverse

from assessment.models import Assessment
from assessment.services import respondent_submit
from reports.rendering import report_data
from tests.factories import answer, make_respondent

pytestmark = pytest.mark.django_db


def submitted(levels: dict, default: int):
    respondent = make_respondent()
    answer(respondent, levels, default=default)
    assert respondent_submit(respondent=respondent).ok
    return respondent, Assessment.objects.get(pk=respondent.assessment_id)


def test_an_enterprising_result_one_level_short_on_budget_is_borderline(client, questionnaire):
    # Organised everywhere (level 4), the dedicated budget (STR01) at level 2.
    respondent, assessment = submitted({"STR01": 2}, default=4)
    assert assessment.cluster == "enterprising"
    html = client.get(reverse("assessment:results", args=[respondent.token])).content.decode()
    assert "Borderline result" in html
    assert ("One answer one level higher would place the company in Structured: "
            "“Question strategy 1” from 2 to 3.") in html
    report = report_data(assessment=assessment, language="en")
    up, down = report.summary["borderline"]
    assert up == ("One answer one level higher would place the company in Structured: "
                  "“Question strategy 1” from 2 to 3.")
    # Lower, the budget also pulls strategy under its good level.
    assert down.startswith("One answer one level lower would place the company in Aware: ")


def test_a_result_far_from_every_boundary_shows_no_borderline(client, questionnaire):
    respondent, _ = submitted({}, default=1)
    html = client.get(reverse("assessment:results", args=[respondent.token])).content.decode()
    assert "Borderline result" not in html


def test_the_consultant_sees_the_borderline_fact_on_the_assessment_page(client, consultant,
                                                                         questionnaire):
    _, assessment = submitted({"STR01": 2}, default=4)
    assessment.company.owner = consultant
    assessment.company.save()
    client.force_login(consultant)
    html = client.get(reverse("consultant:assessment", args=[assessment.pk])).content.decode()
    assert "Enterprising" in html and "Borderline result" in html
    assert "“Question strategy 1” from 2 to 3" in html
