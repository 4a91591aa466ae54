"""Demo CV: a jobseeker account `demo-cv` with a realistic French CV, shared with Belencontre.

The person is invented for the demo, and the CV says so. Idempotent: a second run changes nothing.
"""

import copy

from django.contrib.auth import get_user_model

from accounts.consent import Method, Task, grant, has_consent
from home.models import CentrePage

from .models import CV, CentreShare

USERNAME = "demo-cv"
PASSWORD = "cv-demo-2026"
TITLE = "CV agent d'entretien (démo)"

DEMO_DATA = {
    "basics": {
        "name": "Françoise Lefèvre-Benoît",
        "label": "Agente d'entretien et de propreté",
        "phone": "06 00 00 00 00",
        "email": "francoise.demo@example.fr",
        "summary": (
            "Personne inventée pour la démonstration. Sérieuse, ponctuelle et discrète, j'ai huit ans "
            "d'expérience dans l'entretien de bureaux et de logements. J'aime le travail soigné et "
            "je m'adapte vite à une nouvelle équipe."
        ),
        "location": {"address": "12 rue de la Démo", "postalCode": "59200", "city": "Tourcoing"},
        "drivingLicences": ["B"],
        "vehicle": True,
        "mobility": "Métropole lilloise ; horaires décalés possibles (tôt le matin, soirée).",
    },
    "work": [
        {
            "position": "Agente de propreté",
            "name": "Net'Façade Services",
            "location": "Roubaix",
            "startDate": "2021-09",
            "ongoing": True,
            "summary": "Entretien de bureaux et de parties communes ; gestion des stocks de produits ; "
            "respect des protocoles d'hygiène et de sécurité.",
        },
        {
            "position": "Aide à domicile",
            "name": "Association Âge d'Or (particuliers)",
            "location": "Tourcoing",
            "startDate": "2018-03",
            "endDate": "2021-06",
            "summary": "Ménage, repassage, courses et préparation des repas chez des personnes âgées ; "
            "accompagnement aux rendez-vous.",
        },
        {
            "position": "Employée polyvalente de restauration",
            "name": "Brasserie du Beffroi",
            "location": "Lille",
            "startDate": "2016",
            "endDate": "2018",
            "summary": "Plonge, mise en place, service du midi ; hygiène de la cuisine (méthode HACCP).",
        },
        {
            "position": "Bénévole",
            "name": "Restos du cœur",
            "location": "Tourcoing",
            "startDate": "2014",
            "endDate": "2016",
            "summary": "Accueil des familles et distribution des colis alimentaires.",
        },
    ],
    "education": [
        {
            "studyType": "Titre professionnel Agent de propreté et d'hygiène",
            "institution": "AFPA Lille",
            "startDate": "2021",
            "endDate": "2021",
        },
        {
            "studyType": "Sauveteur secouriste du travail (SST)",
            "institution": "Croix-Rouge française",
            "startDate": "2019",
            "endDate": "2019",
        },
        {
            "studyType": "CAP Employé technique de collectivité",
            "institution": "Lycée professionnel Françoise Dolto",
            "startDate": "2012",
            "endDate": "2014",
        },
    ],
    "skills": [
        {"name": "Entretien des locaux"},
        {"name": "Hygiène et propreté"},
        {"name": "Utilisation d'une autolaveuse"},
        {"name": "Respect des consignes de sécurité"},
        {"name": "Ponctualité"},
        {"name": "Rigueur"},
        {"name": "Travail en équipe"},
        {"name": "Discrétion"},
    ],
    "languages": [
        {"language": "Français", "fluency": "Langue maternelle"},
        {"language": "Arabe", "fluency": "Je parle bien"},
        {"language": "Anglais", "fluency": "A2 – élémentaire"},
    ],
    "interests": [
        {"name": "Cuisine du monde et pâtisserie"},
        {"name": "Marche nordique avec le centre social"},
        {"name": "Bénévolat : distribution de repas, œuvres caritatives"},
    ],
}


def demo_data():
    return copy.deepcopy(DEMO_DATA)


def seed(stdout):
    User = get_user_model()
    user = User.objects.filter(username=USERNAME).first()
    if user is None:
        user = User.objects.create_user(
            username=USERNAME, password=PASSWORD, first_name="Françoise", display_name="Françoise (démo)"
        )
    cv = CV.objects.filter(owner=user, title=TITLE).first()
    if cv is None:
        cv = CV(owner=user, title=TITLE, template="classic", data=demo_data())
        cv._change_reason = "Données de démonstration"
        cv.save()
    centre = CentrePage.objects.filter(slug="belencontre").first()
    if centre is not None:
        CentreShare.objects.get_or_create(cv=cv, centre=centre, defaults={"shared_by": user})
        if not has_consent(user, centre, Task.CV_HELP):
            grant(user, centre, [Task.CV_HELP], days=365, method=Method.STAFF_ATTESTED, recorded_by=None)
    return [
        "CV (démo) :",
        f"  demandeuse d'emploi : {USERNAME} / {PASSWORD} — CV à /mon-cv/{cv.pk}/",
        "  CV partagé avec l'équipe de Belencontre (equipe-belencontre), avec son accord pour l'aide au CV.",
    ]
