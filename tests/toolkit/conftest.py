"""Toolkit fixtures: the five themes, audiences, the index page and helpers to add resources."""

import itertools

import pytest

from toolkit.models import (
    Audience,
    GuidePage,
    KezakoPage,
    LearningPathItem,
    LearningPathPage,
    MethodCardPage,
    PrototypePage,
    Theme,
    ToolkitIndexPage,
)

THEMES = [
    ("pouvoir-d-agir", "Pouvoir d'agir et démocratie participative"),
    ("emploi-insertion", "Emploi et insertion"),
    ("accueil-e-administration", "Accueil et e-administration"),
    ("outils-d-animation", "Outils d'animation des centres"),
    ("education-parentalite", "Éducation et parentalité"),
]
AUDIENCES = [("habitants", "Habitants"), ("jeunes", "Jeunes"), ("equipes", "Équipes des centres")]

_counter = itertools.count(1)


def steps(*titles):
    return [{"type": "step", "value": {"title": title, "text": f"<p>Détail : {title}.</p>"}} for title in titles]


@pytest.fixture
def themes(db):
    return {slug: Theme.objects.create(slug=slug, name=name, sort_order=i) for i, (slug, name) in enumerate(THEMES)}


@pytest.fixture
def audiences(db):
    return {slug: Audience.objects.create(slug=slug, name=name) for slug, name in AUDIENCES}


@pytest.fixture
def toolkit_index(home_page):
    return home_page.add_child(instance=ToolkitIndexPage(title="Boîte à outils", slug="boite-a-outils"))


def add_resource(index, cls, *, themes=(), audiences=(), live=True, **fields):
    number = next(_counter)
    fields.setdefault("title", f"{cls.__name__} {number}")
    fields.setdefault("slug", f"ressource-{number}")
    fields.setdefault("summary", "Un résumé simple.")
    defaults = {
        PrototypePage: {"need": "<p>Un besoin des habitants.</p>"},
        MethodCardPage: {
            "goal": "<p>Faire émerger des idées.</p>",
            "stage": "discover",
            "duration": "1 h 30",
            "group_size": "6 à 15 personnes",
            "facilitation_level": "beginner",
        },
        KezakoPage: {"credits": "Les jeunes du centre"},
    }.get(cls, {})
    page = cls(live=live, **{**defaults, **fields})
    index.add_child(instance=page)
    if themes or audiences:
        page.themes.set(themes)
        page.audiences.set(audiences)
        page.save()
    return page


@pytest.fixture
def make_resource(toolkit_index):
    def make(cls=PrototypePage, **fields):
        return add_resource(toolkit_index, cls, **fields)

    return make


@pytest.fixture
def sample_resources(make_resource, themes, audiences):
    """One resource of each type, with distinct facets."""
    return {
        "cv": make_resource(
            PrototypePage,
            title="Plateforme de CV en ligne",
            themes=[themes["emploi-insertion"]],
            audiences=[audiences["habitants"]],
            status="running",
            steps=steps("Réunir les demandeurs d'emploi", "Créer les comptes"),
        ),
        "promeneur": make_resource(
            PrototypePage,
            title="Promeneur du Net",
            themes=[themes["education-parentalite"]],
            audiences=[audiences["jeunes"]],
            status="testing",
        ),
        "method": make_resource(
            MethodCardPage,
            title="Le photolangage",
            themes=[themes["pouvoir-d-agir"]],
            audiences=[audiences["equipes"]],
        ),
        "kezako": make_resource(
            KezakoPage,
            title="Créer une adresse e-mail",
            themes=[themes["accueil-e-administration"]],
            audiences=[audiences["habitants"]],
        ),
        "guide": make_resource(GuidePage, title="Guide de l'animateur", themes=[themes["outils-d-animation"]]),
    }


@pytest.fixture
def learning_path(make_resource, sample_resources):
    path = make_resource(LearningPathPage, title="Lancer un premier atelier collaboratif")
    for order, key in enumerate(["method", "cv"]):
        LearningPathItem.objects.create(
            path=path, resource=sample_resources[key], sort_order=order, note=f"Étape {key}"
        )
    return path
