import json

from django.core.management.base import BaseCommand

from assessment.management.cli import object_by_id
from assessment.models import Assessment
from workshops.export import assessment_export


class Command(BaseCommand):
    help = ("Prints an assessment's workshop as JSON: participants, consensus scores, "
            "each question's levels by participant and spread, and the hot-spots.")

    def add_arguments(self, parser):
        parser.add_argument("id")
        parser.add_argument("--lang", choices=["it", "en"], default="en")

    def handle(self, *args, id, lang, **options):
        assessment = object_by_id(Assessment.objects.select_related("questionnaire"), id,
                                  what="an assessment")
        out = assessment_export(assessment=assessment, language=lang)
        self.stdout.write(json.dumps(out, ensure_ascii=False, indent=2))
