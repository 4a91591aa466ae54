"""Demo stories of adoption and published feedback, marked as examples (invented centres and people)."""

from toolkit.models import Adoption, ResourceFeedback

EXAMPLE_STORIES = {
    # (resource slug, centre name starts with): (what they changed, quote, quote by)
    "plateforme-cv-en-ligne": (
        "Une permanence CV chaque mardi matin, tenue par deux bénévoles formés par l'animateur numérique. "
        "Les personnes repartent avec leur CV imprimé et un lien pour le modifier. (exemple)",
        "Avant, on refaisait le même CV à la main chaque semaine. Maintenant les gens le gardent.",
        "Animatrice d'un centre voisin (exemple)",
    ),
    "arbre-a-problemes": (
        "L'arbre à problèmes sert désormais au conseil de maison : les habitants ont choisi eux-mêmes "
        "le sujet de l'année. (exemple)",
        "",
        "",
    ),
}

EXAMPLE_FEEDBACK = [
    # resource slug, centre, verdict, comment
    ("plateforme-cv-en-ligne", "Centre social des Trois Ponts (exemple)", "useful", "Mis en place en trois semaines."),
    ("photolangage", "Maison de quartier du Moulin (exemple)", "useful", "Prévoir plus de photos que de personnes."),
    ("photolangage", "Centre social de la Lys (exemple)", "not_useful", "Trop long pour un groupe de parents pressés."),
]


def seed(index):
    """Idempotent; returns how many stories and feedback were added."""
    added = 0
    for slug, (changes, quote, quote_by) in EXAMPLE_STORIES.items():
        examples = Adoption.objects.filter(
            resource__slug=slug, resource__path__startswith=index.path, is_example=True, is_published=True
        ).order_by("pk")
        adoption = examples.first()
        if adoption and not examples.filter(story_is_published=True).exists():
            adoption.story_changes, adoption.story_quote, adoption.story_quote_by = changes, quote, quote_by
            adoption.story_is_published = True
            adoption.save()
            added += 1
    resources = {page.slug: page for page in index.get_children().filter(slug__in={s for s, *_ in EXAMPLE_FEEDBACK})}
    for slug, centre_name, verdict, comment in EXAMPLE_FEEDBACK:
        if slug not in resources:
            continue
        _item, new = ResourceFeedback.objects.get_or_create(
            resource_id=resources[slug].pk,
            centre_name=centre_name,
            defaults={"verdict": verdict, "comment": comment, "status": ResourceFeedback.Status.PUBLISHED},
        )
        added += new
    return added
