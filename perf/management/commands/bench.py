"""Benchmarks printed by `make bench`; each section says what it measures."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.template import engines
from django.test import Client, override_settings
from django.urls import path, reverse

from assessment.management.cli import current_questionnaire
from assessment.models import Dimension, Question
from perf.timing import measure_interleaved

FLOOR_HTML: dict = {}


def floor_view(request):
    from django.http import HttpResponse

    return HttpResponse(FLOOR_HTML["template"].render({}, request))


class BenchUrls:
    """The product's URLs plus the floor: the same HTML from a static template, no database."""

    from config.urls import urlpatterns as _product

    urlpatterns = [path("__floor__/", floor_view), *_product]


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = ("Prints benchmark figures: the survey page against its static floor, the "
            "standard PDF report against WeasyPrint alone, serving a stored report, and "
            "the benchmark dashboard at scale (PostgreSQL).")
    SECTIONS = ("survey", "report", "scale")

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=500, help="survey page requests")
        parser.add_argument("--report-runs", type=int, default=5)
        parser.add_argument("--companies", type=int, default=10000, help="scale section")
        parser.add_argument("--only", nargs="+", choices=self.SECTIONS, default=self.SECTIONS)

    def handle(self, *args, runs, report_runs, companies, only, **options):
        if runs < 1 or report_runs < 1 or companies < 1:
            raise CommandError("--runs, --report-runs and --companies must be ≥ 1", returncode=2)
        questionnaire = current_questionnaire()
        write = self.stdout.write
        # Everything made here is rolled back: the benchmark leaves the database as it was.
        try:
            # Throttling stays on (its cost is part of the page) with limits no run reaches.
            rates = {name: "1000000000/m" for name in settings.THROTTLE_RATES}
            with transaction.atomic(), override_settings(
                ROOT_URLCONF=BenchUrls, DEBUG=False, ALLOWED_HOSTS=["testserver"],
                THROTTLE_RATES=rates,
            ):
                if "survey" in only:
                    self._survey_page(questionnaire, runs)
                if "report" in only:
                    self._report(questionnaire, report_runs)
                raise Rollback
        except Rollback:
            pass
        if "scale" in only:
            from perf.scale import bench_scale

            bench_scale(write, companies=companies)

    def _report(self, questionnaire, runs):
        from assessment.services import assessment_score, assessment_start
        from perf.report import (
            bench_first_and_batch,
            bench_report,
            bench_stored_report,
            standard_answers,
        )
        from reports.document.pdf import ChartExportError

        try:
            bench_report(self.stdout.write, questionnaire=questionnaire, runs=runs)
            bench_first_and_batch(self.stdout.write, questionnaire=questionnaire)
        except ChartExportError as exc:
            raise CommandError(str(exc), returncode=2) from None
        respondent = assessment_start(
            company={"name": "Bench", "sector": "retail", "size": "large", "country": "IT"},
            role="CEO", language="en",
        )
        answers = standard_answers(questionnaire)
        assessment_score(assessment=respondent.assessment, levels={
            c: (None if v == "dont_know" else v) for c, v in answers.items()})
        from reports.document.pdf import render_pdf
        from reports.rendering import report_data

        pdf = render_pdf(report_data(assessment=respondent.assessment, language="en"))
        bench_stored_report(self.stdout.write, respondent=respondent, pdf=pdf)

    def _survey_page(self, questionnaire, runs):
        from assessment.services import answers_save, assessment_start

        respondent = assessment_start(
            company={"name": "Bench", "sector": "retail", "size": "large", "country": "IT"},
            role="CEO", language="en",
        )
        dims = list(Dimension.objects.filter(questionnaire=questionnaire).order_by("order"))
        step, dim = next(((i, d) for i, d in enumerate(dims, start=1)
                          if d.questions.count() == 10), (1, dims[0]))
        # Half of the page answered, as in the middle of a session.
        answers_save(respondent=respondent, values={
            str(q.id): str(q.options.get(level=3).id)
            for q in Question.objects.filter(dimension=dim).order_by("order")[:5]
        })
        client = Client()
        client.cookies["django_language"] = "en"
        url = reverse("assessment:dimension", args=[respondent.token, step])
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        html = response.content.decode()
        FLOOR_HTML["template"] = engines["django"].from_string(
            "{% verbatim %}" + html + "{% endverbatim %}"
        )
        floor = client.get("/__floor__/")
        assert floor.content.decode() == html, "the floor must produce the same HTML"

        # Page and floor take turns, so that the machine's ups and downs touch both.
        timings = measure_interleaved(
            {"page": lambda: client.get(url), "floor": lambda: client.get("/__floor__/")}, runs)
        page, base = timings["page"], timings["floor"]
        self.stdout.write(
            f"survey page ({dim.questions.count()} questions, {dim.code}), {runs} requests "
            "each through Django's full middleware stack, in-process, page and floor taking "
            "turns:\n"
            f"  page : median {page.median_ms:.2f} ms, p95 {page.p95_ms:.2f} ms, "
            f"{page.per_second:.0f} req/s\n"
            f"  floor: median {base.median_ms:.2f} ms, p95 {base.p95_ms:.2f} ms, "
            f"{base.per_second:.0f} req/s (static template, same HTML, no database)\n"
            f"  throughput ratio page/floor: {page.per_second / base.per_second:.2f} "
            "(target ≥ 0.80); page median target ≤ 10 ms"
        )
