"""Demo content of the toolkit: the five themes of the source document, its four named prototypes,
method cards, Kezako explainers, a learning path, and example adopting centres.

The prototypes are those the 2018 council decision names; their details (steps, figures, contacts)
are written for the demo. Adopting centres and adoptions are invented and marked as examples.
Idempotent: what exists already (found by slug or name) is left as it is.
"""

from home.models import CentrePage, HomePage
from toolkit.demo_content import (
    AUDIENCES,
    DEMO_CONTACT,
    DEMO_EMAIL,
    EXAMPLE_ADOPTIONS,
    EXAMPLE_CENTRES,
    GUIDE,
    KEZAKOS,
    METHOD_CARDS,
    PROTOTYPES,
    THEMES,
)
from toolkit.models import (
    Adoption,
    Audience,
    GuidePage,
    KezakoPage,
    LearningPathItem,
    LearningPathPage,
    MethodCardPage,
    NeighbouringCentre,
    PrototypePage,
    Theme,
    ToolkitIndexPage,
)


def _index():
    index = ToolkitIndexPage.objects.first()
    if index:
        return index, False
    home = HomePage.objects.first()
    index = ToolkitIndexPage(
        title="Boîte à outils",
        slug="boite-a-outils",
        intro="<p>La méthode des ateliers collaboratifs et les prototypes nés dans les huit centres du réseau, "
        "à découvrir, imprimer et adopter dans votre centre.</p>",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index, True


def _page(index, cls, spec, **fields):
    page = cls.objects.filter(slug=spec["slug"]).first()
    if page:
        return page, False
    page = cls(title=spec["title"], slug=spec["slug"], summary=spec["summary"], **fields)
    index.add_child(instance=page)
    page.themes.set(Theme.objects.filter(slug__in=spec["themes"]))
    page.audiences.set(Audience.objects.filter(slug__in=spec.get("audiences", [])))
    page.save_revision().publish()
    return page, True


def seed(stdout):
    for order, (slug, name, description) in enumerate(THEMES):
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "description": description, "sort_order": order})
    for order, (slug, name) in enumerate(AUDIENCES):
        Audience.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    index, _created = _index()
    centres = {centre.slug: centre for centre in CentrePage.objects.all()}
    created = 0
    for spec in PROTOTYPES:
        _page_obj, new = _page(
            index,
            PrototypePage,
            spec,
            need=spec["need"],
            origin_workshop=spec["workshop"],
            origin_centre=centres.get(spec["origin"]),
            status=spec["status"],
            partners=spec["partners"],
            people_needed=spec["people"],
            equipment_needed=spec["equipment"],
            money_needed=spec["money"],
            time_needed=spec["time"],
            steps=spec["steps"],
            results=spec["results"],
            limits=spec["limits"],
            contact_name=DEMO_CONTACT,
            contact_email=DEMO_EMAIL,
        )
        created += new
    for spec in METHOD_CARDS:
        created += _page(
            index,
            MethodCardPage,
            spec,
            goal=spec["goal"],
            stage=spec["stage"],
            duration=spec["duration"],
            group_size=spec["group_size"],
            facilitation_level=spec["level"],
            materials=spec["materials"],
            steps=spec["steps"],
            tips=spec["tips"],
        )[1]
    for spec in KEZAKOS:
        created += _page(index, KezakoPage, spec, intro=spec["intro"], steps=spec["steps"], credits=spec["credits"])[1]
    created += _page(index, GuidePage, GUIDE, body=GUIDE["body"])[1]

    path_spec = {
        "slug": "lancer-un-premier-atelier-collaboratif",
        "title": "Lancer un premier atelier collaboratif",
        "summary": "Le chemin conseillé pour un centre qui découvre la démarche : du guide au premier prototype.",
        "themes": ["pouvoir-d-agir", "outils-d-animation"],
        "audiences": ["equipes"],
    }
    path, new = _page(
        index,
        LearningPathPage,
        path_spec,
        intro="<p>Cinq étapes, à suivre dans l'ordre, pour animer votre premier atelier avec les habitants.</p>",
    )
    if new:
        order = ["guide-atelier-collaboratif", "photolangage", "arbre-a-problemes", "prototype-papier"]
        order.append("plateforme-cv-en-ligne")
        notes = [
            "Comprendre la démarche avant de se lancer.",
            "Premier atelier : faire parler tout le monde.",
            "Deuxième atelier : choisir le besoin à traiter.",
            "Troisième atelier : imaginer et tester une solution.",
            "S'inspirer d'un prototype qui fonctionne.",
        ]
        for position, (slug, note) in enumerate(zip(order, notes, strict=True)):
            resource = index.get_children().filter(slug=slug).first()
            if resource:
                LearningPathItem.objects.create(path=path, resource_id=resource.pk, sort_order=position, note=note)
        path.save_revision().publish()
        created += 1

    examples = []
    for name, town, contact, network_slug in EXAMPLE_CENTRES:
        centre, _new = NeighbouringCentre.objects.get_or_create(
            name=name,
            defaults={
                "town": town,
                "contact_name": contact,
                "in_network": bool(network_slug),
                "network_centre": centres.get(network_slug) if network_slug else None,
                "is_example": True,
                "notes": "Exemple de démonstration : centre et personne inventés."
                if not network_slug
                else "Exemple de démonstration.",
            },
        )
        examples.append(centre)
    adoptions = 0
    for centre_index, slug, stage, reason, published in EXAMPLE_ADOPTIONS:
        resource = index.get_children().filter(slug=slug).first()
        if resource is None:
            continue
        _adoption, new = Adoption.objects.get_or_create(
            centre=examples[centre_index],
            resource_id=resource.pk,
            defaults={
                "stage": stage,
                "abandon_reason": reason,
                "is_published": published,
                "is_example": True,
                "feedback": "Retour de démonstration.",
            },
        )
        adoptions += new
    from toolkit import demo_echoes

    echoes = demo_echoes.seed(index)
    return [
        "Boîte à outils : /boite-a-outils/ (formulaire « Rejoindre la démarche » : /boite-a-outils/rejoindre/)",
        f"  {created} fiche(s) créée(s), {adoptions} adoption(s) et {echoes} récit(s) ou avis d'exemple créé(s) ; "
        "suivi des adoptions dans l'administration : /admin/boite-a-outils/suivi/",
    ]
