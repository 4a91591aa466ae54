"""Enqueue the periodic work of notifications: run it hourly (cron or a systemd timer), beside the worker.

manage.py notifications_tick            # the date checks: a vote opens, results are out, a link expires
manage.py notifications_tick --digest   # also the staff's daily digest (run it once a day, e.g. at 7:00)
"""

from django.core.management.base import BaseCommand

from accounts.tasks import run_periodic_checks, send_digests


class Command(BaseCommand):
    help = "Enqueue the periodic notification checks (and, with --digest, the staff's daily digest)."

    def add_arguments(self, parser):
        parser.add_argument("--digest", action="store_true", help="Also send the daily digest of staff alerts.")

    def handle(self, *args, digest=False, **options):
        results = [run_periodic_checks.enqueue()]
        if digest:
            results.append(send_digests.enqueue())
        for result in results:
            self.stdout.write(f"{result.task.name}: {result.status}")
