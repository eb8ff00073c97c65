from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django_countries import countries

from assessment.choices import Sector, SizeBand
from assessment.management.cli import read_answers
from reports.document.builder import ReportData, build_report
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


def answer_sources(names: list[str]) -> list[str]:
    """The answers files named: files as given, a folder's ``*.json`` files in name order,
    or "-" (stdin) alone. Exit 2 for a missing path or a folder without answers."""
    if "-" in names and len(names) > 1:
        raise CommandError('"-" (stdin) cannot be combined with other files', returncode=2)
    sources: list[str] = []
    for name in names:
        path = Path(name)
        if name == "-" or path.is_file():
            sources.append(name)
        elif path.is_dir():
            found = sorted(str(p) for p in path.glob("*.json") if p.is_file())
            if not found:
                raise CommandError(f"folder {name} has no answers files (*.json)", returncode=2)
            sources.extend(found)
        else:
            raise CommandError(f"{name} does not exist", returncode=2)
    return list(dict.fromkeys(sources))


def pdf_targets(sources: list[str], out: str) -> list[Path]:
    """Where each source's PDF goes: ``out`` itself for one file, else ``out`` is a folder
    and each PDF is named after its answers file. Exit 2 when they cannot be written."""
    if len(sources) == 1 and not Path(out).is_dir():
        targets = [Path(out)]
    else:
        if not Path(out).is_dir():
            raise CommandError(f"with several answers files --out must be a folder: {out}",
                               returncode=2)
        targets = [Path(out) / f"{Path(source).stem}.pdf" for source in sources]
        clash = next((t for i, t in enumerate(targets) if t in targets[:i]), None)
        if clash is not None:
            raise CommandError(f"two answers files would both write {clash}", returncode=2)
    for target in targets:
        _check_writable(target, str(target))
    return targets


def _report_data(source: str, lang: str) -> ReportData:
    """The report of one answers file (exit 2 when its answers are not valid)."""
    questionnaire, parsed = read_answers(source)
    with translation.override(lang):
        company = {"name": "", "sector": "", "size": "", "country": "", **parsed.company}
        company["sector_label"] = str(dict(Sector.choices).get(company["sector"], ""))
        company["size_label"] = str(dict(SizeBand.choices).get(company["size"], ""))
        company["country_label"] = str(countries.name(company["country"])
                                       or company["country"])
        inputs = inputs_for_answers(questionnaire=questionnaire, answers=parsed.answers,
                                    company=company, language=lang, date=timezone.now())
        return build_report(inputs)


class Command(BaseCommand):
    help = ("Writes the PDF report of answers JSON files (the files `score` reads): one "
            "file to --out, or several files or folders, one PDF each into the folder --out, "
            "all in one process (the browser that draws the charts starts once).")

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="file",
                            help='answers JSON files or folders of them, or "-" for stdin')
        parser.add_argument("--out", required=True,
                            help="PDF file to write (one answers file) or folder (several)")
        parser.add_argument("--lang", choices=["it", "en"], default="it")

    def handle(self, *args, files, out, lang, **options):
        sources = answer_sources(files)
        targets = pdf_targets(sources, out)
        # Every file is read and checked before the first PDF: a bad one writes nothing.
        reports = [_report_data(source, lang) for source in sources]
        for target, data in zip(targets, reports, strict=True):
            try:
                pdf = render_pdf(data)
            except ChartExportError as exc:
                raise CommandError(str(exc), returncode=2) from None
            try:
                target.write_bytes(pdf)
            except OSError as exc:
                raise CommandError(f"cannot write {target}: {exc.strerror}",
                                   returncode=2) from None
            self.stdout.write(f"{target}: {len(pdf) // 1024} KB, "
                              f"cluster {data.summary['cluster']}")
