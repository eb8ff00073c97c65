"""The command-line contract on the real content in fixtures/: load, export, score, report."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from assessment.models import Question, Questionnaire

pytestmark = pytest.mark.django_db

KEYS = {"dedicated_budget", "dedicated_owner", "top_management", "single_customer_view",
        "cross_functional_team", "cx_leader", "internal_audit", "journey_tracking",
        "department_leaders"}


@pytest.fixture
def content():
    call_command("load_content", stdout=io.StringIO())
    return Questionnaire.objects.get()


def run(*args, stdin: str | None = None) -> str:
    out = io.StringIO()
    if stdin is not None:
        import sys

        old, sys.stdin = sys.stdin, io.StringIO(stdin)
        try:
            call_command(*args, stdout=out)
        finally:
            sys.stdin = old
    else:
        call_command(*args, stdout=out)
    return out.getvalue()


def answers_file(tmp_path, answers, **extra):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"answers": answers, **extra}))
    return str(path)


def all_at(level):
    return {q.code: level for q in Question.objects.filter(scored=True)}


def test_load_content_is_idempotent_and_loads_every_library(content):
    counts = (Question.objects.count(), content.dimensions.count())
    out = run("load_content")
    assert (Question.objects.count(), content.dimensions.count()) == counts
    assert "62 actions" in out and "36 KPIs" in out and "1 reference distributions" in out


def test_export_questionnaire_has_five_dimensions_of_eight_scored_questions_or_more(content):
    data = json.loads(run("export_questionnaire", "--lang", "en"))
    assert data["version"] == content.version
    assert [d["code"] for d in data["dimensions"]] == [
        "strategy", "organization", "data", "technology", "execution"]
    keys = set()
    for dim in data["dimensions"]:
        scored = [q for q in dim["questions"] if q["scored"]]
        assert len(scored) >= 8, dim["code"]
        for q in dim["questions"]:
            assert [o["level"] for o in q["options"]] == [1, 2, 3, 4, 5]
            assert q["text"] and all(o["label"] for o in q["options"])
            keys.add(q["key"])
    assert KEYS <= keys


def test_export_questionnaire_speaks_italian_too(content):
    data = json.loads(run("export_questionnaire", "--lang", "it"))
    assert data["dimensions"][0]["name"] == "Strategia"


@pytest.mark.parametrize("level,cluster", [(1, "first_steps"), (4, "structured"),
                                           (5, "advanced")])
def test_score_places_uniform_answers_in_their_cluster(content, tmp_path, level, cluster):
    out = json.loads(run("score", answers_file(tmp_path, all_at(level))))
    assert out["cluster"] == cluster
    assert out["overall"] == (level - 1) * 25
    assert set(out["dimensions"]) == {"strategy", "organization", "data", "technology",
                                      "execution"}
    assert out["explanation"]


def test_score_profiles_aware_and_enterprising(content, tmp_path):
    codes = {q.code: q for q in Question.objects.filter(scored=True)
             .select_related("dimension")}
    # Fair strategy and organisation, weak data, technology and execution: aware.
    aware = {c: 3 if q.dimension.code in ("strategy", "organization") else 1
             for c, q in codes.items()}
    assert json.loads(run("score", answers_file(tmp_path, aware)))["cluster"] == "aware"
    # Good everywhere but no dedicated budget: enterprising, not structured.
    budget = Question.objects.get(key="dedicated_budget").code
    enterprising = {**all_at(4), budget: 1}
    assert json.loads(run("score", answers_file(tmp_path, enterprising)))["cluster"] == \
        "enterprising"


def test_score_reads_stdin_and_counts_missing_questions_as_dont_know(content):
    out = json.loads(run("score", "-", stdin='{"answers": {"STR01": 5}}'))
    assert out["dont_know"] == Question.objects.filter(scored=True).count() - 1
    assert out["cluster"] == "first_steps"


@pytest.mark.parametrize("text,message", [
    ("not json", "JSON"),
    ('{"answers": {"NOPE1": 3}}', "NOPE1"),
    ('{"answers": {"STR01": 7}}', "STR01"),
    ('{"answers": []}', "answers"),
])
def test_score_refuses_bad_input_with_exit_status_2(content, tmp_path, text, message):
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(CommandError) as exc:
        run("score", str(path))
    assert exc.value.returncode == 2
    assert message in str(exc.value) and "\n" not in str(exc.value)


def test_report_writes_the_italian_pdf(content, tmp_path):
    out = tmp_path / "report.pdf"
    company = {"name": "Rossi Retail", "sector": "retail", "size": "large", "country": "IT"}
    run("report", answers_file(tmp_path, {**all_at(3), "ORG01": 1}, company=company),
        "--out", str(out), "--lang", "it")
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Intraprendenti" in text  # no dedicated owner: enterprising
    assert "Rossi Retail" in text and "Roadmap di trasformazione" in text
    assert reader.trailer["/Root"]["/Lang"] == "it"


def test_report_refuses_a_missing_folder_and_bad_answers(content, tmp_path):
    with pytest.raises(CommandError) as exc:
        run("report", answers_file(tmp_path, all_at(3)), "--out", str(tmp_path / "no/r.pdf"))
    assert exc.value.returncode == 2 and "does not exist" in str(exc.value)
    with pytest.raises(CommandError) as exc:
        run("report", answers_file(tmp_path, {"STR01": "often"}), "--out",
            str(tmp_path / "r.pdf"))
    assert exc.value.returncode == 2 and "STR01" in str(exc.value)


def test_export_questionnaire_of_a_named_version_and_of_an_unknown_one(content):
    data = json.loads(run("export_questionnaire", "--questionnaire", content.version))
    assert data["version"] == content.version
    with pytest.raises(CommandError) as exc:
        run("export_questionnaire", "--questionnaire", "1999.9")
    assert exc.value.returncode == 2


BAD_IDS = ["²", "abc", "-1", "1.5", "", "9" * 5000, "999999"]


def _id_commands(tmp_path) -> dict[str, list[str]]:
    """Every command that takes an id, with ``{id}`` where the id goes."""
    from tests.factories import make_company

    make_company(name="Bianchi Retail S.p.A.")
    workshop = tmp_path / "workshop.csv"
    workshop.write_text("participant,role,STR01\nAnna,ceo,3\n")
    return {
        "export_assessment": ["export_assessment", "{id}"],
        "privacy export": ["privacy", "export", "{id}"],
        "privacy erase": ["privacy", "erase", "{id}"],
        "import_answers --assessment": ["import_answers", str(workshop), "--company",
                                        "Bianchi Retail S.p.A.", "--assessment", "{id}"],
    }


@pytest.mark.parametrize("bad", BAD_IDS, ids=lambda b: repr(b[:8]))
@pytest.mark.parametrize("command", ["export_assessment", "privacy export", "privacy erase",
                                     "import_answers --assessment"])
def test_every_command_refuses_a_bad_id_in_one_line_with_exit_2(content, tmp_path, command,
                                                                  bad):
    args = [bad if a == "{id}" else a for a in _id_commands(tmp_path)[command]]
    with pytest.raises(CommandError) as exc:
        run(*args)
    assert exc.value.returncode == 2
    message = str(exc.value)
    assert "\n" not in message and len(message) < 120
    assert message.startswith(("not ", "no "))


def test_report_writes_one_pdf_per_answers_file_of_several_files_and_folders(content, tmp_path):
    folder = tmp_path / "answers"
    folder.mkdir()
    names = {"alfa": "Alfa Moda", "beta": "Beta Viaggi"}
    for stem, company in names.items():
        (folder / f"{stem}.json").write_text(json.dumps(
            {"answers": all_at(3), "company": {"name": company}}))
    (folder / "notes.txt").write_text("not answers")
    single = tmp_path / "gamma.json"
    single.write_text(json.dumps({"answers": all_at(2), "company": {"name": "Gamma Spa"}}))
    out = tmp_path / "pdfs"
    out.mkdir()
    printed = run("report", str(folder), str(single), "--out", str(out), "--lang", "en")
    written = sorted(p.name for p in out.iterdir())
    assert written == ["alfa.pdf", "beta.pdf", "gamma.pdf"]
    assert len(printed.strip().splitlines()) == 3
    for stem, company in {**names, "gamma": "Gamma Spa"}.items():
        reader = PdfReader(io.BytesIO((out / f"{stem}.pdf").read_bytes()))
        assert company in reader.pages[0].extract_text()


@pytest.mark.parametrize("case,message", [
    ("missing file", "does not exist"),
    ("empty folder", "has no answers files"),
    ("out not a folder", "--out must be a folder"),
    ("stdin with files", "cannot be combined"),
])
def test_report_refuses_missing_files_and_empty_folders_in_one_line(content, tmp_path, case,
                                                                     message):
    good = answers_file(tmp_path, all_at(3))
    empty = tmp_path / "empty"
    empty.mkdir()
    args = {"missing file": [str(tmp_path / "nope.json"), "--out", str(tmp_path / "r.pdf")],
            "empty folder": [str(empty), "--out", str(tmp_path)],
            "out not a folder": [good, good + "x", "--out", str(tmp_path / "r.pdf")],
            "stdin with files": ["-", good, "--out", str(tmp_path)]}[case]
    if case == "out not a folder":
        Path(good + "x").write_text(Path(good).read_text())
    with pytest.raises(CommandError) as exc:
        run("report", *args)
    assert exc.value.returncode == 2
    assert message in str(exc.value) and "\n" not in str(exc.value)
    assert not list(tmp_path.glob("**/*.pdf"))
