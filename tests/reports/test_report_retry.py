"""PDF reports survive a killed worker and a failed render: queued again, then made."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from assessment.services import respondent_submit
from reports.models import ReportFile
from reports.services import STALE_AFTER, report_request
from tests.factories import answer, make_questionnaire, make_report_content, make_respondent

# The worker closes its database connection after a task, as in production: each test
# commits for real (a rolled-back test transaction would be lost with the connection).
pytestmark = pytest.mark.django_db(transaction=True)

LONG_AGO = timedelta(minutes=30)


@pytest.fixture
def respondent(db):
    make_questionnaire(per_dimension=3)
    make_report_content()
    respondent = make_respondent(name="Verdi Retail")
    answer(respondent, default=2)
    assert respondent_submit(respondent=respondent).ok
    return respondent


@pytest.fixture
def fake_pdf(monkeypatch):
    """The PDF itself is tested in test_pdf.py; here only whether it gets made."""
    monkeypatch.setattr("reports.rendering.render_pdf", lambda data: b"%PDF-1.7 made")


def request_report(respondent, django_capture_on_commit_callbacks) -> ReportFile:
    with django_capture_on_commit_callbacks(execute=True):
        report_request(assessment=respondent.assessment, language="en")
    return ReportFile.objects.defer("pdf").get()


def kill_worker(report: ReportFile, *, task_status=TaskResultStatus.RUNNING,
                ago=LONG_AGO) -> None:
    """What a worker killed mid-render leaves behind: both rows 'running', long ago."""
    then = timezone.now() - ago
    DBTaskResult.objects.filter(id=report.task_id).update(
        status=task_status, started_at=then, worker_ids=["killed-worker"])
    ReportFile.objects.filter(id=report.id).update(status=ReportFile.Status.RUNNING,
                                                   created_at=then)


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_report_of_a_killed_worker_is_queued_again_when_requested_and_completes(
        respondent, django_capture_on_commit_callbacks):
    report = request_report(respondent, django_capture_on_commit_callbacks)
    dead_task = report.task_id
    kill_worker(report)

    report = request_report(respondent, django_capture_on_commit_callbacks)
    assert report.status == ReportFile.Status.PENDING
    assert report.task_id and report.task_id != dead_task
    run_worker()  # a real render, as a new worker would do it

    report = ReportFile.objects.get()
    assert report.status == ReportFile.Status.DONE, report.error
    assert bytes(report.pdf).startswith(b"%PDF-")


@pytest.mark.parametrize("task_status", [TaskResultStatus.RUNNING, TaskResultStatus.FAILED,
                                         TaskResultStatus.SUCCESSFUL])
def test_sweep_command_queues_reports_of_dead_workers_again(
        respondent, fake_pdf, django_capture_on_commit_callbacks, task_status, capsys):
    report = request_report(respondent, django_capture_on_commit_callbacks)
    kill_worker(report, task_status=task_status)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("reports_requeue")
    assert "1 report(s) queued again" in capsys.readouterr().out
    run_worker()
    assert ReportFile.objects.get().status == ReportFile.Status.DONE


def test_report_still_rendering_or_waiting_is_left_alone(
        respondent, fake_pdf, django_capture_on_commit_callbacks, capsys):
    report = request_report(respondent, django_capture_on_commit_callbacks)
    kill_worker(report, ago=STALE_AFTER - timedelta(minutes=1))  # a slow but live worker

    again = request_report(respondent, django_capture_on_commit_callbacks)
    call_command("reports_requeue")
    assert "0 report(s) queued again" in capsys.readouterr().out
    assert again.status == ReportFile.Status.RUNNING and again.task_id == report.task_id
    assert DBTaskResult.objects.count() == 1


def test_waiting_report_without_a_free_worker_is_not_queued_twice(
        respondent, django_capture_on_commit_callbacks):
    report = request_report(respondent, django_capture_on_commit_callbacks)
    ReportFile.objects.filter(id=report.id).update(created_at=timezone.now() - LONG_AGO)
    request_report(respondent, django_capture_on_commit_callbacks)
    assert DBTaskResult.objects.count() == 1


def test_failed_render_shows_the_error_and_a_retry_that_makes_the_report(
        client, respondent, monkeypatch, django_capture_on_commit_callbacks):
    def broken(data):
        raise RuntimeError("chart export timed out")

    monkeypatch.setattr("reports.rendering.render_pdf", broken)
    request_report(respondent, django_capture_on_commit_callbacks)
    run_worker()
    assert ReportFile.objects.get().status == ReportFile.Status.FAILED

    token = respondent.token
    status = client.get(reverse("reports:status", args=[token]), {"language": "en"}).json()
    assert status["status"] == "failed" and "could not be made" in status["error"]
    page = client.get(reverse("assessment:results", args=[token]) + "?report=en")
    html = page.content.decode()
    assert "The report could not be made. Please try again." in html
    assert 'id="report-error" role="alert" class="text-danger small"' in html  # shown
    assert 'id="report-form"\n          class="d-flex flex-wrap gap-2 align-items-center"' in html

    monkeypatch.setattr("reports.rendering.render_pdf", lambda data: b"%PDF-1.7 made")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:start", args=[token]), {"language": "en"})
    assert response.status_code == 302
    assert ReportFile.objects.get().status == ReportFile.Status.PENDING
    run_worker()
    report = ReportFile.objects.get()
    assert report.status == ReportFile.Status.DONE and report.error == ""


def test_status_of_a_report_whose_worker_died_offers_a_retry(
        client, respondent, django_capture_on_commit_callbacks):
    kill_worker(request_report(respondent, django_capture_on_commit_callbacks))
    status = client.get(reverse("reports:status", args=[respondent.token]),
                        {"language": "en"}).json()
    assert status["status"] == "failed" and "interrupted" in status["error"]
