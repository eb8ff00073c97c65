"""Context questions (not scored) appear in the report as the company's profile, not as
scored answers with a level."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from assessment.models import Question
from reports.rendering import report_data
from tests.factories import make_questionnaire, make_report_content
from tests.reports.test_builder import answered

pytestmark = pytest.mark.django_db


def test_context_questions_form_the_company_profile():
    make_questionnaire(per_dimension=3)
    make_report_content()
    Question.objects.filter(code="EXE03").update(scored=False)
    assessment = answered({"EXE03": 4}, default=3)
    data = report_data(assessment=assessment, language="en")
    codes = [a["code"] for d in data.dimensions for a in d["answers"]]
    assert "EXE03" not in codes and "EXE02" in codes
    assert data.meta["profile"] == [{"code": "EXE03", "text": "Question execution 3",
                                     "answer": "Level 4"}]
    with translation.override("en"):
        html = render_to_string("reports/sections/company.html", {"r": data})
    assert "Company profile" in html and "Question execution 3" in html
    assert "Level 4" in html and "4/5" not in html
