"""Offline answers from CSV/XLSX: all rows or none, errors by row and column; the commands."""

import io
import json

import openpyxl
import pandas as pd
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from assessment.models import Answer, Assessment, Respondent
from tests.factories import invite
from workshops.imports import answers_import
from workshops.table import TableRejected

pytestmark = pytest.mark.django_db
CODES = [f"{d}{i:02d}" for d in ("STR", "ORG", "DAT", "TEC", "EXE") for i in (1, 2, 3)]


def csv_bytes(rows: list[dict]) -> bytes:
    return pd.DataFrame(rows).to_csv(index=False).encode()


def row(who: str, role: str, default="3", **levels) -> dict:
    return {"participant": who, "role": role, **{c: levels.get(c, default) for c in CODES}}


GOOD = [row("Anna", "CEO", STR01="1"), row("bruno@example.com", "cmo", STR01="5",
                                          DAT02="dont_know")]


def test_csv_import_adds_participants_and_their_answers(workshop):
    result = answers_import(assessment=workshop, name="a.csv", data=csv_bytes(GOOD))
    assert (result.created, result.answers) == (2, 30)
    bruno = Respondent.objects.get(email="bruno@example.com")
    assert bruno.role == "CMO" and bruno.submitted_at is not None
    assert Answer.objects.get(respondent=bruno, question__code="DAT02").dont_know
    assert Answer.objects.get(respondent=bruno, question__code="STR01").option.level == 5


def test_import_matches_an_invited_participant_by_name_or_email(workshop):
    anna = invite(workshop, "Anna", "CFO")
    answers_import(assessment=workshop, name="a.csv", data=csv_bytes(GOOD))
    anna.refresh_from_db()
    assert anna.role == "CEO" and anna.answers.count() == 15
    assert Respondent.objects.filter(assessment=workshop).count() == 2


def test_xlsx_import_reads_numbers_and_text(workshop):
    out = io.BytesIO()
    frame = pd.DataFrame(GOOD)
    frame["STR02"] = [4, 2]  # numeric cells
    frame.to_excel(out, index=False)
    answers_import(assessment=workshop, name="answers.XLSX", data=out.getvalue())
    assert Answer.objects.get(respondent__name="Anna", question__code="STR02").option.level == 4


def test_bad_rows_are_reported_by_row_and_column_and_nothing_is_imported(workshop):
    rows = [*GOOD, row("", "CEO"), row("Carla", "king"), row("Dario", "CIO", ORG02="7"),
            row("Anna", "CEO")]
    with pytest.raises(TableRejected) as exc:
        answers_import(assessment=workshop, name="a.csv", data=csv_bytes(rows))
    where = {(e.row, e.column) for e in exc.value.errors}
    assert where == {(4, "participant"), (5, "role"), (6, "ORG02"), (7, "participant")}
    assert not Respondent.objects.exists() and not Answer.objects.exists()


@pytest.mark.parametrize("data,column", [
    (b"name,role\nAnna,CEO\n", "participant"),
    (b"participant,role,XYZ99\nAnna,CEO,3\n", "XYZ99"),
])
def test_bad_header_is_reported_on_row_one(workshop, data, column):
    with pytest.raises(TableRejected) as exc:
        answers_import(assessment=workshop, name="a.csv", data=data)
    assert (1, column) in {(e.row, e.column) for e in exc.value.errors}


def test_garbage_xlsx_is_refused_cleanly(workshop):
    with pytest.raises(TableRejected):
        answers_import(assessment=workshop, name="a.xlsx", data=b"not a zip")


def test_upload_page_lists_errors_and_keeps_nothing(client, consultant, workshop):
    client.force_login(consultant)
    upload = io.BytesIO(csv_bytes([row("Anna", "CEO", STR03="six")]))
    upload.name = "answers.csv"
    response = client.post(reverse("consultant:import", args=[workshop.pk]), {"file": upload})
    assert response.status_code == 400
    assert "STR03" in response.content.decode() and not Answer.objects.exists()


def test_upload_page_imports_a_good_file(client, consultant, workshop):
    client.force_login(consultant)
    upload = io.BytesIO(csv_bytes(GOOD))
    upload.name = "answers.csv"
    response = client.post(reverse("consultant:import", args=[workshop.pk]), {"file": upload})
    assert response.status_code == 302 and Answer.objects.count() == 30


def test_upload_refuses_other_file_types(client, consultant, workshop):
    client.force_login(consultant)
    upload = io.BytesIO(b"%PDF")
    upload.name = "answers.pdf"
    response = client.post(reverse("consultant:import", args=[workshop.pk]), {"file": upload})
    assert response.status_code == 400 and "csv" in response.content.decode()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_template_has_the_questionnaires_columns(client, consultant, questionnaire, fmt):
    client.force_login(consultant)
    response = client.get(reverse("consultant:template", args=[questionnaire.pk, fmt]))
    assert response.status_code == 200
    if fmt == "csv":
        header = response.content.decode().splitlines()[0].split(",")
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(response.content))["answers"]
        header = [c.value for c in next(sheet.iter_rows())]
    assert header == ["participant", "role", *CODES]


