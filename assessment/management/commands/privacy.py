import json

from django.core.management.base import BaseCommand, CommandError

from assessment.models import Respondent
from assessment.privacy import respondent_erase, respondent_export


class Command(BaseCommand):
    help = ("A respondent's personal data on request: `export` prints it as JSON, `erase` "
            "removes name, e-mail, role, link and answer history (the scores stay).")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("id")

    def handle(self, *args, action, id, **options):
        if not id.isascii() or not id.isdigit() or len(id) > 18:
            raise CommandError(f"not a respondent id: {id[:40]!r}", returncode=2)
        respondent = (Respondent.objects
                      .select_related("assessment__company", "assessment__questionnaire")
                      .filter(pk=int(id)).first())
        if respondent is None:
            raise CommandError(f"no respondent {id}", returncode=2)
        if action == "export":
            self.stdout.write(json.dumps(respondent_export(respondent=respondent),
                                         ensure_ascii=False, indent=2))
        else:
            respondent_erase(respondent=respondent)
            self.stdout.write(f"respondent {id}: personal data erased")
