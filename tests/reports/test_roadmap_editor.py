"""Roadmap edits and the divergence appendix reach the report's data and HTML."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from assessment.models import Assessment
from reports.document.pdf import report_html
from reports.rendering import report_data
from reports.roadmap import services as rs
from reports.selectors import report_fingerprint
from tests.factories import answer, invite, make_report_content
from workshops import services as ws
from workshops.pages import workshop_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(workshop):
    make_report_content()
    answer(invite(workshop, "Anna", "CEO"), {"STR01": 1, "DAT01": 1, "EXE02": 1}, default=2)
    answer(invite(workshop, "Bruno", "CIO"), {"STR01": 5, "DAT01": 2, "EXE02": 2}, default=2)
    assert ws.consensus_save(assessment=workshop, levels=workshop_data(
        assessment=workshop).defaults)
    workshop.refresh_from_db()
    return workshop


def codes(data):
    return [a["code"] for a in data.roadmap]


def test_generated_plan_without_edits(scored):
    assert codes(report_data(assessment=scored, language="en")) == ["A-STR-1", "A-DAT-1",
                                                                    "A-EXE-1"]


def test_dropped_changed_and_added_actions_are_in_the_report_data(scored):
    rs.roadmap_edit_save(assessment=scored, action_code="A-STR-1", dropped=True, phase="")
    rs.roadmap_edit_save(assessment=scored, action_code="A-DAT-1", phase="quick_wins",
                         owner="Maria Rossi", due=date(2027, 3, 31), title="Single view now")
    rs.roadmap_action_add(assessment=scored, title="Train the store staff", phase="scale",
                          owner="HR")
    data = report_data(assessment=scored, language="en")
    rows = {a["code"]: a for a in data.roadmap}
    assert "A-STR-1" not in rows
    dat = rows["A-DAT-1"]
    assert (dat["phase"], dat["owner"], dat["due"], dat["title"]) == (
        "quick_wins", "Maria Rossi", date(2027, 3, 31), "Single view now")
    added = next(a for a in data.roadmap if a["added"])
    assert added["title"] == "Train the store staff" and added["phase"] == "scale"
    # grouped by the edited phase: the quick win comes first
    assert data.roadmap[0]["code"] == "A-DAT-1"
    html = report_html(data, dict.fromkeys(data.figures, "<svg xmlns='http://www.w3.org/2000/svg'/>"))
    assert "Train the store staff" in html and "Maria Rossi" in html
    assert "Title A-STR-1" not in html


def test_report_fingerprint_changes_when_the_plan_is_edited(scored):
    before = report_fingerprint(assessment=scored, language="en")
    edit = rs.roadmap_edit_save(assessment=scored, action_code="A-EXE-1", owner="COO", phase="")
    after = report_fingerprint(assessment=scored, language="en")
    assert after != before
    rs.roadmap_edit_delete(assessment=scored, edit_id=edit.pk)
    assert report_fingerprint(assessment=scored, language="en") not in {before, after}


def test_roadmap_page_edits_drops_adds_and_resets(client, consultant, scored):
    client.force_login(consultant)
    url = reverse("consultant:roadmap", args=[scored.pk])
    assert client.post(url, {"action_code": "A-EXE-1", "phase": "scale", "owner": "Ops lead",
                             "due": "2027-06-30", "title": ""}).status_code == 302
    assert client.post(url, {"action_code": "A-STR-1", "phase": "quick_wins",
                             "dropped": "on"}).status_code == 302
    assert client.post(url, {"add": "1", "title": "Pilot click and collect",
                             "phase": "quick_wins"}).status_code == 302
    page = client.get(url)
    rows = {a["code"]: a for a in page.context["rows"]}
    assert rows["A-EXE-1"]["owner"] == "Ops lead" and "A-STR-1" not in rows
    assert any(a["title"] == "Pilot click and collect" for a in page.context["rows"])
    client.post(url, {"reset": "1"})
    assert [a["code"] for a in client.get(url).context["rows"]] == ["A-STR-1", "A-DAT-1",
                                                                    "A-EXE-1"]


@pytest.mark.parametrize("data", [
    {"action_code": "NOT-IN-LIBRARY", "phase": "scale"},
    {"action_code": "A-EXE-1", "phase": "someday"},
    {"action_code": "A-EXE-1", "phase": "scale", "due": "31/31/2027"},
    {"add": "1", "phase": "scale"},
    {"remove": "x"},
])
def test_bad_roadmap_edits_are_refused_without_a_500(client, consultant, scored, data):
    client.force_login(consultant)
    response = client.post(reverse("consultant:roadmap", args=[scored.pk]), data)
    assert response.status_code == 400
    assert not scored.roadmap_edits.exists()


def test_report_data_has_the_divergence_appendix_for_a_workshop(scored):
    data = report_data(assessment=scored, language="en")
    appendix = data.divergence
    assert appendix["participants"] == 2 and data.meta["participants"] == 2
    assert [q["code"] for q in appendix["hotspots"]] == ["STR01"]
    assert {lv["level"] for lv in appendix["hotspots"][0]["levels"]} == {1, 5}
    assert {r["role"] for r in appendix["roles"]} == {"CEO or general manager", "IT (CIO)"}
    html = report_html(data, dict.fromkeys(data.figures, "<svg xmlns='http://www.w3.org/2000/svg'/>"))
    assert "where the participants diverged" in html


def test_second_wave_report_shows_progress_since_the_previous_one(scored):
    Assessment.objects.filter(pk=scored.pk).update(
        created_at=timezone.now() - timedelta(days=365))
    second = ws.assessment_create(company=scored.company, mode="workshop", language="en")
    answer(invite(second, "Anna", "CEO"), {}, default=4)
    ws.consensus_save(assessment=second, levels=workshop_data(assessment=second).defaults)
    second.refresh_from_db()
    data = report_data(assessment=second, language="en")
    assert data.progress is not None and data.progress["overall_delta"] > 0
    scored.refresh_from_db()
    assert scored.overall < second.overall  # the first wave is untouched


def test_assessment_page_offers_the_download_only_when_the_report_is_ready(client, consultant,
                                                                          scored):
    from reports.models import ReportFile

    client.force_login(consultant)
    url = reverse("consultant:assessment", args=[scored.pk])
    download = reverse("consultant:report_download", args=[scored.pk, "en"])
    assert download not in client.get(url).content.decode()
    client.post(reverse("consultant:report", args=[scored.pk]), {"language": "en"})
    assert "being prepared" in client.get(url).content.decode()
    ReportFile.objects.update(status=ReportFile.Status.DONE, pdf=b"%PDF-1.7 test")
    assert download in client.get(url).content.decode()
    response = client.get(download)
    assert response.status_code == 200 and response.content == b"%PDF-1.7 test"
    rs.roadmap_edit_save(assessment=scored, action_code="A-EXE-1", owner="COO", phase="")
    assert client.get(download).status_code == 404  # stale: the plan changed since
