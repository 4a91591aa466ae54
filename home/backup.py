"""Backups: the database (pg_dump, or SQLite's online backup) and every media file, with a manifest
of row counts per table so a restore can prove it brought everything back.

    manage.py backup /backups/2026-12-02        # writes database.*, media/, manifest.json
    manage.py restore /backups/2026-12-02 --database-url postgres://.../csc_drill   # a drill
    manage.py restore /backups/2026-12-02 --yes  # into the configured database and storage

Media are read and written through the configured storage (disk or bucket), so the same
commands work on one machine and with object storage. For a very large bucket, a bucket-side
copy (`aws s3 sync`, `rclone sync`) plus `backup --no-media` is faster (docs/operators.md, production).
"""

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import dj_database_url
from django.apps import apps
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"
PG_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_DIR = "media"
SKIPPED_MEDIA = ("health/",)  # the health check's own probes


def table_names():
    names = set()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            names.add(model._meta.db_table)
    return sorted(names)


def row_counts(cursor, tables):
    counts = {}
    for table in tables:
        quoted = '"' + table.replace('"', '""') + '"'
        cursor.execute(f"SELECT count(*) FROM {quoted}")  # noqa: S608 (table names from the models)
        counts[table] = cursor.fetchone()[0]
    return counts


def pg_env_and_args(database):
    """libpq arguments for a Django database settings dict; the password goes by environment."""
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    args = ["--host", database.get("HOST") or "127.0.0.1", "--port", str(database.get("PORT") or 5432)]
    if database.get("USER"):
        args += ["--username", database["USER"]]
    return env, args


def client_program(name):
    path = shutil.which(name)
    if path is None:
        raise RuntimeError(f"{name} is missing: install PostgreSQL's client programs (Debian: postgresql-client).")
    return path


def walk_media(storage, folder=""):
    directories, files = storage.listdir(folder)
    for name in files:
        path = f"{folder}{name}"
        if not path.startswith(SKIPPED_MEDIA):
            yield path
    for directory in directories:
        yield from walk_media(storage, f"{folder}{directory}/")


def backup(target, include_media=True):
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    database = connection.settings_dict
    if connection.vendor == "postgresql":
        env, args = pg_env_and_args(database)
        subprocess.run(  # noqa: S603 (fixed program, arguments from the settings)
            [
                client_program("pg_dump"),
                *args,
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(target / PG_DUMP),
                database["NAME"],
            ],
            env=env,
            check=True,
        )
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target / SQLITE_COPY) as copy:
            connection.connection.backup(copy)
    else:
        raise RuntimeError(f"No backup method for {connection.vendor}")
    tables = table_names()
    with connection.cursor() as cursor:
        counts = row_counts(cursor, tables)
    media = []
    if include_media:
        for name in walk_media(default_storage):
            destination = target / MEDIA_DIR / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(name, "rb") as source, open(destination, "wb") as out:
                shutil.copyfileobj(source, out)
            media.append(name)
    manifest = {
        "created": timezone.now().isoformat(),
        "database": connection.vendor,
        "counts": counts,
        "media": media,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return manifest


def read_manifest(source):
    return json.loads((Path(source) / MANIFEST).read_text())


def restore_database(source, database):
    """Loads the dump into `database` (a Django settings dict); returns that database's row counts."""
    source = Path(source)
    manifest = read_manifest(source)
    engine = database["ENGINE"]
    if manifest["database"] == "postgresql":
        if not engine.endswith("postgresql"):
            raise RuntimeError("A PostgreSQL backup restores into PostgreSQL only.")
        env, args = pg_env_and_args(database)
        subprocess.run(  # noqa: S603 (fixed program, arguments from the settings)
            [
                client_program("pg_restore"),
                *args,
                "--no-owner",
                "--no-privileges",
                "--clean",
                "--if-exists",
                "--exit-on-error",
                "--dbname",
                database["NAME"],
                str(source / PG_DUMP),
            ],
            env=env,
            check=True,
        )
        import psycopg

        env_password = {"password": str(database["PASSWORD"])} if database.get("PASSWORD") else {}
        with psycopg.connect(
            host=database.get("HOST") or "127.0.0.1",
            port=database.get("PORT") or 5432,
            user=database.get("USER") or None,
            dbname=database["NAME"],
            **env_password,
        ) as conn:
            return row_counts(conn.cursor(), manifest["counts"])
    if manifest["database"] == "sqlite":
        if not engine.endswith("sqlite3"):
            raise RuntimeError("A SQLite backup restores into SQLite only.")
        shutil.copyfile(source / SQLITE_COPY, database["NAME"])
        with sqlite3.connect(database["NAME"]) as conn:
            return row_counts(conn.cursor(), manifest["counts"])
    raise RuntimeError(f"Unknown backup kind {manifest['database']}")


def restore_media(source, storage=default_storage):
    restored = []
    for name in read_manifest(source)["media"]:
        if storage.exists(name):
            storage.delete(name)
        with open(Path(source) / MEDIA_DIR / name, "rb") as handle:
            saved = storage.save(name, File(handle))
        if saved != name:
            raise RuntimeError(f"Media {name} came back as {saved}")
        restored.append(name)
    return restored


def database_from_url(url):
    return dj_database_url.parse(url)
