import json

from django.core.management.base import BaseCommand

from assessment.answers.privacy import respondent_erase, respondent_export
from assessment.management.cli import object_by_id
from assessment.models import Respondent


class Command(BaseCommand):
    help = ("A respondent's personal data on request: `export` prints it as JSON, `erase` "
            "removes name, e-mail, role, link and answer history (the scores stay).")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("id")

    def handle(self, *args, action, id, **options):
        respondent = object_by_id(
            Respondent.objects.select_related("assessment__company", "assessment__questionnaire"),
            id, what="a respondent")
        if action == "export":
            self.stdout.write(json.dumps(respondent_export(respondent=respondent),
                                         ensure_ascii=False, indent=2))
        else:
            respondent_erase(respondent=respondent)
            self.stdout.write(f"respondent {id}: personal data erased")