def test_import_command_creates_an_assessment_and_export_prints_the_workshop(
        company, questionnaire, tmp_path, capsys):
    path = tmp_path / "answers.csv"
    path.write_bytes(csv_bytes(GOOD))
    call_command("import_answers", str(path), "--company", "gamma retail")
    assessment_id = int(capsys.readouterr().out.strip())
    assessment = Assessment.objects.get(pk=assessment_id)
    assert assessment.mode == "workshop" and assessment.company == company
    call_command("export_assessment", str(assessment_id))
    out = json.loads(capsys.readouterr().out)
    assert out["participants"] == 2 and out["hotspots"] == ["STR01"]
    str01 = next(q for q in out["questions"] if q["code"] == "STR01")
    assert str01 == {"code": "STR01", "levels": {"Anna": 1, "bruno@example.com": 5},
                     "spread": 4}
    dat02 = next(q for q in out["questions"] if q["code"] == "DAT02")
    assert dat02["levels"]["bruno@example.com"] == "dont_know"
    assert set(out["consensus"]) == {"dimensions", "overall", "cluster", "explanation",
                                     "dont_know", "version"}


def test_import_command_into_an_existing_assessment(workshop, tmp_path, capsys):
    path = tmp_path / "answers.csv"
    path.write_bytes(csv_bytes(GOOD))
    call_command("import_answers", str(path), "--company", "Gamma Retail",
                 "--assessment", str(workshop.pk))
    assert capsys.readouterr().out.strip() == str(workshop.pk)
    assert Respondent.objects.filter(assessment=workshop).count() == 2


@pytest.mark.parametrize("args", [
    ["missing.csv", "--company", "Gamma Retail"],
    ["{bad}", "--company", "Nobody"],
    ["{bad}", "--company", "Gamma Retail"],
    ["{bad}", "--company", "Gamma Retail", "--assessment", "999999"],
])
def test_import_command_fails_with_exit_2_and_creates_nothing(workshop, tmp_path, args):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([row("Anna", "CEO", STR01="9")]))
    args = [a.replace("{bad}", str(bad)) for a in args]
    with pytest.raises(CommandError) as exc:
        call_command("import_answers", *args)
    assert exc.value.returncode == 2 and "\n" not in str(exc.value)
    assert Assessment.objects.count() == 1 and not Answer.objects.exists()


@pytest.mark.parametrize("value", ["999999", "abc"])
def test_export_command_refuses_unknown_ids(db, value):
    with pytest.raises(CommandError) as exc:
        call_command("export_assessment", value)
    assert exc.value.returncode == 2


def test_the_csv_template_explains_itself_and_a_filled_copy_imports(client, consultant, workshop):
    client.force_login(consultant)
    url = reverse("consultant:template", args=[workshop.questionnaire_id, "csv"])
    text = client.get(url).content.decode()
    header, *notes = text.splitlines()
    assert header.startswith("participant,role,STR01")
    assert all(line.startswith("# ") for line in notes)
    assert "# Customer care · customer_care" in notes
    assert any(line.startswith("# STR01 · Strategy · Question strategy 1") for line in notes)
    assert any("Example row:" in line for line in notes)
    # A consultant fills it with roles as the interface names them, in either language.
    filled = "\n".join([header, "Anna,Customer care" + ",3" * 15,
                        "Bruno,Assistenza clienti" + ",4" * 15, "Carla,cmo" + ",2" * 15,
                        *notes]).encode()
    result = answers_import(assessment=workshop, name="filled.csv", data=filled)
    assert result.created == 3
    roles = dict(Respondent.objects.filter(assessment=workshop).values_list("name", "role"))
    assert roles == {"Anna": "customer_care", "Bruno": "customer_care", "Carla": "CMO"}


def test_the_xlsx_template_has_an_instructions_sheet_in_the_interface_language(client,
                                                                               consultant,
                                                                               workshop):
    client.force_login(consultant)
    client.cookies["django_language"] = "it"
    url = reverse("consultant:template", args=[workshop.questionnaire_id, "xlsx"])
    book = openpyxl.load_workbook(io.BytesIO(client.get(url).content))
    assert book.sheetnames == ["answers", "instructions"]
    cells = [c for row in book["instructions"].iter_rows(values_only=True) for c in row if c]
    assert "Assistenza clienti" in cells and "customer_care" in cells
    assert "Domanda strategy 1" in cells
