from django.core.management.base import BaseCommand

from home.centre_groups import ensure_all_centre_groups


class Command(BaseCommand):
    help = "Create or repair the staff group, collection and permissions of every centre (idempotent)."

    def handle(self, *args, **options):
        groups = ensure_all_centre_groups()
        self.stdout.write(self.style.SUCCESS(f"{len(groups)} centre group(s) up to date."))
