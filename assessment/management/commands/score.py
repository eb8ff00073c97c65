import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from assessment import answer_file, clusters, scoring
from assessment.models import Dimension
from assessment.selectors import questionnaire_current, questionnaire_spec


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
        row, explanation = scoring.score_one(spec, parsed.answers)
        with translation.override(lang):
            names = {d.code: d.name for d in Dimension.objects.filter(questionnaire=questionnaire)}
            text = " ".join(clusters.explanation_sentences(explanation, names))
        out = {
            "dimensions": scoring.dimension_scores(row, spec.dimensions),
            "overall": round(float(row["overall"]), 1),
            "cluster": explanation["cluster"],
            "explanation": text,
            "dont_know": int(row["dont_know"]),
            "version": spec.version,
        }
        self.stdout.write(json.dumps(out, ensure_ascii=False, indent=2))
