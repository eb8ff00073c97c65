from django.core.management.base import BaseCommand, CommandError

from assessment.content import ContentError, questionnaire_load
from reports.content import content_load


class Command(BaseCommand):
    help = "Loads (idempotently) the questionnaire and the product content from fixtures/."

    def handle(self, *args, **options):
        try:
            report = questionnaire_load()
            state = "created" if report.created else ("texts refreshed, in use" if report.locked
                                                     else "updated")
            self.stdout.write(f"questionnaire {report.version}: {report.questions} questions "
                              f"({state})")
            self.stdout.write(content_load())
        except ContentError as exc:
            raise CommandError(str(exc), returncode=2) from None
