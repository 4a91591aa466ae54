"""Load the demo content: idempotent, development only.

Each app with a `demo` module contributes: `demo.seed(stdout)` creates what is missing
and returns lines for the summary printed at the end (demo logins, voting codes, ...).
Apps run in INSTALLED_APPS order, so `home` (the centres) comes first.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


def demo_modules():
    for config in apps.get_app_configs():
        if find_spec(f"{config.name}.demo") is not None and config.name.count(".") == 0:
            yield import_module(f"{config.name}.demo")


class Command(BaseCommand):
    help = "Create the demo centres, pages, accounts and examples (idempotent, development only)."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_PASSWORDS_ENABLED", False):
            raise CommandError(
                "Les données de démonstration ne se chargent qu'en développement "
                "(DJANGO_SETTINGS_MODULE=config.settings.dev)."
            )
        summary = []
        for module in demo_modules():
            with transaction.atomic():
                lines = module.seed(self.stdout) or []
            if lines:
                summary.append(lines)
        self.stdout.write(self.style.SUCCESS("Données de démonstration prêtes."))
        for lines in summary:
            self.stdout.write("")
            for line in lines:
                self.stdout.write(line)
