"""Demo content of the site: the network home page and the eight centres of the source document.

Addresses, phone numbers and people are invented for the demo, and the pages say so.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site

from home.centre_groups import ensure_centre_group
from home.demo_photos import ALT_TEXT, demo_photo
from home.models import (
    AccessibilityStatementPage,
    CentrePage,
    CentreTeamMember,
    EventIndexPage,
    EventPage,
    HomePage,
    NetworkSettings,
    NewsIndexPage,
    NewsPage,
    OpeningHours,
    StandardPage,
)

DEMO_NOTICE = "Données de démonstration : adresse, téléphone et équipe sont inventés."
ADMIN = ("admin", "admin-demo-2026")
STAFF_PASSWORD = "equipe-demo-2026"

CENTRES = [
    # slug, title, code, town, street
    ("belencontre", "Centre social Belencontre", "BEL", "Tourcoing", "12 rue de la Démo"),
    ("phalempins", "Centre social des Phalempins", "PHA", "Tourcoing", "8 avenue de l'Exemple"),
    ("echo", "Centre social l'Écho", "ECH", "Roubaix", "3 place Fictive"),
    ("virolois", "MJC du Virolois", "VIR", "Tourcoing", "21 rue Imaginaire"),
    ("arbrisseau", "Centre social l'Arbrisseau", "ARB", "Lille", "5 rue du Prototype"),
    ("lazare-garreau", "Centre social Lazare Garreau", "LAZ", "Lille", "40 rue de l'Atelier"),
    ("faubourg-de-bethune", "Centre social du Faubourg de Béthune", "FDB", "Lille", "17 rue des Habitants"),
    ("chemin-rouge", "Centre social du Chemin Rouge", "CHR", "Faches-Thumesnil", "2 allée de la Démo"),
]
# Shown before the town on the home page's cards; left empty where the town alone says enough.
NEIGHBOURHOODS = {
    "belencontre": "Belencontre",
    "phalempins": "Phalempins",
    "virolois": "Virolois",
    "arbrisseau": "Lille-Sud",
    "faubourg-de-bethune": "Faubourg de Béthune",
    "chemin-rouge": "Chemin Rouge",
}

POSTCODES = {"Tourcoing": "59200", "Roubaix": "59100", "Lille": "59000", "Faches-Thumesnil": "59155"}
TEAM_NAMES = [
    "Nadia B.",
    "Julien M.",
    "Fatou D.",
    "Thomas L.",
    "Leïla K.",
    "Marc V.",
    "Sophie R.",
    "Karim H.",
    "Inès P.",
]
TEAM_ROLES = ["Directrice ou directeur", "Animatrice ou animateur numérique", "Chargée ou chargé d'accueil"]
HOME_INTRO = (
    "<p>Huit centres sociaux de la métropole lilloise s'unissent contre la fracture numérique : "
    "on vous aide à faire vos démarches, à faire votre CV et à donner votre avis sur les projets du quartier.</p>"
)
ACCESSIBILITY = (
    "<ul><li>Entrée de plain-pied, ascenseur vers les salles d'atelier.</li>"
    "<li>Boucle magnétique à l'accueil.</li>"
    "<li>Arrêt de bus à 100 mètres.</li></ul>"
    "<p>Données de démonstration : à vérifier auprès du centre.</p>"
)
LEGAL_PAGES = [
    (
        "mentions-legales",
        StandardPage,
        {
            "title": "Mentions légales",
            "intro": "<p>Qui publie ce site, qui l'héberge, et comment nous joindre.</p>",
            "body": [
                {"type": "heading", "value": {"text": "Éditeur du site", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": "<p>Réseau des centres sociaux connectés, 1 rue de la Démo, 59000 Lille (adresse "
                    "fictive de démonstration). Directrice de la publication : la coordinatrice du réseau.</p>",
                },
                {"type": "heading", "value": {"text": "Hébergement", "level": "h2"}},
                {"type": "paragraph", "value": "<p>Hébergeur à compléter avant la mise en ligne.</p>"},
            ],
        },
    ),
    (
        "donnees-personnelles",
        StandardPage,
        {
            "title": "Données personnelles",
            "intro": "<p>Ce que nous gardons sur vous, pourquoi, combien de temps, et vos droits.</p>",
            "body": [
                {"type": "heading", "value": {"text": "Ce que nous gardons", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": "<p>Votre identifiant, votre nom affiché, votre adresse e-mail si vous l'avez donnée, "
                    "vos CV, vos propositions et vos votes. Rien n'est vendu ni transmis à d'autres.</p>",
                },
                {"type": "heading", "value": {"text": "Vos droits", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": "<p>Vous pouvez télécharger vos données ou supprimer votre compte depuis la page "
                    "« Mon compte », ou demander de l'aide à l'accueil de votre centre. Vous pouvez aussi "
                    "saisir la CNIL.</p>",
                },
            ],
        },
    ),
    (
        "accessibilite",
        AccessibilityStatementPage,
        {
            "title": "Déclaration d'accessibilité",
            "organisation": "Le réseau des centres sociaux connectés",
            "compliance": AccessibilityStatementPage.Compliance.PARTIAL,
            "audit_by": "l'équipe du projet (auto-évaluation, données de démonstration)",
            "non_compliant": "<ul><li>Certains documents PDF anciens ne sont pas accessibles.</li></ul>",
            "contact_email": "accessibilite@centres-connectes.example.org",
            "contact_phone": "03 20 00 00 00",
            "contact_address": "1 rue de la Démo, 59000 Lille (adresse fictive)",
        },
    ),
]


def staff_username(slug):
    return f"equipe-{slug}"


def _home_page():
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Centres sociaux connectés",
            slug="accueil",
            intro="<p>Huit centres sociaux de la métropole lilloise s'unissent contre la fracture numérique.</p>",
        )
    )
    site = Site.objects.filter(is_default_site=True).first()
    old_root = site.root_page if site else None
    if site:
        site.root_page = home
        site.site_name = "Centres sociaux connectés"
        site.save()
    else:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    # Wagtail's placeholder "Welcome" page is of no use once the network home exists.
    if old_root and old_root.specific_class is Page and old_root.depth == 2:
        old_root.delete()
    return home


def _paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def _hours(centre, index):
    # Invented opening hours: Monday to Friday, one late day, Saturday morning every other centre.
    for weekday in range(1, 6):
        centre.opening_hours.add(OpeningHours(weekday=weekday, opens=time(9), closes=time(12)))
        closes = time(19) if weekday == 1 + index % 5 else time(17, 30)
        centre.opening_hours.add(OpeningHours(weekday=weekday, opens=time(13, 30), closes=closes))
    if index % 2 == 0:
        centre.opening_hours.add(OpeningHours(weekday=6, opens=time(9, 30), closes=time(12), note="accueil familles"))


def _team(centre, index):
    for offset, role in enumerate(TEAM_ROLES):
        name = TEAM_NAMES[(index * 3 + offset) % len(TEAM_NAMES)]
        centre.team_members.add(CentreTeamMember(name=f"{name} (personne fictive)", role=role))


def _centre(home, index, slug, title, code, town, street):
    centre = CentrePage.objects.filter(slug=slug).first()
    if centre is None:
        centre = home.add_child(
            instance=CentrePage(
                title=title,
                slug=slug,
                code=code,
                town=town,
                street_address=street,
                postcode=POSTCODES[town],
                phone=f"03 20 00 0{index} 0{index}",
                email=f"accueil@{slug}.example.org",
                intro=f"Le centre social de quartier à {town} : accueil, numérique, emploi, familles. {DEMO_NOTICE}",
            )
        )
    if centre.opening_hours.exists():
        return centre
    # First run, or a centre made by an older demo: fill what a visitor expects to find.
    centre.accessibility = ACCESSIBILITY
    centre.body = _paragraph(
        f"Au {title}, l'équipe vous accueille pour vos démarches en ligne, votre CV, les ateliers "
        "numériques et les projets du quartier. Venez avec votre téléphone : on vous montre pas à pas. "
        f"{DEMO_NOTICE}"
    )
    _hours(centre, index)
    _team(centre, index)
    centre.save()
    return centre


def _index(parent, model, slug, title, intro):
    index = model.objects.child_of(parent).first()
    if index is None:
        index = parent.add_child(instance=model(title=title, slug=slug, intro=intro))
    return index


def _news(index, entries):
    if NewsPage.objects.child_of(index).exists():
        return
    today = timezone.localdate()
    for days_ago, title, intro, text in entries:
        index.add_child(
            instance=NewsPage(
                title=title,
                slug=slugify(title)[:50],
                date=today - timedelta(days=days_ago),
                intro=intro,
                body=_paragraph(text),
            )
        )


def _events(index, entries, place):
    if EventPage.objects.child_of(index).exists():
        return
    today = timezone.localdate()
    for days_ahead, hour, title, intro, registration in entries:
        start = timezone.make_aware(datetime.combine(today + timedelta(days=days_ahead), time(hour)))
        index.add_child(
            instance=EventPage(
                title=title,
                slug=slugify(title)[:50],
                start=start,
                end=start + timedelta(hours=2),
                place=place,
                intro=intro,
                registration=registration,
                body=_paragraph(f"{intro} {DEMO_NOTICE}"),
            )
        )


def _centre_content(centre, index):
    town = centre.town
    news = _index(centre, NewsIndexPage, "actualites", "Actualités", "<p>Les nouvelles du centre.</p>")
    _news(
        news,
        [
            (
                2 + index,
                f"Permanence numérique : nouveaux horaires à {town}",
                "La permanence pour les démarches en ligne s'agrandit : deux après-midi par semaine.",
                "Impôts, CAF, France Travail, Ameli : un animateur vous aide à faire vos démarches, "
                "sur votre téléphone ou sur les ordinateurs du centre. Gratuit, sans rendez-vous.",
            ),
            (
                9 + index,
                "Atelier CV : 12 habitants ont fait leur CV",
                "Retour sur l'atelier CV du mois : chacun est reparti avec un CV imprimé et en PDF.",
                "L'atelier a réuni des personnes en recherche d'emploi du quartier. "
                "Prochaine session le mois prochain.",
            ),
            (
                20 + index,
                "Les idées du quartier pour le numérique",
                "Lors de l'atelier collaboratif, les habitants ont proposé et voté pour leurs idées.",
                "Un espace pour recharger son téléphone, des ateliers pour les parents, une aide aux démarches : "
                "les propositions retenues seront présentées à la prochaine réunion.",
            ),
        ][: 2 + index % 2],
    )
    agenda = _index(centre, EventIndexPage, "agenda", "Agenda", "<p>Les rendez-vous du centre.</p>")
    _events(
        agenda,
        [
            (
                5 + index,
                14,
                "Atelier : bien utiliser son smartphone",
                "Envoyer une photo, installer une application, protéger ses comptes : on apprend ensemble.",
                "Gratuit. Inscription à l'accueil ou par téléphone, 8 places.",
            ),
            (
                12 + index,
                10,
                "Café des parents : les écrans à la maison",
                "Un moment d'échange entre parents autour des écrans et des réseaux sociaux.",
                "",
            ),
        ],
        centre.full_address or town,
    )


def _network_pages(home):
    news = _index(home, NewsIndexPage, "actualites", "Actualités du réseau", "<p>Les nouvelles des huit centres.</p>")
    _index(home, EventIndexPage, "agenda", "Agenda du réseau", "<p>Les rendez-vous des huit centres.</p>")
    _news(
        news,
        [
            (
                1,
                "Le réseau des centres sociaux connectés est lancé",
                "Huit centres sociaux de la métropole lilloise travaillent ensemble contre la fracture numérique.",
                "Ateliers collaboratifs, aide au CV, boîte à outils pour les centres voisins : découvrez le programme.",
            ),
            (
                15,
                "Une boîte à outils pour les centres voisins",
                "Les fiches prototypes et les fiches méthode sont en ligne, à imprimer ou à télécharger.",
                "Chaque centre peut reprendre les prototypes et dire où il en est.",
            ),
        ],
    )
    pages = {}
    for slug, model, fields in LEGAL_PAGES:
        page = model.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = home.add_child(instance=model(slug=slug, show_in_menus=False, **fields))
        pages[slug] = page
    return pages


def _card(centre, index):
    """What the home page's centre card shows: the neighbourhood and a picture (also for an older demo)."""
    neighbourhood = NEIGHBOURHOODS.get(centre.slug, "")
    if centre.photo_id and centre.neighbourhood == neighbourhood:
        return
    centre.neighbourhood = neighbourhood
    if not centre.photo_id:
        centre.photo, centre.photo_alt = demo_photo(centre, index), ALT_TEXT
    centre.save_revision().publish()


