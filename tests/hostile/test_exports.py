"""Finding 1: text a user typed never becomes a live formula in a CSV or XLSX we write."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from assessment.spreadsheet import safe_cell, safe_text
from tests.benchmark.dashboard_data import day, scored
from tests.factories import make_company, make_questionnaire, make_user

pytestmark = pytest.mark.django_db

HOSTILE = ['=HYPERLINK("http://evil.example/x","x")', "+cmd|' /C calc'!A0", "-2+3",
           "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "\uff1d1+1", "\uff0b1", "\uff0d1", "\uff20A1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_like_text_is_neutralised(text):
    assert safe_text(text) == "'" + text
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", [3, -2, 41.5, -0.5, None, True])
def test_numbers_stay_numbers(value):
    assert safe_cell(value) == value


@pytest.mark.parametrize("text", ["Acme S.p.A.", "Caffè 2=2", "a-b", ""])
def test_plain_text_is_unchanged(text):
    assert safe_text(text) == text


@pytest.fixture
def hostile_companies():
    q = make_questionnaire(version="v1")
    for i, name in enumerate(HOSTILE):
        scored(make_company(name=name), q, when=day(2024, d=i + 1))
    return q


def _no_formula_in(xlsx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        for member in z.namelist():
            if member.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(member), member


def _first_column_is_neutralised(values: list[str], *, xml: bool = False) -> None:
    # XML reads a carriage return as a line feed; the apostrophe comes first either way.
    expected = ["'" + (t.replace("\r", "\n") if xml else t) for t in HOSTILE]
    assert sorted(values) == sorted(expected)


def test_benchmark_csv_and_xlsx_exports_hold_no_formula(client, hostile_companies):
    admin = make_user("ada", staff=True)
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    body = b"".join(client.get(reverse("benchmark:export", args=["csv"])).streaming_content)
    rows = list(csv.reader(io.StringIO(body.decode(), newline="")))
    _first_column_is_neutralised([r[0] for r in rows[1:]])
    assert rows[1][8] == "50.0"  # scores stay numbers
    xlsx = b"".join(client.get(reverse("benchmark:export", args=["xlsx"])).streaming_content)
    _no_formula_in(xlsx)
    sheet = load_workbook(io.BytesIO(xlsx)).active
    _first_column_is_neutralised([r[0] for r in sheet.iter_rows(min_row=2, values_only=True)],
                                 xml=True)
    assert sheet.cell(row=2, column=9).value == 50.0


def test_export_benchmark_command_holds_no_formula(hostile_companies, tmp_path):
    out = io.StringIO()
    call_command("export_benchmark", stdout=out)
    _first_column_is_neutralised([r[0] for r in csv.reader(io.StringIO(out.getvalue(), newline=""))][1:])
    call_command("export_benchmark", "--format", "xlsx", "--out", str(tmp_path / "b.xlsx"),
                 stderr=io.StringIO())
    _no_formula_in((tmp_path / "b.xlsx").read_bytes())


def test_answers_template_writes_question_texts_as_text(client, consultant, questionnaire):
    from assessment.models import Question

    Question.objects.filter(questionnaire=questionnaire, code="STR01").update(
        text_en='=HYPERLINK("http://evil.example/x","x")')
    client.force_login(consultant)
    xlsx = client.get(reverse("consultant:template", args=[questionnaire.pk, "xlsx"])).content
    _no_formula_in(xlsx)
    texts = [c for r in load_workbook(io.BytesIO(xlsx))["instructions"].iter_rows(
        values_only=True) for c in r]
    assert "'=HYPERLINK(\"http://evil.example/x\",\"x\")" in texts
    csv_text = client.get(reverse("consultant:template", args=[questionnaire.pk, "csv"])
                          ).content.decode()
    assert "· '=HYPERLINK(" in csv_text and "· =HYPERLINK(" not in csv_text


def test_export_error_page_names_its_charset(client):
    admin = make_user("ada", staff=True)
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    response = client.get(reverse("benchmark:export", args=["csv"]), {"sector": "nope"})
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
