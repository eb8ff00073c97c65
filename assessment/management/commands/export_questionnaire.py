import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from assessment.models import Questionnaire
from assessment.selectors import questionnaire_export


class Command(BaseCommand):
    help = "Prints the current questionnaire as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--lang", choices=["it", "en"], default="it")
        parser.add_argument("--questionnaire", dest="qversion", metavar="VERSION",
                            help="a questionnaire version (default: the current one)")

    def handle(self, *args, lang, qversion=None, **options):
        qs = Questionnaire.objects.all()
        questionnaire = qs.filter(version=qversion).first() if qversion else qs.current()
        if questionnaire is None:
            raise CommandError("no such questionnaire: run `python manage.py load_content`",
                               returncode=2)
        with translation.override(lang):
            data = questionnaire_export(questionnaire=questionnaire)
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
