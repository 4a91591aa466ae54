"""Demo content of the site: the network home page and the eight centres of the source document.

Addresses, phone numbers and people are invented for the demo, and the pages say so.
"""

from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from home.centre_groups import ensure_centre_group
from home.models import CentrePage, HomePage

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


def _centre(home, slug, title, code, town, street):
    centre = CentrePage.objects.filter(slug=slug).first()
    if centre:
        return centre
    return home.add_child(
        instance=CentrePage(
            title=title,
            slug=slug,
            code=code,
            town=town,
            street_address=street,
            postcode="59000",
            phone="03 20 00 00 00",
            intro=f"Le centre social de quartier à {town} : accueil, numérique, emploi, familles. {DEMO_NOTICE}",
        )
    )


def _user(username, password, **extra):
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults=extra)
    if created:
        user.set_password(password)
        user.save()
    return user


def seed(stdout):
    home = _home_page()
    lines = ["Comptes de démonstration (mot de passe entre parenthèses) :"]
    _user(ADMIN[0], ADMIN[1], is_superuser=True, is_staff=True, display_name="Administratrice")
    lines.append(f"  administrateur·rice du réseau : {ADMIN[0]} ({ADMIN[1]})")
    for slug, title, code, town, street in CENTRES:
        centre = _centre(home, slug, title, code, town, street)
        group = ensure_centre_group(centre)
        user = _user(staff_username(slug), STAFF_PASSWORD, display_name=f"Équipe {town}")
        user.groups.add(group)
        lines.append(f"  équipe de {title} : {staff_username(slug)} ({STAFF_PASSWORD})")
    return lines
