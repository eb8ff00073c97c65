import time

from django.core.management.base import BaseCommand, CommandError

from assessment.models import Assessment
from assessment.rescoring import assessments_rescore_all


class Command(BaseCommand):
    help = ("Re-scores every submitted assessment (optionally of one questionnaire version) "
            "in one vectorised pass with bulk writes.")

    def add_arguments(self, parser):
        parser.add_argument("--questionnaire", help="questionnaire version")

    def handle(self, *args, questionnaire=None, **options):
        qs = Assessment.objects.filter(submitted_at__isnull=False)
        if questionnaire:
            qs = qs.filter(questionnaire__version=questionnaire)
            if not qs.exists():
                raise CommandError(f"no assessments on version {questionnaire!r}", returncode=2)
        start = time.perf_counter()
        n = assessments_rescore_all(assessments=qs)
        self.stdout.write(f"{n} assessments re-scored in {time.perf_counter() - start:.2f} s")
