"""`manage.py export_benchmark`: the filtered rows as CSV or XLSX; bad input exits 2."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from tests.benchmark.dashboard_data import day, scored
from tests.factories import make_company, make_questionnaire

pytestmark = pytest.mark.django_db

HEADER = ["company", "sector", "size", "country", "questionnaire", "date", "year", "wave",
          "strategy", "organization", "data", "technology", "execution", "overall", "cluster"]


@pytest.fixture
def data():
    q = make_questionnaire(version="v1")
    acme = make_company(name="Acme", sector="retail", size="large", country="IT")
    scored(acme, q, when=day(2023), cluster="aware", score=40.0, data=20.0)
    scored(acme, q, when=day(2024), cluster="structured", score=60.0)
    bank = make_company(name="Banca", sector="banking", size="medium", country="FR")
    scored(bank, q, when=day(2024), cluster="first_steps", score=10.0)
    return q


def export(*args) -> list[list[str]]:
    out = io.StringIO()
    call_command("export_benchmark", *args, stdout=out)
    return list(csv.reader(io.StringIO(out.getvalue())))


def test_csv_has_one_row_per_assessment_with_scores_and_cluster(data):
    rows = export()
    assert rows[0] == HEADER
    assert rows[1:] == [
        ["Acme", "retail", "large", "IT", "v1", "2023-06-01", "2023", "1",
         "40.0", "40.0", "20.0", "40.0", "40.0", "36.0", "aware"],
        ["Acme", "retail", "large", "IT", "v1", "2024-06-01", "2024", "2",
         "60.0", "60.0", "60.0", "60.0", "60.0", "60.0", "structured"],
        ["Banca", "banking", "medium", "FR", "v1", "2024-06-01", "2024", "1",
         "10.0", "10.0", "10.0", "10.0", "10.0", "10.0", "first_steps"],
    ]


@pytest.mark.parametrize("args,companies", [
    (["--sector", "banking"], ["Banca"]),
    (["--country", "it", "--wave", "2"], ["Acme"]),
    (["--wave", "latest"], ["Acme", "Banca"]),
    (["--year", "2023"], ["Acme"]),
    (["--size", "large", "--year", "2024", "--questionnaire", "v1"], ["Acme"]),
])
def test_csv_filters(data, args, companies):
    assert [r[0] for r in export(*args)[1:]] == companies


def test_xlsx_to_a_file(data, tmp_path):
    path = tmp_path / "bench.xlsx"
    err = io.StringIO()
    call_command("export_benchmark", "--format", "xlsx", "--out", str(path), stderr=err)
    sheet = load_workbook(path, read_only=True)["benchmark"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == HEADER
    assert rows[2][:8] == ["Acme", "retail", "large", "IT", "v1", "2024-06-01", 2024, 2]
    assert rows[2][-2:] == [60.0, "structured"]
    assert "3 rows written" in err.getvalue()


def test_csv_to_a_file(data, tmp_path):
    path = tmp_path / "bench.csv"
    call_command("export_benchmark", "--out", str(path), stderr=io.StringIO())
    assert path.read_text(encoding="utf-8").splitlines()[3].startswith("Banca,banking")


@pytest.mark.parametrize("args,message", [
    (["--wave", "first"], "wave: "),
    (["--sector", "mining"], "sector: "),
    (["--questionnaire", "v9"], "questionnaire: "),
    (["--format", "xlsx"], "needs --out"),
    (["--out", "/nonexistent/dir/x.csv"], "cannot write"),
])
def test_bad_input_exits_2_with_one_line(data, args, message):
    with pytest.raises(CommandError) as exc:
        call_command("export_benchmark", *args, stdout=io.StringIO())
    assert exc.value.returncode == 2
    assert message in str(exc.value) and "\n" not in str(exc.value)
