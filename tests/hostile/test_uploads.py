"""Finding 3 and the imports of finding 6: uploads are read within limits (size before
reading, an XLSX's unpacked size before opening it, rows and columns while streaming),
on the import page and in `import_answers` alike; formula cells, self-assessments and
files not in UTF-8 are refused with a clear message; nothing saved changes."""

from __future__ import annotations

import io
import time
import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from openpyxl import Workbook

from assessment.models import Answer, Assessment, Respondent
from tests.hostile.bombs import bomb
from workshops.imports import answers_import
from workshops.table import TableRejected

pytestmark = pytest.mark.django_db

MAX_PEAK = 100 * 1024 * 1024  # bytes the refusal may allocate
# CPU seconds of this process: what the refusal costs, whatever else the machine runs.
MAX_SECONDS = 2.0


@pytest.fixture(scope="module")
def row_bomb() -> bytes:
    return bomb(rows=2_000_000)  # ~720 KB that unpack to ~200 MB


@pytest.fixture(scope="module")
def cell_bomb() -> bytes:
    return bomb(cell_bytes=500 * 1024 * 1024)  # ~500 KB, one cell of 500 MB


def _saved(assessment) -> tuple:
    return (Respondent.objects.filter(assessment=assessment).count(),
            Answer.objects.filter(respondent__assessment=assessment).count())


def _refused_within_budget(run) -> str:
    """Runs the refusal twice: timed, then under tracemalloc (which slows it down)."""
    started = time.process_time()
    message = run()
    assert time.process_time() - started < MAX_SECONDS
    tracemalloc.start()
    try:
        assert run() == message
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peak < MAX_PEAK, peak
    return message


def _upload(client, consultant, workshop, name: str, data: bytes):
    client.force_login(consultant)
    return client.post(reverse("consultant:import", args=[workshop.pk]),
                       {"file": SimpleUploadedFile(name, data)})


@pytest.mark.parametrize("which", ["row_bomb", "cell_bomb"])
def test_a_bomb_upload_is_refused_fast_and_small(client, consultant, workshop, which, request):
    data = request.getfixturevalue(which)
    before = _saved(workshop)

    def run():
        response = _upload(client, consultant, workshop, "answers.xlsx", data)
        assert response.status_code == 400
        assert str(response.context["errors"][0]) in response.content.decode()
        return str(response.context["errors"][0])

    assert "unpacks to more than 2 MB" in _refused_within_budget(run)
    assert _saved(workshop) == before


@pytest.mark.parametrize("which", ["row_bomb", "cell_bomb"])
def test_a_bomb_file_is_refused_by_the_command_fast_and_small(workshop, which, request,
                                                              tmp_path):
    path = tmp_path / "answers.xlsx"
    path.write_bytes(request.getfixturevalue(which))
    count = Assessment.objects.count()

    def run():
        with pytest.raises(CommandError) as exc:
            call_command("import_answers", str(path), "--company", workshop.company.name)
        assert exc.value.returncode == 2
        return str(exc.value)

    assert "unpacks to more than 2 MB" in _refused_within_budget(run)
    assert Assessment.objects.count() == count


def test_rows_are_counted_while_streaming_and_reading_stops_at_the_limit(workshop):
    data = bomb(rows=15_000)  # unpacks to ~1.6 MB: under the size limits
    before = _saved(workshop)

    def run():
        with pytest.raises(TableRejected) as exc:
            answers_import(assessment=workshop, name="a.xlsx", data=data)
        return str(exc.value)

    assert "more than 500 rows" in _refused_within_budget(run)
    assert _saved(workshop) == before


@override_settings(IMPORT_MAX_COLUMNS=10)
def test_columns_are_limited(workshop):
    wb = Workbook()
    wb.active.append(["participant", "role", *[f"C{i}" for i in range(20)]])
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(TableRejected, match="more than 10 columns"):
        answers_import(assessment=workshop, name="a.xlsx", data=out.getvalue())


@override_settings(IMPORT_MAX_BYTES=1024)
def test_the_size_is_a_setting_checked_before_reading(client, consultant, workshop, tmp_path):
    response = _upload(client, consultant, workshop, "a.csv", b"participant,role\n" * 200)
    assert response.status_code == 400
    assert b"larger than" in response.content
    big = tmp_path / "big.csv"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB, never read

    def run():
        with pytest.raises(CommandError, match="larger than 1 KB") as exc:
            call_command("import_answers", str(big), "--company", workshop.company.name)
        return str(exc.value)

    _refused_within_budget(run)


def test_a_formula_cell_is_refused_by_row_and_column(workshop, questionnaire):
    wb = Workbook()
    sheet = wb.active
    sheet.append(["participant", "role", "STR01", "STR02"])
    sheet.append(["Paola", "CMO", "=1+2", 3])
    sheet.append(["=A2", "CEO", 4, 4])
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(TableRejected) as exc:
        answers_import(assessment=workshop, name="a.xlsx", data=out.getvalue())
    assert [str(e) for e in exc.value.errors] == [
        "row 2, column STR01: holds a formula: type the value itself (1-5 or dont_know)",
        ("row 3, column participant: holds a formula: type the value itself "
        "(1-5 or dont_know)")]
    assert _saved(workshop) == (0, 0)


@pytest.mark.parametrize("encoding,named", [("latin-1", "not UTF-8"), ("cp1252", "not UTF-8"),
                                            ("utf-16", "UTF-16")])
def test_a_csv_in_another_encoding_names_utf8(workshop, encoding, named):
    data = "participant,role,STR01\nCaffè Nerò,CEO,3\n".encode(encoding)
    with pytest.raises(TableRejected) as exc:
        answers_import(assessment=workshop, name="a.csv", data=data)
    assert named in str(exc.value) and "CSV UTF-8" in str(exc.value)


def test_a_self_assessment_is_refused_as_a_target(questionnaire, company, tmp_path):
    from workshops import services as ws

    own = ws.assessment_create(company=company, mode="self", language="en")
    path = tmp_path / "a.csv"
    path.write_text("participant,role,STR01\nPaola,CMO,3\n")
    with pytest.raises(CommandError, match="self-assessment") as exc:
        call_command("import_answers", str(path), "--company", company.name,
                     "--assessment", str(own.pk))
    assert exc.value.returncode == 2
    with pytest.raises(TableRejected, match="self-assessment"):
        answers_import(assessment=own, name="a.csv", data=path.read_bytes())
    assert _saved(own) == (0, 0)
