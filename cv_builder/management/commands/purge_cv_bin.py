from django.core.management.base import BaseCommand
from django.db import transaction

from cv_builder.models import CV
from cv_builder.models.cv import BIN_DAYS


class Command(BaseCommand):
    help = f"Erase for good the CVs that have been in the bin for more than {BIN_DAYS} days (run daily from cron)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be erased.")

    def handle(self, *args, dry_run=False, **options):
        expired = CV.objects.expired_bin()
        count = expired.count()
        if not dry_run:
            for cv in expired.iterator():
                with transaction.atomic():
                    cv.erase()
        verb = "à effacer" if dry_run else "effacé(s)"
        self.stdout.write(f"{count} CV {verb} de la corbeille (plus de {BIN_DAYS} jours).")
