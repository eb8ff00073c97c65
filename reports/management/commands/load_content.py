from django.core.management.base import BaseCommand, CommandError

from assessment.content import ContentError, questionnaire_load


class Command(BaseCommand):
    help = "Loads (idempotently) the questionnaire and the product content from fixtures/."

    def handle(self, *args, **options):
        try:
            report = questionnaire_load()
        except ContentError as exc:
            raise CommandError(str(exc), returncode=2) from None
        state = "created" if report.created else ("texts refreshed, in use" if report.locked
                                                 else "updated")
        self.stdout.write(f"questionnaire {report.version}: {report.questions} questions ({state})")
        for loader in self._more_loaders():
            try:
                self.stdout.write(loader())
            except ContentError as exc:
                raise CommandError(str(exc), returncode=2) from None

    def _more_loaders(self):
        """Other apps' content loaders (reports: actions, KPIs, references)."""
        try:
            from reports.content import content_load
        except ImportError:
            return []
        return [content_load]