def _network_settings(home, legal_pages):
    site = Site.objects.filter(root_page=home).first() or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    settings = NetworkSettings.for_site(site)
    if settings.legal_notice_page_id:
        return
    settings.name = "Centres sociaux connectés"
    settings.contact_email = "contact@centres-connectes.example.org"
    settings.contact_phone = "03 20 00 00 00"
    settings.postal_address = "Réseau des centres sociaux connectés, 1 rue de la Démo, 59000 Lille (adresse fictive)"
    settings.legal_notice_page = legal_pages["mentions-legales"]
    settings.privacy_page = legal_pages["donnees-personnelles"]
    settings.accessibility_page = legal_pages["accessibilite"]
    settings.save()


def _user(username, password, **extra):
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults=extra)
    if created:
        user.set_password(password)
        user.save()
    return user


def seed(stdout):
    home = _home_page()
    if not home.body:
        home.intro = HOME_INTRO
        home.body = _paragraph(
            "Chaque centre vous accueille près de chez vous : aide aux démarches en ligne, ateliers pour "
            "apprendre le numérique, aide au CV, ateliers collaboratifs pour décider ensemble des projets du quartier."
        )
        home.save()
    lines = ["Comptes de démonstration (mot de passe entre parenthèses) :"]
    _user(ADMIN[0], ADMIN[1], is_superuser=True, is_staff=True, display_name="Administratrice")
    lines.append(f"  administration du réseau : {ADMIN[0]} ({ADMIN[1]})")
    _network_settings(home, _network_pages(home))
    for index, (slug, title, code, town, street) in enumerate(CENTRES):
        centre = _centre(home, index, slug, title, code, town, street)
        _centre_content(centre, index)
        group = ensure_centre_group(centre)
        _card(centre, index)
        user = _user(staff_username(slug), STAFF_PASSWORD, display_name=f"Équipe {town}")
        user.groups.add(group)
        lines.append(f"  équipe de {title} : {staff_username(slug)} ({STAFF_PASSWORD})")
    return lines
