"""Typo-tolerant search on PostgreSQL: the pg_trgm extension (nothing happens on SQLite)."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("home", "0005_no_default_workflow")]

    # CreateExtension does nothing on a database other than PostgreSQL.
    operations = [TrigramExtension()]
