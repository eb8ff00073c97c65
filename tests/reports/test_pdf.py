"""The PDF: text, structure and tags, in both languages (needs Debian's Chromium)."""

import io

import pytest
from pypdf import PdfReader

from reports.document.pdf import render_pdf
from reports.rendering import report_data
from tests.factories import make_questionnaire, make_report_content
from tests.reports.test_builder import answered

pytestmark = pytest.mark.django_db


def pdf_text(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture(scope="module")
def pdfs(django_db_setup, django_db_blocker):
    """One assessment's report in both languages (made once: charts take a browser)."""
    with django_db_blocker.unblock():
        from django.db import transaction

        made = {}
        with transaction.atomic():
            make_questionnaire(per_dimension=3, version="pdf")
            make_report_content()
            assessment = answered({"STR01": 1, "DAT01": 2, "ORG01": 4}, default=2,
                                  name="Rossi & Figli <Spa>")
            for lang in ("en", "it"):
                data = report_data(assessment=assessment, language=lang)
                made[lang] = (data, render_pdf(data))
            transaction.set_rollback(True)
        return made


@pytest.mark.parametrize("lang,words", [
    ("en", ["Transformation roadmap", "KPI plan", "Action checklist", "Title A-STR-1",
            "Chief Experience Officer", "internal audit", "cross-functional team",
            "design every interaction", "department leaders", "Rossi & Figli <Spa>"]),
    ("it", ["Roadmap di trasformazione", "Piano dei KPI", "Checklist delle azioni",
            "Titolo A-STR-1", "Chief Experience Officer", "audit interno",
            "Tracciare e progettare", "responsabili di funzione", "team interfunzionale",
            "Rossi & Figli <Spa>"]),
])
def test_pdf_holds_cluster_roadmap_kpis_and_checklist(pdfs, lang, words):
    data, pdf = pdfs[lang]
    _, text = pdf_text(pdf)
    flat = " ".join(text.split())
    assert str(data.summary["cluster_name"]) in flat
    for kpi in data.kpi_plan:
        assert kpi["name"] in flat
    for word in words:
        assert word in flat, word


def test_pdf_is_tagged_with_language_and_title(pdfs):
    for lang in ("en", "it"):
        reader, _ = pdf_text(pdfs[lang][1])
        root = reader.trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"])
        assert "/StructTreeRoot" in root
        assert root["/Lang"] == lang
        assert "Rossi" in reader.metadata.title


def test_pdf_charts_are_vector(pdfs):
    reader, _ = pdf_text(pdfs["en"][1])
    # SVG charts become PDF drawing operators and text, not raster images
    images = sum(len(page.images) for page in reader.pages)
    assert images == 0


def test_a_missing_chromium_is_a_clear_error_naming_the_fix(monkeypatch):
    from reports.document import pdf

    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    with pytest.raises(pdf.ChartExportError) as exc:
        pdf.browser_path()
    assert "apt-get install chromium" in str(exc.value) and "BROWSER_PATH" in str(exc.value)


def test_report_command_exits_2_when_chromium_is_missing(monkeypatch, tmp_path):
    import json

    from django.core.management import CommandError, call_command

    from reports.document import pdf

    make_questionnaire(per_dimension=2, version="nochrome")
    monkeypatch.setattr(pdf, "_svg_cache", type(pdf._svg_cache)())  # nothing cached
    monkeypatch.setattr(pdf, "_started", False)
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    src = tmp_path / "a.json"
    src.write_text(json.dumps({"answers": {"STR01": 3}}))
    with pytest.raises(CommandError) as exc:
        call_command("report", str(src), "--out", str(tmp_path / "r.pdf"))
    assert exc.value.returncode == 2 and "apt-get install chromium" in str(exc.value)
