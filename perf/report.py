"""The report benchmark printed by ``manage.py bench``: render times, floor, memory, serving.

"Warm" is a process that has made a report before (kaleido's browser is up,
templates and fonts are loaded); "cold" is a fresh ``manage.py report`` process.
The floor is WeasyPrint alone on the same final HTML, charts already exported:
the ratio says how much the rest (data gathering, chart export) adds.
"First after start" is a new worker process's first report, with the warm-up the worker
does when it starts and without; "batch" is one ``report`` run over ten answers files.
"""

from __future__ import annotations

import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from assessment.models import Questionnaire
from assessment.scoring.engine import DONT_KNOW
from assessment.selectors import questionnaire_spec
from perf.timing import measure_interleaved
from reports.document.builder import build_report
from reports.document.inputs import inputs_for_answers
from reports.document.pdf import figure_svgs, html_to_pdf, render_pdf, report_html

# A mid-maturity company with some gaps and a few "don't know": a typical report.
PATTERN = (2, 3, 1, 4, 2, 3, DONT_KNOW, 2, 3, 2, 1, 3)
COMPANY = {"name": "Standard Retail S.p.A.", "sector": "retail", "size": "large",
           "country": "IT", "sector_label": "Retail", "size_label": "1,000–4,999",
           "country_label": "Italy"}


def standard_answers(questionnaire: Questionnaire) -> dict[str, object]:
    spec = questionnaire_spec(questionnaire=questionnaire)
    return {q.code: PATTERN[i % len(PATTERN)] for i, q in enumerate(spec.scored)}


def _cold_report(answers: dict[str, object], language: str) -> float:
    """Wall time of a fresh ``manage.py report`` process (Django and the browser start)."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "answers.json", Path(tmp) / "report.pdf"
        src.write_text(json.dumps({"answers": answers, "company": {
            k: COMPANY[k] for k in ("name", "sector", "size", "country")}}))
        t0 = time.perf_counter()
        done = subprocess.run(
            [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "report", str(src),
             "--out", str(out), "--lang", language],
            check=False, capture_output=True, text=True, timeout=180,
        )
        elapsed = time.perf_counter() - t0
        if done.returncode != 0:
            raise RuntimeError(f"cold report failed: {done.stderr.strip()[-300:]}")
        return elapsed


BATCH_FILES = 10


def _answers_json(answers: dict[str, object], name: str) -> str:
    return json.dumps({"answers": answers, "company": {
        **{k: COMPANY[k] for k in ("sector", "size", "country")}, "name": name}})


def _first_after_start(language: str, *, warm_up: bool) -> dict[str, float]:
    """Warm-up and first-report times of a new process, as the worker makes them."""
    done = subprocess.run(
        [sys.executable, "-m", "perf.first_report", "--lang", language,
         *([] if warm_up else ["--no-warm-up"])],
        cwd=settings.BASE_DIR, check=False, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"first report failed: {done.stderr.strip()[-300:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _batch_report(answers: dict[str, object], language: str) -> float:
    """Seconds per file of one ``manage.py report`` run over BATCH_FILES answers files
    (each its own company, so that no chart is drawn twice)."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "answers", Path(tmp) / "pdfs"
        src.mkdir()
        out.mkdir()
        levels = [v for v in answers.values() if v != DONT_KNOW]
        for i in range(BATCH_FILES):
            varied = dict(zip(answers, [*levels[i:], *levels[:i]], strict=False))
            (src / f"company-{i:02}.json").write_text(_answers_json(varied, f"Company {i}"))
        t0 = time.perf_counter()
        done = subprocess.run(
            [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "report", str(src),
             "--out", str(out), "--lang", language],
            check=False, capture_output=True, text=True, timeout=900)
        elapsed = time.perf_counter() - t0
        if done.returncode != 0 or len(list(out.glob("*.pdf"))) != BATCH_FILES:
            raise RuntimeError(f"batch report failed: {done.stderr.strip()[-300:]}")
        return elapsed / BATCH_FILES


def bench_first_and_batch(write: Callable[[str], None], *, questionnaire: Questionnaire,
                          language: str = "en") -> None:
    """Prints the first report of a new worker, with and without warm-up, and the batch."""
    warmed = _first_after_start(language, warm_up=True)
    unwarmed = _first_after_start(language, warm_up=False)
    per_file = _batch_report(standard_answers(questionnaire), language)
    write("first report of a new worker process:")
    write(f"  warm-up when the worker starts    : {warmed['warm_up']:.2f} s (before any click)")
    write(f"  first report after the warm-up    : {warmed['first']:.2f} s   (target ≤ 4 s)")
    write(f"  first report without the warm-up  : {unwarmed['first']:.2f} s")
    write(f"`report` on {BATCH_FILES} answers files in one run: {per_file:.2f} s per file")


def bench_report(write: Callable[[str], None], *, questionnaire: Questionnaire, runs: int = 5,
                 language: str = "en") -> None:
    """Prints the standard report's figures (see the module docstring)."""
    answers = standard_answers(questionnaire)

    def data():
        with translation.override(language):
            return build_report(inputs_for_answers(
                questionnaire=questionnaire, answers=answers, company=dict(COMPANY),
                language=language, date=timezone.now()))

    cold = _cold_report(answers, language)
    first = data()
    pdf = render_pdf(first)  # warms this process: browser, templates, fonts
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    html = report_html(first, figure_svgs(first.figures))
    # One of each per round, so that a slow spell of the machine touches all three.
    timings = measure_interleaved({
        "warm": lambda: render_pdf(data()), "data": data, "floor": lambda: html_to_pdf(html),
    }, runs, rounds=runs, warmup=0)
    warm, gather, floor = (timings[k].median_ms / 1000 for k in ("warm", "data", "floor"))
    own_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    write(f"standard report ({language}, {pages} pages, {len(pdf) // 1024} KB, "
          f"{len(first.figures)} charts), median of {runs} runs taking turns:")
    write(f"  warm render (data + charts + PDF): {warm:.2f} s   (target ≤ 3 s)")
    write(f"  data gathering alone            : {gather * 1000:.0f} ms")
    write(f"  WeasyPrint floor (same HTML)    : {floor:.2f} s")
    write(f"  ratio warm / floor              : {warm / floor:.2f}   (target ≤ 1.15)")
    write(f"  cold first report (new process) : {cold:.2f} s")
    write(f"  peak memory: this process {own_mb:.0f} MB, largest child process "
          f"{child_mb:.0f} MB")


def bench_stored_report(write: Callable[[str], None], *, respondent, pdf: bytes,
                        runs: int = 200) -> None:
    """Serving a finished PDF again: one request through the full stack."""
    from reports.models import ReportFile
    from reports.selectors import report_fingerprint

    assessment = respondent.assessment
    lang = assessment.language
    ReportFile.objects.create(
        assessment=assessment, language=lang, status=ReportFile.Status.DONE, pdf=pdf,
        fingerprint=report_fingerprint(assessment=assessment, language=lang))
    client = Client()
    url = reverse("reports:download", args=[respondent.token, lang])
    response = client.get(url)
    assert response.status_code == 200 and response.content == pdf, response.status_code
    median_ms = measure_interleaved({"download": lambda: client.get(url)}, runs)[
        "download"].median_ms
    write(f"stored report download ({len(pdf) // 1024} KB), median of {runs}: "
          f"{median_ms:.2f} ms   (target ≤ 50 ms)")
