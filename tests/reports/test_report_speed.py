"""What makes the first report quick: the worker's warm-up, and the time the card promises."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from reports.apps import runs_the_worker
from reports.models import ReportFile
from reports.selectors import TYPICAL_DEFAULT_SECONDS, report_typical_seconds, typical_seconds
from tests.factories import answer, make_questionnaire, make_respondent


def test_typical_seconds_is_the_rounded_median_with_a_default():
    assert typical_seconds([]) == TYPICAL_DEFAULT_SECONDS
    assert typical_seconds([2.2, 9.0, 3.4]) == 3
    assert typical_seconds([2.5, 3.5]) == 3  # median 3.0
    assert typical_seconds([0.2]) == 1  # never "0 seconds"
    assert typical_seconds([-1.0, 4.5]) == 5  # a clock step backwards is ignored; halves up


@pytest.mark.parametrize("argv,environ,debug,warm", [
    (["manage.py", "db_worker", "--no-reload"], {}, True, True),
    (["manage.py", "db_worker"], {}, False, True),  # production: no reloader
    (["manage.py", "db_worker"], {}, True, False),  # the reloader's parent only watches
    (["manage.py", "db_worker"], {"RUN_MAIN": "true"}, True, True),  # its child works
    (["manage.py", "db_worker", "--reload"], {}, False, False),
    (["manage.py", "db_worker", "--batch"], {}, True, True),
    (["manage.py", "runserver"], {}, True, False),
    (["manage.py", "migrate"], {}, False, False),
    (["pytest"], {}, False, False),
])
def test_only_the_process_that_runs_tasks_warms_up(argv, environ, debug, warm):
    assert runs_the_worker(argv, environ, debug=debug) is warm


@pytest.mark.django_db
def test_the_card_says_how_long_reports_typically_take_here(client):
    make_questionnaire(per_dimension=2)
    respondent = make_respondent()
    answer(respondent, default=3)
    client.post(reverse("assessment:review", args=[respondent.token]))
    page = reverse("assessment:results", args=[respondent.token])
    html = " ".join(client.get(page).content.decode().split())
    assert f"it typically takes about {TYPICAL_DEFAULT_SECONDS} seconds" in html
    now = timezone.now()
    for seconds in (6.6, 7.2, 30.0):
        report = ReportFile.objects.create(
            assessment=respondent.assessment, language="it", fingerprint=f"old-{seconds}",
            status=ReportFile.Status.DONE)
        ReportFile.objects.filter(pk=report.pk).update(
            created_at=now - timedelta(seconds=seconds), finished_at=now)
    assert report_typical_seconds() == 7
    html = " ".join(client.get(page).content.decode().split())
    assert "it typically takes about 7 seconds" in html
    client.cookies["django_language"] = "it"
    with translation.override("it"):
        html = " ".join(client.get(page).content.decode().split())
    assert "di solito servono circa 7 secondi" in html


def test_warm_up_starts_the_browser_once_and_then_reuses_it(monkeypatch):
    import kaleido

    from reports.document import pdf

    starts = []
    real_start = kaleido.start_sync_server

    def counted(*args, **kwargs):
        starts.append(1)
        return real_start(*args, **kwargs)

    monkeypatch.setattr(kaleido, "start_sync_server", counted)
    monkeypatch.setattr(pdf, "_svg_cache", type(pdf._svg_cache)())
    was_started = pdf._started
    pdf.warm_up()
    assert pdf._started and len(pdf._svg_cache) == 2  # both warm-up charts exported
    pdf.warm_up()
    assert len(starts) == (0 if was_started else 1)
    # Once warm, a report's chart goes through the running browser without a new start.
    import plotly.graph_objects as go

    svg = pdf.figure_svgs({"one": go.Figure(go.Bar(x=[3], y=["a"]))})["one"]
    assert svg.lstrip().startswith("<svg") and len(starts) == (0 if was_started else 1)
