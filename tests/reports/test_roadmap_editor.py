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
    rs.roadmap_row_save(assessment=scored, action_code="A-STR-1", fields={"dropped": True})
    rs.roadmap_row_save(assessment=scored, action_code="A-DAT-1", fields={
        "phase": "quick_wins", "owner": "Maria Rossi", "due": date(2027, 3, 31),
        "title": "Single view now"})
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
    edit = rs.roadmap_row_save(assessment=scored, action_code="A-EXE-1", fields={"owner": "COO"})
    after = report_fingerprint(assessment=scored, language="en")
    assert after != before
    assert edit.pk
    rs.roadmap_edits_reset(assessment=scored)
    assert report_fingerprint(assessment=scored, language="en") not in {before, after}


def _page_rows(client, url) -> dict:
    """The editor's rows as the page shows them, and the form data it would post back."""
    page = client.get(url)
    assert page.status_code == 200
    formset = page.context["formset"]
    data = {f"row-{k}": v for k, v in formset.management_form.initial.items()}
    for i, form in enumerate(formset.forms):
        for name, value in form.initial.items():
            data[f"row-{i}-{name}"] = "" if value is None else str(value)
    return {r["code"]: r for r in page.context["rows"]}, data


def _index(data, code) -> int:
    return next(int(k.split("-")[1]) for k, v in data.items()
                if k.endswith("-code") and v == code)


def test_one_save_changes_several_rows_drops_with_restore_and_adds(client, consultant, scored):
    client.force_login(consultant)
    url = reverse("consultant:roadmap", args=[scored.pk])
    rows, data = _page_rows(client, url)
    assert set(rows) == {"A-STR-1", "A-DAT-1", "A-EXE-1"}
    exe, str_ = _index(data, "A-EXE-1"), _index(data, "A-STR-1")
    data.update({f"row-{exe}-owner": "Ops lead", f"row-{exe}-due": "2027-06-30",
                 f"row-{exe}-phase": "scale", f"row-{str_}-drop": "on", "save": "1"})
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    text = response.content.decode()
    assert "2 actions saved." in text and "Dropped: Title A-STR-1." in text
    rows = {r["code"]: r for r in response.context["rows"]}
    assert rows["A-EXE-1"]["owner"] == "Ops lead" and "A-STR-1" not in rows
    # the untouched row kept its generated values: no edit was stored for it
    assert not scored.roadmap_edits.filter(action_code="A-DAT-1").exists()
    dropped = scored.roadmap_edits.get(action_code="A-STR-1")
    assert client.post(url, {"restore": str(dropped.pk)}).status_code == 302
    rows, _data = _page_rows(client, url)
    assert "A-STR-1" in rows
    assert client.post(url, {"add": "1", "title": "Pilot click and collect",
                             "description": "Two stores first", "dimension": "execution",
                             "question_code": "EXE02", "impact": "3", "effort": "1",
                             "phase": "quick_wins"}).status_code == 302
    rows, data = _page_rows(client, url)
    custom = next(r for r in rows.values() if r["custom"])
    assert custom["title"] == "Pilot click and collect" and custom["priority"] > 0
    # the added action is edited like any other, description and weights included
    i = _index(data, custom["code"])
    data.update({f"row-{i}-description": "Three stores", f"row-{i}-effort": "2", "save": "1"})
    assert client.post(url, data).status_code == 302
    edit = scored.roadmap_edits.get(added=True)
    assert (edit.description, edit.effort, edit.impact) == ("Three stores", 2, 3)
    client.post(url, {"reset": "1"})
    assert set(_page_rows(client, url)[0]) == {"A-STR-1", "A-DAT-1", "A-EXE-1"}


def test_the_editor_shows_owners_and_library_texts_in_the_interface_language(client,
                                                                             consultant,
                                                                             scored):
    from reports.models import Action

    Action.objects.filter(code="A-EXE-1").update(owner_role="customer_care")
    client.force_login(consultant)
    url = reverse("consultant:roadmap", args=[scored.pk])
    rows, _data = _page_rows(client, url)
    assert rows["A-EXE-1"]["owner"] == "Customer care" and rows["A-EXE-1"]["title"] == \
        "Title A-EXE-1"
    client.cookies["django_language"] = "it"
    rows, _data = _page_rows(client, url)
    assert rows["A-EXE-1"]["owner"] == "Assistenza clienti"
    assert rows["A-EXE-1"]["title"] == "Titolo A-EXE-1"


@pytest.mark.parametrize("change", [
    {"phase": "someday"}, {"due": "31/31/2027"}, {"code": "NOT-IN-THE-PLAN"}, {"title": ""},
])
def test_bad_roadmap_rows_are_refused_without_a_500_and_nothing_is_saved(client, consultant,
                                                                        scored, change):
    client.force_login(consultant)
    url = reverse("consultant:roadmap", args=[scored.pk])
    _rows, data = _page_rows(client, url)
    data.update({f"row-0-{k}": v for k, v in change.items()})
    data.update({"row-1-owner": "Someone", "save": "1"})
    assert client.post(url, data).status_code == 400
    assert not scored.roadmap_edits.exists()


@pytest.mark.parametrize("data", [{"add": "1", "phase": "scale"}, {"restore": "x"},
                                  {"add": "1", "title": "No dimension", "phase": "scale"}])
def test_bad_roadmap_verbs_are_refused_without_a_500(client, consultant, scored, data):
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
    hidden = 'class="btn btn-success d-none" id="report-download"'
    assert hidden in client.get(url).content.decode()
    client.post(reverse("consultant:report", args=[scored.pk]), {"language": "en"})
    page = client.get(url + "?report=en").content.decode()
    # the card follows the report by itself (report.js polls its status URL)
    assert 'data-status="pending"' in page
    status = reverse("consultant:report_status", args=[scored.pk])
    assert client.get(status, {"language": "en"}).json()["status"] == "pending"
    ReportFile.objects.update(status=ReportFile.Status.DONE, pdf=b"%PDF-1.7 test")
    page = client.get(url + "?report=en").content.decode()
    assert hidden not in page and f'href="{download}"' in page
    response = client.get(download)
    assert response.status_code == 200 and response.content == b"%PDF-1.7 test"
    rs.roadmap_row_save(assessment=scored, action_code="A-EXE-1", fields={"owner": "COO"})
    assert client.get(download).status_code == 404  # stale: the plan changed since
