"""Finding 6 (commands): every malformed answers file given to `score` or `report` is one
line and exit status 2 (nesting, size, unknown keys, unknown sector/size/country);
`report` checks that --out can be written before it renders anything."""

from __future__ import annotations

import io
import json
import sys

import pytest
from django.core.management import CommandError, call_command

from assessment.answers.file import MAX_BYTES

pytestmark = pytest.mark.django_db


def _refused(*args, stdin: str | None = None) -> str:
    old = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        with pytest.raises(CommandError) as exc:
            call_command(*args, stdout=io.StringIO())
    finally:
        sys.stdin = old
    message = str(exc.value)
    assert exc.value.returncode == 2
    assert "\n" not in message and len(message) < 300, message
    return message


def _doc(**extra) -> str:
    return json.dumps({"answers": {"STR01": 3}, **extra})


@pytest.mark.parametrize("command", [("score",), ("report", "--out", "x.pdf")])
@pytest.mark.parametrize("text,expected", [
    ('{"answers": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    ("[" * 100_000, "nested too deeply"),
    (_doc(extra=1), "unknown key 'extra'"),
    (_doc(answer={"STR01": 3}), "unknown key 'answer'"),
    (_doc(company={"sector": "piracy"}), "unknown sector 'piracy'"),
    (_doc(company={"size": "huge"}), "unknown size 'huge'"),
    (_doc(company={"country": "XX"}), "unknown country 'XX'"),
    (_doc(company={"country": "it"}), "unknown country 'it'"),
])
def test_malformed_answers_are_one_line_and_exit_2(questionnaire, command, text, expected):
    assert expected in _refused(*command[:1], "-", *command[1:], stdin=text)


def test_an_answers_file_over_the_limit_is_refused_unread(questionnaire, tmp_path):
    big = tmp_path / "big.json"
    with big.open("wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    assert "larger than" in _refused("score", str(big))
    assert f"{MAX_BYTES // 1024} KB" in _refused("score", "-", stdin=" " * (MAX_BYTES + 1))


def test_known_codes_are_accepted(questionnaire):
    out = io.StringIO()
    old, sys.stdin = sys.stdin, io.StringIO(_doc(company={
        "name": "Acme", "sector": "retail", "size": "large", "country": "IT"}))
    try:
        call_command("score", "-", stdout=out)
    finally:
        sys.stdin = old
    assert "cluster" in out.getvalue()


# (a folder is a valid --out: the report is written into it as <answers file>.pdf)
@pytest.mark.parametrize("out", ["missing-folder/r.pdf", "answers.json/r.pdf"])
def test_report_checks_its_output_before_rendering(questionnaire, tmp_path, monkeypatch,
                                                    out):
    from reports.management.commands import report

    def never(*args, **kwargs):
        raise AssertionError("rendered before checking --out")

    monkeypatch.setattr(report, "build_report", never)
    monkeypatch.setattr(report, "render_pdf", never)
    path = tmp_path / "answers.json"
    path.write_text(_doc())
    message = _refused("report", str(path), "--out", str(tmp_path / out))
    assert "does not exist" in message or "cannot write" in message


def test_report_leaves_no_file_behind_when_the_input_is_refused(questionnaire, tmp_path):
    target = tmp_path / "r.pdf"
    _refused("report", "-", "--out", str(target), stdin=_doc(extra=1))
    assert not target.exists()
