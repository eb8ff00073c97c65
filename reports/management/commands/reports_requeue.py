"""Queues again the PDF reports whose worker died (run it every few minutes, e.g. from cron)."""

from django.core.management.base import BaseCommand

from reports.services import STALE_AFTER, reports_requeue_stale


class Command(BaseCommand):
    help = (f"Queues again every report left waiting or running for more than "
            f"{int(STALE_AFTER.total_seconds() // 60)} minutes by a worker that died.")

    def handle(self, *args, **options) -> None:
        count = reports_requeue_stale()
        self.stdout.write(f"{count} report(s) queued again")
