import os

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from assessment.choices import Mode
from assessment.management.cli import object_by_id
from assessment.models import Assessment, Company, Questionnaire
from workshops.imports import answers_import, import_limits
from workshops.reading import check_size
from workshops.services import assessment_create
from workshops.table import TableRejected


class Command(BaseCommand):
    help = ("Imports participants' answers from a CSV or XLSX file into a company's "
            "assessment (a new workshop assessment unless --assessment is given); "
            "all rows or none. Prints the assessment id.")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--company", required=True, help="the company's exact name")
        parser.add_argument("--assessment", help="an assessment of that company")
        parser.add_argument("--lang", choices=["it", "en"], default="it",
                            help="language of a new assessment")

    def handle(self, *args, file, company, assessment, lang, **options):
        data = self._read(file)
        companies = list(Company.objects.filter(name__iexact=company.strip())[:2])
        if len(companies) != 1:
            problem = "no company" if not companies else "more than one company"
            raise CommandError(f"{problem} named {company!r}", returncode=2)
        try:
            with transaction.atomic():  # a new assessment goes too if the file is refused
                target = self._target(companies[0], assessment, lang)
                result = answers_import(assessment=target, name=file, data=data)
        except TableRejected as exc:
            raise CommandError(f"nothing imported: {exc}", returncode=2) from None
        self.stderr.write(f"imported {result.created + result.updated} participants, "
                          f"{result.answers} answers")
        self.stdout.write(str(target.pk))

    @staticmethod
    def _read(file: str) -> bytes:
        """The file's bytes, its size checked before it is read."""
        limit = import_limits().max_bytes
        try:
            with open(file, "rb") as handle:
                check_size(os.fstat(handle.fileno()).st_size, import_limits())
                data = handle.read(limit + 1)  # a file that grows is still bounded
                check_size(len(data), import_limits())
        except OSError as exc:
            raise CommandError(f"cannot read {file}: {exc.strerror}", returncode=2) from None
        except TableRejected as exc:
            raise CommandError(f"nothing imported: {exc}", returncode=2) from None
        return data

    def _target(self, company: Company, assessment: str | None, lang: str) -> Assessment:
        if assessment is not None:
            target = object_by_id(Assessment.objects.all(), assessment, what="an assessment")
            if target.company_id != company.pk:
                raise CommandError(f"assessment {target.pk} is not an assessment of "
                                   f"{company.name}", returncode=2)
            if target.mode != Mode.WORKSHOP:
                raise CommandError(f"assessment {target.pk} is a self-assessment: answers "
                                   f"can be imported into a workshop only", returncode=2)
            return target
        try:
            return assessment_create(company=company, mode=Mode.WORKSHOP, language=lang)
        except Questionnaire.DoesNotExist as exc:
            raise CommandError(str(exc), returncode=2) from None
