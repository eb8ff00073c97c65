"""Background tasks (Django's tasks API on the database-backed queue)."""

from django_tasks import task

from reports.rendering import report_make


@task()
def report_render(report_id: int) -> None:
    report_make(report_id=report_id)
