import logging
import os
import sys
import time
from collections.abc import Mapping, Sequence

from django.apps import AppConfig

log = logging.getLogger(__name__)

# The commands that run the queue's tasks (django-tasks-db's worker).
WORKER_COMMANDS = {"db_worker"}


def runs_the_worker(argv: Sequence[str], environ: Mapping[str, str], *, debug: bool) -> bool:
    """True in the process that will run report tasks: ``manage.py db_worker``; when it
    reloads on code changes (``--reload``, its default with DEBUG) only the child process
    runs tasks, the parent just watches the files."""
    if len(argv) < 2 or argv[1] not in WORKER_COMMANDS:
        return False
    reloads = "--batch" not in argv and (
        "--reload" in argv or ("--no-reload" not in argv and debug))
    return not reloads or environ.get("RUN_MAIN") == "true"


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Reports"

    def ready(self) -> None:
        # The worker starts Chromium and loads WeasyPrint before it polls the queue, so
        # that the first report after a start is as quick as the next ones (a task queued
        # meanwhile waits a few seconds in the queue). Not in a thread: plotly looks pandas
        # up half-imported when another thread is importing it.
        from django.conf import settings

        if runs_the_worker(sys.argv, os.environ, debug=settings.DEBUG):
            _warm_up()


def _warm_up() -> None:
    from reports.document.pdf import warm_up

    started = time.perf_counter()
    try:
        warm_up()
    except Exception:  # the first task reports the problem with its own clear error
        log.warning("the PDF worker could not warm up", exc_info=True)
    else:
        log.info("PDF worker warmed up in %.1f s", time.perf_counter() - started)
