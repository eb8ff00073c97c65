from django.core.management.base import BaseCommand, CommandError

from benchmark.export import FORMATS, csv_lines, xlsx_write
from benchmark.forms import BenchmarkFilterForm
from benchmark.queries import dimensions_for, export_header, export_rows, filter_choices


class Command(BaseCommand):
    help = ("Exports the benchmark data, one row per scored assessment (company, scores, "
            "cluster), with the dashboard's filters.")

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=FORMATS, default="csv")
        parser.add_argument("--out", help="file to write (default: standard output, CSV only)")
        parser.add_argument("--sector", default="")
        parser.add_argument("--size", default="")
        parser.add_argument("--country", default="", help="ISO code, such as IT")
        parser.add_argument("--wave", default="", help='wave number (1 = first) or "latest"')
        parser.add_argument("--year", default="", help="year the assessment was started")
        parser.add_argument("--questionnaire", default="", help="questionnaire version")

    def handle(self, *args, format, out, **options):
        versions = filter_choices().versions
        data = {k: options[k] for k in ("sector", "size", "wave", "year", "questionnaire")}
        data["country"] = options["country"].upper()
        form = BenchmarkFilterForm(data, versions=versions)
        if not form.is_valid():
            raise CommandError(form.error_line(), returncode=2)
        if format == "xlsx" and not out:
            raise CommandError("--format xlsx needs --out FILE", returncode=2)
        filters = form.filters()
        dims = [code for code, _ in dimensions_for(version=filters.questionnaire)]
        if not dims:
            raise CommandError("no questionnaire is published: run `manage.py load_content`",
                               returncode=2)
        header = export_header(dims)
        rows = export_rows(filters=filters, dimensions=dims)
        counted = _Counter(rows)
        try:
            if format == "xlsx":
                with open(out, "wb") as fh:
                    xlsx_write(header, counted, fh)
            else:
                if out:
                    with open(out, "w", newline="", encoding="utf-8") as fh:
                        fh.writelines(csv_lines(header, counted))
                else:
                    for line in csv_lines(header, counted):
                        self.stdout.write(line, ending="")
        except OSError as exc:
            raise CommandError(f"cannot write {out}: {exc.strerror}", returncode=2) from None
        if out:
            self.stderr.write(f"{counted.n} rows written to {out}")


class _Counter:
    """Passes rows through, counting them."""

    def __init__(self, rows):
        self.rows, self.n = rows, 0

    def __iter__(self):
        for row in self.rows:
            self.n += 1
            yield row
