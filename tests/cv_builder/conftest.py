import pytest

from accounts.consent import Task
from cv_builder.models import CV, CentreShare
from tests.consent_helpers import give_consent

FULL_DATA = {
    "basics": {
        "name": "Samia Benaïssa",
        "label": "Agente d'entretien polyvalente",
        "phone": "06 12 34 56 78",
        "email": "samia@example.fr",
        "summary": "Sérieuse et ponctuelle, j'aime le travail bien fait. Cœur à l'ouvrage garanti.",
        "location": {"address": "12 rue des Lilas", "postalCode": "59100", "city": "Roubaix"},
        "drivingLicences": ["B"],
        "vehicle": True,
        "mobility": "Métropole lilloise en transports en commun",
    },
    "work": [
        {
            "position": "Employée de ménage",
            "name": "Propreté Façade",
            "location": "Lille",
            "startDate": "2021-03",
            "ongoing": True,
            "summary": "Nettoyage des bureaux, gestion des stocks de produits.",
        },
        {"position": "Caissière", "name": "Supérette du Pile", "startDate": "2018", "endDate": "2020-12"},
    ],
    "education": [
        {"studyType": "CAP Agent de propreté", "institution": "Lycée Turgot", "startDate": "2016", "endDate": "2018"}
    ],
    "skills": [{"name": "Rigueur"}, {"name": "Travail en équipe"}],
    "languages": [
        {"language": "Français", "fluency": "Langue maternelle"},
        {"language": "Anglais", "fluency": "A2 – élémentaire"},
    ],
    "interests": [{"name": "Bénévolat aux Restos du cœur"}],
}


@pytest.fixture
def cv(resident):
    import copy

    return CV.objects.create(owner=resident, title="Mon CV", data=copy.deepcopy(FULL_DATA))


@pytest.fixture
def shared_cv(cv, centre_a):
    """Shared by its owner with centre A, whose staff the owner also gave consent for help with the CV."""
    CentreShare.objects.create(cv=cv, centre=centre_a, shared_by=cv.owner)
    give_consent(cv.owner, centre_a, Task.CV_HELP)
    return cv


@pytest.fixture
def owner_client(client, resident):
    client.force_login(resident)
    return client


LETTER_DATA = {
    "kind": "offer",
    "company": "Propreté Façade",
    "job_title": "Agente d'entretien",
    "seen_where": "France Travail",
    "reference": "184XKQP",
    "why": "J'aime le travail bien fait et votre entreprise est connue à Roubaix.",
    "work": ["Employée de ménage chez Propreté Façade"],
    "skills": ["Rigueur", "Travail en équipe"],
    "availability": "now",
    "contracts": ["cdi", "cdd"],
    "closing": "distinguees",
    "place": "Roubaix",
}


@pytest.fixture
def letter(cv):
    import copy

    from cv_builder.models import CoverLetter

    return CoverLetter.objects.create(owner=cv.owner, cv=cv, title="Lettre Façade", data=copy.deepcopy(LETTER_DATA))
