from io import StringIO

from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page

from home.models import (
    AccessibilityStatementPage,
    CentrePage,
    EventPage,
    HomePage,
    NetworkSettings,
    NewsPage,
)


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_seed_demo_builds_the_site_and_runs_twice_without_change(db, client):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "equipe-belencontre (equipe-demo-2026)" in out.getvalue()
    assert "admin (admin-demo-2026)" in out.getvalue()
    first = row_counts()
    assert CentrePage.objects.count() == 8
    assert HomePage.objects.count() == 1
    for centre in CentrePage.objects.all():
        assert 2 <= NewsPage.objects.descendant_of(centre).count() <= 3
        assert EventPage.objects.descendant_of(centre).count() == 2
        assert centre.opening_hours.exists() and centre.team_members.exists()
        assert "démonstration" in centre.intro
    home = HomePage.objects.get()
    assert NewsPage.objects.child_of(Page.objects.get(url_path=home.url_path + "actualites/")).count() == 2
    settings = NetworkSettings.objects.get()
    assert isinstance(settings.accessibility_page.specific, AccessibilityStatementPage)
    assert settings.legal_notice_page and settings.privacy_page

    call_command("seed_demo", stdout=StringIO())
    assert row_counts() == first

    # The seeded site answers on every page type, in French.
    client.defaults["HTTP_HOST"] = "localhost"
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    home_text = client.get("/").text
    assert "Accessibilité : partiellement conforme" in home_text
    assert "Dernières actualités" in home_text
