from django.core.management.base import BaseCommand

from home.backup import backup


class Command(BaseCommand):
    help = "Back up the database and every media file into a folder, with a manifest of row counts."

    def add_arguments(self, parser):
        parser.add_argument("target", help="folder to write (created if missing)")
        parser.add_argument("--no-media", action="store_true", help="database only (sync the bucket separately)")

    def handle(self, target, no_media=False, **options):
        manifest = backup(target, include_media=not no_media)
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            f"Sauvegarde écrite dans {target} : {len(manifest['counts'])} tables, {rows} lignes, "
            f"{len(manifest['media'])} fichiers."
        )
