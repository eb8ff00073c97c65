"""The report builder on database content (no HTTP, no PDF)."""

import pytest

from assessment.models import Answer, Option
from assessment.services import respondent_submit
from reports.rendering import report_data
from tests.factories import make_company, make_questionnaire, make_report_content, make_respondent

pytestmark = pytest.mark.django_db


def answered(levels: dict[str, int], default: int = 3, name="Acme"):
    respondent = make_respondent(name=name)
    options = Option.objects.filter(question__questionnaire=respondent.assessment.questionnaire)
    for o in options:
        if o.level == levels.get(o.question.code, default):
            Answer.objects.create(respondent=respondent, question=o.question, option=o)
    assert respondent_submit(respondent=respondent).ok
    respondent.assessment.refresh_from_db()
    return respondent.assessment


@pytest.fixture
def content():
    make_questionnaire(per_dimension=3)
    make_report_content()


def test_roadmap_takes_the_actions_triggered_by_the_answers_in_priority_order(content):
    assessment = answered({"STR01": 1, "DAT01": 2, "EXE02": 2}, default=2)
    data = report_data(assessment=assessment, language="en")
    codes = [a["code"] for a in data.roadmap]
    # STR01: gap to target x 3 / 1 beats DAT01 x 3 / 2 beats EXE02 x 1 / 3
    assert codes == ["A-STR-1", "A-DAT-1", "A-EXE-1"]
    assert data.roadmap[0]["title"] == "Title A-STR-1"
    assert all(a["priority"] > 0 for a in data.roadmap)


def test_roadmap_leaves_out_actions_whose_question_is_already_good(content):
    assessment = answered({"STR01": 4, "DAT01": 4}, default=2)
    codes = [a["code"] for a in report_data(assessment=assessment, language="en").roadmap]
    assert "A-STR-1" not in codes and "A-DAT-1" not in codes


def test_kpi_plan_follows_the_roadmap_then_core_kpis(content):
    assessment = answered({"STR01": 1, "DAT01": 1}, default=2)
    plan = report_data(assessment=assessment, language="en").kpi_plan
    codes = [k["code"] for k in plan]
    assert codes[:2] == ["conversion_rate", "scv_coverage"]
    assert set(codes[2:]) == {"nps", "csat"}
    # owners are role names, never codes
    assert plan[0]["owner"] == "Marketing (CMO)" and plan[0]["actions"] == ["A-STR-1"]
    assert all(k["owner"] == "Customer experience (CXO)" and k["actions"] == []
               for k in plan[2:])


def test_report_texts_follow_the_language(content):
    assessment = answered({"STR01": 1})
    assert report_data(assessment=assessment, language="it").roadmap[0]["title"] == \
        "Titolo A-STR-1"


def test_peer_group_of_four_falls_back_and_says_so(content):
    for i in range(4):
        answered({}, name=f"Peer {i}")
    assessment = answered({})
    data = report_data(assessment=assessment, language="en")
    assert data.position["peer_level"] == "reference" and data.position["peer_size"] == 0


def test_peer_group_of_five_is_used_with_percentiles(content):
    for i in range(5):
        answered({}, default=2 + (i % 2), name=f"Peer {i}")
    assessment = answered({}, default=4)
    data = report_data(assessment=assessment, language="en")
    assert data.position["peer_level"] == "sector_size" and data.position["peer_size"] == 5
    assert data.dimensions[0]["percentile"] == 100


def test_progress_section_compares_with_the_previous_wave(content):
    first = answered({}, default=2)
    second = answered({}, default=3)
    second.company = first.company
    second.save()
    data = report_data(assessment=second, language="en")
    assert data.progress["overall_delta"] == 25.0
    assert report_data(assessment=first, language="en").progress is None


def test_checklist_and_completeness(content):
    make_company()
    assessment = answered({})
    data = report_data(assessment=assessment, language="en")
    assert len(data.checklist) == 5
    assert data.completeness["questions"] == 15 and data.completeness["dont_know"] == 0
