"""The first report of a new worker process, timed (run by ``manage.py bench`` as a child).

``python -m perf.first_report [--no-warm-up] [--lang en]`` sets Django up as the worker
does, warms up as the worker does when it starts (reports.apps) unless told not to, then
makes the standard report once and prints the times as JSON: ``warm_up`` (seconds spent
before the first click can be served) and ``first`` (click to PDF).
"""

from __future__ import annotations

import argparse
import json
import os
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-warm-up", action="store_true")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.utils import timezone, translation

    from assessment.management.cli import current_questionnaire
    from perf.report import COMPANY, standard_answers
    from reports.document.builder import build_report
    from reports.document.inputs import inputs_for_answers
    from reports.document.pdf import render_pdf, warm_up

    t0 = time.perf_counter()
    if not args.no_warm_up:
        warm_up()
    t1 = time.perf_counter()
    questionnaire = current_questionnaire()
    with translation.override(args.lang):
        data = build_report(inputs_for_answers(
            questionnaire=questionnaire, answers=standard_answers(questionnaire),
            company=dict(COMPANY), language=args.lang, date=timezone.now()))
    render_pdf(data)
    t2 = time.perf_counter()
    print(json.dumps({"warm_up": t1 - t0, "first": t2 - t1}))


if __name__ == "__main__":
    main()
