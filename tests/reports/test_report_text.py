"""The report as a reader gets it, on the real questionnaire and libraries: five answer
sets in both languages, every printed subtraction checks out, charts carry the table's
numbers, no internal code reaches the text, Italian reads Italian."""

import html
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from assessment.choices import Role, Sector, SizeBand
from assessment.models import Questionnaire
from assessment.scoring.engine import CLUSTERS
from reports.document.builder import build_report
from reports.document.inputs import inputs_for_answers
from reports.document.pdf import render_pdf, report_html
from reports.models import Action, Kpi

EXAMPLE = json.loads((Path(__file__).resolve().parents[2] / "examples/answers.json").read_text())
CODES = [q for q in EXAMPLE["answers"]]


def _all(level, **changes):
    return {**dict.fromkeys(CODES, level), **changes}


SETS = {
    "example": EXAMPLE["answers"],
    "first_steps": _all(1, STR01=2),
    "advanced": _all(5, TEC09=4),
    # Budget one level short of present: one answer away from Structured.
    "borderline": _all(4, STR02=2),
    "many_dont_know": {c: ("dont_know" if i % 2 else 3) for i, c in enumerate(CODES)},
}
ITALIAN_MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
                  "agosto", "settembre", "ottobre", "novembre", "dicembre")


@pytest.fixture(scope="module")
def reports(django_db_setup, django_db_blocker):
    """Each answer set's report data and HTML text in both languages (charts left out of
    the HTML: their numbers are checked on the figures themselves)."""
    with django_db_blocker.unblock():
        from django.db import transaction

        made = {}
        with transaction.atomic():
            call_command("load_content", stdout=io.StringIO())
            call_command("seed_demo", companies=40, waves=1, seed=5, stdout=io.StringIO())
            questionnaire = Questionnaire.objects.get(version="2026.2")
            codes = _catalogue_codes()
            for name, answers in SETS.items():
                for lang in ("en", "it"):
                    data = _report(questionnaire, answers, lang)
                    made[(name, lang)] = (data, report_html(data, {}))
            made["pdf"] = render_pdf(made[("example", "it")][0])
            transaction.set_rollback(True)
        made["codes"] = codes
        return made


def _report(questionnaire, answers, lang):
    with translation.override(lang):
        company = {**EXAMPLE["company"],
                   "sector_label": str(dict(Sector.choices)[EXAMPLE["company"]["sector"]]),
                   "size_label": str(dict(SizeBand.choices)[EXAMPLE["company"]["size"]]),
                   "country_label": "Italia" if lang == "it" else "Italy"}
        return build_report(inputs_for_answers(questionnaire=questionnaire, answers=answers,
                                               company=company, language=lang,
                                               date=timezone.now()))


def _catalogue_codes() -> set[str]:
    """Every internal code a reader must never see."""
    codes = {*Sector.values, *SizeBand.values, *CLUSTERS, "dont_know",
             *Kpi.objects.values_list("code", flat=True),
             *Kpi.objects.values_list("default_owner", flat=True),
             *Action.objects.values_list("code", flat=True),
             *Action.objects.values_list("owner_role", flat=True), *Role.values}
    return codes


