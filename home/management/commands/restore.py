from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from home.backup import database_from_url, read_manifest, restore_database, restore_media


class Command(BaseCommand):
    help = (
        "Restore a folder written by `backup`, then compare every table's row count with the manifest. "
        "With --database-url, into that (fresh) database: a restore drill that leaves the site alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="folder written by `manage.py backup`")
        parser.add_argument("--database-url", help="restore into this database instead of the configured one")
        parser.add_argument("--no-media", action="store_true", help="leave the media storage alone")
        parser.add_argument("--yes", action="store_true", help="replace the configured database without asking")

    def handle(self, source, database_url=None, no_media=False, yes=False, **options):
        try:
            manifest = read_manifest(source)
        except (OSError, ValueError) as error:
            raise CommandError(f"Pas de sauvegarde lisible dans {source} : {error}")
        if database_url:
            database = database_from_url(database_url)
        else:
            if not yes:
                raise CommandError("Cela remplace la base de données du site : relancez avec --yes pour confirmer.")
            database = connection.settings_dict
            connection.close()
        counts = restore_database(source, database)
        different = {
            table: (expected, counts.get(table))
            for table, expected in manifest["counts"].items()
            if counts.get(table) != expected
        }
        if different:
            raise CommandError(f"Restauration incomplète, lignes attendues/trouvées : {different}")
        media = [] if no_media or database_url else restore_media(source)
        self.stdout.write(
            f"Restauration vérifiée : {len(counts)} tables, {sum(counts.values())} lignes, {len(media)} fichiers."
        )
