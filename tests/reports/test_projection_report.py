"""The projected roadmap in the report: the table's numbers are the chart's; custom actions."""

import re

import pytest
from django.utils import translation

from assessment.numbers import whole
from reports.document.pdf import report_html
from reports.rendering import report_data
from reports.roadmap import services as rs
from tests.factories import make_questionnaire, make_report_content
from tests.reports.test_builder import answered

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    make_questionnaire(per_dimension=3)
    make_report_content()


def html_of(data):
    return report_html(data, dict.fromkeys(data.figures, "<svg xmlns='http://www.w3.org/2000/svg'/>"))


def test_the_projection_table_and_the_chart_show_the_same_numbers(content):
    assessment = answered({"STR01": 1, "DAT01": 1, "EXE02": 1}, default=2)
    data = report_data(assessment=assessment, language="en")
    phases = data.projection["by_phase"]
    assert [p["phase"] for p in data.projection["phases"]] == \
        ["today", "quick_wins", "foundations", "scale"]
    # today is the result the rest of the report shows, rounded once
    assert phases["today"]["scores"] == [whole(d["score"]) for d in data.dimensions]
    assert phases["quick_wins"]["scores"][0] > phases["today"]["scores"][0]  # STR01 lifted
    chart = {trace.name: list(trace.r[:-1]) for trace in data.figures["projection"].data}
    assert chart == {"Today": phases["today"]["scores"],
                     "After the foundations": phases["foundations"]["scores"],
                     "After the scale phase": phases["scale"]["scores"]}
    html = html_of(data)
    table = html[html.index('class="small projection-table"'):]
    table = table[:table.index("</table>")]
    for phase in ("today", "foundations", "scale"):
        row = re.search(rf'data-phase="{phase}">(.*?)</tr>', table, re.DOTALL).group(1)
        cells = [int(c) for c in re.findall(r'<td class="num">(?:<strong>)?(-?\d+)', row)]
        assert cells[:-1] == phases[phase]["scores"] and cells[-1] == phases[phase]["overall"]


def test_the_roadmap_section_opens_with_where_the_plan_leads(content):
    assessment = answered({"STR01": 1, "DAT01": 1, "EXE02": 1}, default=2)
    data = report_data(assessment=assessment, language="en")
    by_phase = data.projection["by_phase"]
    html = html_of(data)
    lead = re.search(r'class="projection-lead"><strong>(.*?)</strong>', html, re.DOTALL).group(1)
    assert by_phase["today"]["cluster_name"] in lead
    if data.projection["moves"]:
        assert by_phase["scale"]["cluster_name"] in lead


def test_a_custom_action_prints_its_gap_from_its_question_and_no_priority_0(content):
    assessment = answered({"STR01": 1, "EXE03": 5}, default=2)
    rs.roadmap_action_add(assessment=assessment, title="Pilot click and collect",
                          description="Two stores first", dimension="execution",
                          question_code="STR01", impact=3, effort=1, phase="quick_wins")
    rs.roadmap_action_add(assessment=assessment, title="Keep the stores aligned",
                          dimension="execution", question_code="EXE03", impact=2,
                          phase="scale")
    data = report_data(assessment=assessment, language="en")
    rows = {a["title"]: a for a in data.roadmap}
    pilot, aligned = rows["Pilot click and collect"], rows["Keep the stores aligned"]
    assert pilot["gap"] > 0 and pilot["priority"] == round(pilot["gap"] * 3, 2)
    assert aligned["gap"] == 0 and aligned["priority"] == 0  # its question is at 5 already
    html = html_of(data)
    assert "Two stores first" in html and "added by the consultant" in html
    assert "gap 0," not in html
    row = html[html.index("Keep the stores aligned"):]
    row = row[:row.index("</tr>")]
    assert 'title="no gap to the target">–<' in row and "impact 2/3, effort 2/3" in row
    # the pilot lifts STR01 in the quick wins: the projection counts it
    phases = data.projection["by_phase"]
    assert phases["quick_wins"]["scores"][0] > phases["today"]["scores"][0]


def test_a_new_action_needs_a_target_question_or_an_impact():
    from reports.roadmap.forms import RoadmapAddForm

    choices = {"phases": [("scale", "Scale")], "dimensions": [("execution", "Execution")],
               "questions": [("EXE02", "EXE02 · Click and collect")]}
    form = RoadmapAddForm({"title": "Train the staff", "dimension": "execution",
                           "phase": "scale"}, **choices)
    with translation.override("en"):
        assert not form.is_valid()
        assert form.errors["question_code"] == [
            "A new action needs a target question or an impact, so that the plan can rank it."]
    for extra in ({"question_code": "EXE02"}, {"impact": "2"}):
        assert RoadmapAddForm({"title": "Train the staff", "dimension": "execution",
                               "phase": "scale", **extra}, **choices).is_valid()
