import json

from django.core.management.base import BaseCommand, CommandError

from assessment import answer_file
from assessment.selectors import questionnaire_current, questionnaire_spec
from assessment.workshop_export import score_summary


class Command(BaseCommand):
    help = 'Scores an answers JSON file ({"answers": {code: 1-5 or "dont_know"}}); "-" reads stdin.'

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--lang", choices=["it", "en"], default="en")

    def handle(self, *args, file, lang, **options):
        try:
            questionnaire = questionnaire_current()
        except Exception as exc:
            raise CommandError(str(exc), returncode=2) from None
        spec = questionnaire_spec(questionnaire=questionnaire)
        try:
            parsed = answer_file.parse(answer_file.read_text(file), spec)
        except answer_file.AnswerFileError as exc:
            raise CommandError(str(exc), returncode=2) from None
        out = score_summary(questionnaire=questionnaire, answers=parsed.answers, language=lang)
        self.stdout.write(json.dumps(out, ensure_ascii=False, indent=2))
