from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django_countries import countries

from assessment.choices import Sector, SizeBand
from assessment.management.cli import read_answers
from reports.document.builder import build_report
from reports.document.inputs import inputs_for_answers
from reports.document.pdf import ChartExportError, render_pdf


def _check_writable(target: Path, out: str) -> None:
    """Exit 2 unless ``out`` can be written, before the PDF is rendered."""
    if not target.parent.exists():
        raise CommandError(f"folder {target.parent} does not exist", returncode=2)
    existed = target.exists()
    try:
        with target.open("ab"):
            pass
    except OSError as exc:
        raise CommandError(f"cannot write {out}: {exc.strerror}", returncode=2) from None
    if not existed:
        target.unlink()


class Command(BaseCommand):
    help = "Writes the PDF report of an answers JSON file (the same file `score` reads)."

    def add_arguments(self, parser):
        parser.add_argument("file", help='answers JSON, or "-" for stdin')
        parser.add_argument("--out", required=True, help="PDF file to write")
        parser.add_argument("--lang", choices=["it", "en"], default="it")

    def handle(self, *args, file, out, lang, **options):
        questionnaire, parsed = read_answers(file)
        target = Path(out)
        _check_writable(target, out)
        with translation.override(lang):
            company = {"name": "", "sector": "", "size": "", "country": "", **parsed.company}
            company["sector_label"] = str(dict(Sector.choices).get(company["sector"], ""))
            company["size_label"] = str(dict(SizeBand.choices).get(company["size"], ""))
            company["country_label"] = str(countries.name(company["country"])
                                           or company["country"])
            inputs = inputs_for_answers(questionnaire=questionnaire, answers=parsed.answers,
                                        company=company, language=lang, date=timezone.now())
            data = build_report(inputs)
        try:
            pdf = render_pdf(data)
        except ChartExportError as exc:
            raise CommandError(str(exc), returncode=2) from None
        try:
            target.write_bytes(pdf)
        except OSError as exc:
            raise CommandError(f"cannot write {out}: {exc.strerror}", returncode=2) from None
        self.stdout.write(f"{out}: {len(pdf) // 1024} KB, cluster {data.summary['cluster']}")
