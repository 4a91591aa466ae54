"""Fixtures of the site tests: demo-like content under the shared centres."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from home.models import (
    AccessibilityStatementPage,
    CentreTeamMember,
    EventIndexPage,
    EventPage,
    NetworkSettings,
    NewsIndexPage,
    NewsPage,
    OpeningHours,
    StandardPage,
)


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def add_news(index, count, prefix="Nouvelle"):
    today = timezone.localdate()
    return [
        index.add_child(
            instance=NewsPage(
                title=f"{prefix} {n}",
                slug=f"{prefix.lower()}-{n}",
                date=today - timedelta(days=n),
                intro=f"Résumé de la nouvelle {n}.",
                body=paragraph(f"Texte de la nouvelle {n}."),
            )
        )
        for n in range(count)
    ]


def add_events(index, count, prefix="Atelier"):
    start = timezone.now().replace(microsecond=0) + timedelta(days=2)
    return [
        index.add_child(
            instance=EventPage(
                title=f"{prefix} {n}",
                slug=f"{prefix.lower()}-{n}",
                start=start + timedelta(days=n),
                end=start + timedelta(days=n, hours=2),
                place="Salle 2, 12 rue de la Démo",
                registration="Inscription à l'accueil.",
                body=paragraph(f"Programme de l'évènement {n}."),
            )
        )
        for n in range(count)
    ]


@pytest.fixture
def centre_a_content(centre_a):
    """Centre A filled as the demo does: hours, team, body, news and agenda."""
    centre_a.street_address = "12 rue de la Démo"
    centre_a.postcode = "59200"
    centre_a.phone = "03 20 11 22 33"
    centre_a.email = "accueil@belencontre.example.org"
    centre_a.accessibility = "<p>Entrée de plain-pied, boucle magnétique.</p>"
    centre_a.body = paragraph("Un cybercafé solidaire ouvert à toutes et à tous.")
    centre_a.opening_hours.add(OpeningHours(weekday=1, opens=time(9), closes=time(12)))
    centre_a.opening_hours.add(OpeningHours(weekday=1, opens=time(13, 30), closes=time(17, 30)))
    centre_a.opening_hours.add(OpeningHours(weekday=3, opens=time(14), closes=time(18), note="permanence emploi"))
    centre_a.team_members.add(CentreTeamMember(name="Nadia B.", role="Animatrice numérique"))
    centre_a.save()
    news_index = centre_a.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
    event_index = centre_a.add_child(instance=EventIndexPage(title="Agenda", slug="agenda"))
    add_news(news_index, 2)
    add_events(event_index, 2)
    return {"centre": centre_a, "news_index": news_index, "event_index": event_index}


@pytest.fixture
def legal_pages(home_page):
    notice = home_page.add_child(
        instance=StandardPage(title="Mentions légales", slug="mentions-legales", body=paragraph("Éditeur du site."))
    )
    privacy = home_page.add_child(
        instance=StandardPage(title="Données personnelles", slug="donnees-personnelles", body=paragraph("Vos droits."))
    )
    statement = home_page.add_child(
        instance=AccessibilityStatementPage(
            title="Déclaration d'accessibilité",
            slug="accessibilite",
            compliance="partial",
            compliance_rate=72,
            contact_email="accessibilite@example.org",
        )
    )
    settings = NetworkSettings.for_site(home_page.get_site())
    settings.legal_notice_page = notice
    settings.privacy_page = privacy
    settings.accessibility_page = statement
    settings.save()
    return {"notice": notice, "privacy": privacy, "statement": statement}