def text_of(page: str) -> str:
    body = re.sub(r"<style.*?</style>", " ", page, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def _profile_rows(page: str) -> list[tuple[str, int, int, int]]:
    section = page.split('id="profile"', 1)[1].split("</section>", 1)[0]
    rows = re.findall(r'<tr><td>([^<]+)</td><td class="num">(-?\d+)</td>'
                      r'<td class="num">(-?\d+)</td><td class="num">(-?\d+)</td></tr>', section)
    return [(n, int(s), int(t), int(g)) for n, s, t, g in rows]


CASES = [(name, lang) for name in SETS for lang in ("en", "it")]


@pytest.mark.parametrize("name,lang", CASES)
def test_every_gap_is_the_printed_target_minus_the_printed_score(reports, name, lang):
    data, page = reports[(name, lang)]
    rows = _profile_rows(page)
    assert len(rows) == 5
    for _name, score, target, gap in rows:
        assert gap == max(0, target - score)
    for d in data.dimensions:
        assert d["gap"] == max(0, d["target"] - d["score"])
        # the dimension page's own figures are the same ones
        assert f"{d['score']}<span class=\"small\">/100" in page


@pytest.mark.parametrize("name,lang", CASES)
def test_chart_labels_are_the_table_values(reports, name, lang):
    data, page = reports[(name, lang)]
    scores = [s for _n, s, _t, _g in _profile_rows(page)]
    targets = [t for _n, _s, t, _g in _profile_rows(page)]
    radar = data.figures["radar"].data
    assert list(radar[0].r[:-1]) == scores
    assert list(radar[-1].r[:-1]) == targets
    if data.position["peer_size"]:
        assert list(radar[1].r[:-1]) == [d["median"] for d in data.dimensions]
    bars = data.figures["bars"].data
    assert list(bars[0].x) == scores and list(bars[0].text) == [str(s) for s in scores]
    assert list(bars[1].x) == targets
    shares = [row["share"] for row in data.position["reference_rows"]]
    assert list(data.figures["reference"].data[0].y) == shares
    for row in data.position["reference_rows"]:
        assert f'<td class="num">{row["share"]}%</td>' in page


@pytest.mark.parametrize("name,lang", CASES)
def test_no_internal_code_reaches_the_reader(reports, name, lang):
    _data, page = reports[(name, lang)]
    text = text_of(page)
    assert not re.search(r"\b[A-Z]{3}\d{2}\b", text), "a question code is printed"
    words = set(re.findall(r"[A-Za-z_]+(?:-[A-Z]+-\d)?", text))
    leaked = {c for c in reports["codes"] if "_" in c or "-" in c} & words
    assert not leaked
    if lang == "it":
        # English cluster codes are internal words in an Italian report
        assert not {c for c in CLUSTERS} & set(re.findall(r"[a-z_]+", text))


@pytest.mark.parametrize("name", SETS)
def test_italian_reads_italian_dates_and_numbers(reports, name):
    _data, page = reports[(name, "it")]
    text = text_of(page)
    assert any(f" {m} " in text for m in ITALIAN_MONTHS)
    assert not re.search(r"(?<![\d.])\d{1,3}\.\d{1,2}(?![\d.])", text), "a decimal point"
    _data, page_en = reports[(name, "en")]
    assert not any(f" {m} " in text_of(page_en) for m in ITALIAN_MONTHS)


@pytest.mark.parametrize("name,lang", CASES)
def test_findings_paragraphs_are_in_the_summary(reports, name, lang):
    data, page = reports[(name, lang)]
    paragraphs = data.summary["findings"]
    assert len(paragraphs) == 3 and all(len(p) > 60 for p in paragraphs)
    summary = text_of(page.split('id="summary"', 1)[1].split("</section>", 1)[0])
    for p in paragraphs:
        assert " ".join(p.split()) in summary


def test_dont_know_answers_are_listed_to_clarify_never_as_gaps(reports):
    data, _page = reports[("many_dont_know", "en")]
    assert data.completeness["dont_know"] >= 20
    assert len(data.summary["to_clarify"]) == data.completeness["dont_know"]
    ranked = [*data.summary["strengths"], *data.summary["gaps"]]
    assert all(item["level"] is not None for item in ranked)
    for d in data.dimensions:
        assert all(g["level"] is not None for g in d["gaps"])


def test_borderline_set_is_borderline_and_says_so(reports):
    data, page = reports[("borderline", "en")]
    assert data.summary["borderline"], "the set should sit one answer from another cluster"
    assert "Borderline result" in text_of(page)


def test_method_section_counts_dont_know_with_a_share_of_the_counts_shown(reports):
    data, page = reports[("many_dont_know", "it")]
    c = data.completeness
    assert c["share"] == round(100 * c["dont_know"] / c["questions"])
    assert f"{c['dont_know']} ({c['share']}%) sono “non so”" in text_of(page)


def test_pdf_text_holds_the_findings_and_an_italian_date(reports, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(reports["pdf"])
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    data, _page = reports[("example", "it")]
    assert data.summary["findings"][0].split(".")[0] in text
    assert any(f" {m} " in text for m in ITALIAN_MONTHS)
    assert "Sintesi" in text or "Executive summary" in text


@pytest.mark.django_db
def test_progress_changes_are_now_minus_before_of_the_printed_scores():
    from reports.rendering import report_data
    from tests.factories import make_questionnaire, make_report_content
    from tests.reports.test_builder import answered

    make_questionnaire(per_dimension=3)
    make_report_content()
    # strategy: (50 x 1.5 + 25 + 25) / 3.5 = 35.7 shown 36, then (75 x 1.5 +
    # 25 + 25) / 3.5 = 46.4 shown 46: the change printed is 10 (46 - 36), not 10.7 rounded
    first = answered({"STR01": 3}, default=2)
    second = answered({"STR01": 4}, default=2)
    second.company = first.company
    second.save()
    data = report_data(assessment=second, language="en")
    strategy = data.progress["dimensions"][0]
    assert (strategy["before"], strategy["now"], strategy["delta"]) == (36, 46, 10)
    assert all(d["delta"] == d["now"] - d["before"] for d in data.progress["dimensions"])
    assert data.progress["overall_delta"] == data.summary["overall"] - data.progress["overall"]
    section = report_html(data, {}).split('id="progress"', 1)[1].split("</section>", 1)[0]
    assert "<td>Strategy</td><td class=\"num\">36</td><td class=\"num\">46</td>" \
           "<td class=\"num\">+10</td>" in section


@pytest.mark.parametrize("name,lang", CASES)
def test_the_summary_states_where_the_projected_roadmap_leads(reports, name, lang):
    data, _page = reports[(name, lang)]
    phases = data.projection["phases"]
    outlook = data.summary["findings"][2]
    moved = [p for p in phases[1:] if p["cluster"] != phases[0]["cluster"]]
    # the same clusters and figures as the projection table
    stated = [moved[0], phases[-1]] if moved else [phases[0], phases[-1]]
    if len(phases) > 1:
        for phase in stated:
            assert str(phase["cluster_name"]) in outlook
        assert f" {stated[0 if moved else 1]['overall']}" in outlook
