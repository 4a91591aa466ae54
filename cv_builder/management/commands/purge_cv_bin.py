from django.core.management.base import BaseCommand
from django.db import transaction

from cv_builder.models import CV, CoverLetter
from cv_builder.models.cv import BIN_DAYS


class Command(BaseCommand):
    help = f"Erase for good the CVs and cover letters in the bin for more than {BIN_DAYS} days (run daily from cron)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be erased.")

    def handle(self, *args, dry_run=False, **options):
        expired = CV.objects.expired_bin()
        count = expired.count()
        if not dry_run:
            for cv in expired.iterator():
                with transaction.atomic():
                    cv.erase()
        letters = CoverLetter.objects.expired_bin()
        letter_count = letters.count()
        if not dry_run:
            for letter in letters.iterator():
                with transaction.atomic():
                    letter.erase()
        verb = "à effacer" if dry_run else "effacé(s)"
        self.stdout.write(f"{count} CV {verb} de la corbeille (plus de {BIN_DAYS} jours).")
        self.stdout.write(f"{letter_count} lettre(s) de motivation {verb} de la corbeille.")
