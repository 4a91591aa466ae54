"""The restore drill: back up, restore into a fresh database, and find every row and file again."""

import uuid

import psycopg
import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from accounts.models import User
from home.backup import read_manifest, restore_media
from home.models import CentrePage

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site_with_data(centre_a, centre_b, staff_a, resident, filesystem_storage):
    filesystem_storage.save("cv/photos/abc.jpg", ContentFile(b"\xff\xd8 private photo"))
    filesystem_storage.save("original_images/facade.png", ContentFile(b"\x89PNG facade"))
    return filesystem_storage


@pytest.fixture
def fresh_postgres_database():
    if connection.vendor != "postgresql":
        pytest.skip("the drill restores a pg_dump into PostgreSQL")
    database = django_settings.DATABASES["default"]
    name = f"csc_prod_drill_{uuid.uuid4().hex[:8]}"
    host, port, user = database.get("HOST") or "127.0.0.1", database.get("PORT") or 5432, database["USER"]
    server = f"host={host} port={port} user={user}"
    with psycopg.connect(f"{server} dbname=postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name, f"postgres://{user}@{host}:{port}/{name}"
    with psycopg.connect(f"{server} dbname=postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_restore_drill_into_a_fresh_postgresql_database(site_with_data, fresh_postgres_database, tmp_path, capsys):
    name, url = fresh_postgres_database
    call_command("backup", str(tmp_path / "backup"))
    manifest = read_manifest(tmp_path / "backup")
    assert manifest["counts"]["accounts_user"] == User.objects.count() == 2
    assert manifest["counts"]["home_centrepage"] == 2
    assert sorted(manifest["media"]) == ["cv/photos/abc.jpg", "original_images/facade.png"]

    call_command("restore", str(tmp_path / "backup"), database_url=url)
    assert "Restauration vérifiée" in capsys.readouterr().out
    with psycopg.connect(url.replace("postgres://", "postgresql://")) as restored:
        usernames = {row[0] for row in restored.execute("SELECT username FROM accounts_user")}
        titles = {row[0] for row in restored.execute("SELECT title FROM wagtailcore_page")}
    assert usernames == set(User.objects.values_list("username", flat=True))
    assert set(CentrePage.objects.values_list("title", flat=True)) <= titles


def test_media_come_back_byte_for_byte(site_with_data, tmp_path, settings):
    call_command("backup", str(tmp_path / "backup"))
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "new-disk"},
        },
    }
    from django.core.files.storage import default_storage

    assert not default_storage.exists("cv/photos/abc.jpg")
    restore_media(tmp_path / "backup")
    with default_storage.open("cv/photos/abc.jpg") as handle:
        assert handle.read() == b"\xff\xd8 private photo"


def test_restore_refuses_to_replace_the_site_without_yes(site_with_data, tmp_path):
    call_command("backup", str(tmp_path / "backup"), no_media=True)
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(tmp_path / "backup"))
    with pytest.raises(CommandError, match="Pas de sauvegarde"):
        call_command("restore", str(tmp_path / "nothing-here"), database_url="sqlite:///x")
