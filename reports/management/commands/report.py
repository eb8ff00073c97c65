from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from assessment import answer_file
from assessment.choices import Sector, SizeBand
from assessment.selectors import questionnaire_current, questionnaire_spec
from reports.builder import build_report
from reports.inputs import inputs_for_answers
from reports.pdf import ChartExportError, render_pdf


class Command(BaseCommand):
    help = "Writes the PDF report of an answers JSON file (the same file `score` reads)."

    def add_arguments(self, parser):
        parser.add_argument("file", help='answers JSON, or "-" for stdin')
        parser.add_argument("--out", required=True, help="PDF file to write")
        parser.add_argument("--lang", choices=["it", "en"], default="it")

    def handle(self, *args, file, out, lang, **options):
        try:
            questionnaire = questionnaire_current()
        except Exception as exc:
            raise CommandError(str(exc), returncode=2) from None
        spec = questionnaire_spec(questionnaire=questionnaire)
        try:
            parsed = answer_file.parse(answer_file.read_text(file), spec)
        except answer_file.AnswerFileError as exc:
            raise CommandError(str(exc), returncode=2) from None
        target = Path(out)
        if not target.parent.exists():
            raise CommandError(f"folder {target.parent} does not exist", returncode=2)
        with translation.override(lang):
            company = {"name": "", "sector": "", "size": "", "country": "", **parsed.company}
            company["sector_label"] = str(dict(Sector.choices).get(company["sector"], ""))
            company["size_label"] = str(dict(SizeBand.choices).get(company["size"], ""))
            company["country_label"] = company["country"]
            inputs = inputs_for_answers(questionnaire, parsed.answers, company, lang,
                                        timezone.now())
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
