import json

from django.core.management.base import BaseCommand, CommandError

from assessment.models import Assessment
from assessment.workshop_export import assessment_export


class Command(BaseCommand):
    help = ("Prints an assessment's workshop as JSON: participants, consensus scores, "
            "each question's levels by participant and spread, and the hot-spots.")

    def add_arguments(self, parser):
        parser.add_argument("id")
        parser.add_argument("--lang", choices=["it", "en"], default="en")

    def handle(self, *args, id, lang, **options):
        if not id.isdigit() or len(id) > 18:
            raise CommandError(f"not an assessment id: {id[:40]!r}", returncode=2)
        assessment = Assessment.objects.select_related("questionnaire").filter(pk=int(id)).first()
        if assessment is None:
            raise CommandError(f"no assessment {id}", returncode=2)
        out = assessment_export(assessment=assessment, language=lang)
        self.stdout.write(json.dumps(out, ensure_ascii=False, indent=2))
