import json

from django.core.management.base import BaseCommand

from assessment.management.cli import read_answers
from assessment.results import score_summary


class Command(BaseCommand):
    help = 'Scores an answers JSON file ({"answers": {code: 1-5 or "dont_know"}}); "-" reads stdin.'

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--lang", choices=["it", "en"], default="en")

    def handle(self, *args, file, lang, **options):
        questionnaire, parsed = read_answers(file)
        out = score_summary(questionnaire=questionnaire, answers=parsed.answers, language=lang)
        self.stdout.write(json.dumps(out, ensure_ascii=False, indent=2))
