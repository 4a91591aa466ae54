"""Demo workshops: one in each phase (proposals open, voting open, results) in three centres,
and one open vote for each kind of voter (any account, verified residents, codes, verified and codes).

The people, proposals and votes are invented for the demo. Idempotent: a workshop that already
exists is left as it is. Demo voting codes are derived from a fixed seed, so the same codes can
be printed at every run while only their salted hashes are stored.
"""

import random
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from home.models import CentrePage
from participation.models import (
    Ballot,
    Proposal,
    Support,
    TallySheet,
    VotingCode,
    WorkshopIndexPage,
    WorkshopPage,
)
from participation.models.codes import LOOKUP_LENGTH, format_code, generate_code

DEMO_NOTICE = "Données de démonstration : les propositions et les votes sont inventés."
RESIDENT = ("participante-demo", "participante-demo-2026")
DEMO_CODES = 12
DAY = timedelta(days=1)

WORKSHOPS = [
    # centre slug, phase, slug, title, question, proposals
    (
        "belencontre",
        "proposals",
        "square-des-lilas",
        "Le square des Lilas",
        "Que voulez-vous pour le square des Lilas ?",
        [
            ("Des bancs à l’ombre", "Installer trois bancs sous les arbres, près de l’aire de jeux."),
            ("Un potager partagé", "Des bacs de légumes entretenus par les familles et l’école."),
            ("Une boîte à livres", "Une petite bibliothèque libre à l’entrée du square."),
            ("Des toilettes publiques", "Des toilettes ouvertes en journée pour les familles."),
        ],
    ),
    (
        "echo",
        "voting",
        "fete-de-quartier",
        "La fête de quartier",
        "Que faire à la fête de quartier de juin ?",
        [
            ("Un repas partagé", "Chacun apporte un plat de chez lui, le centre prête les tables."),
            ("Un tournoi de foot", "Un tournoi mixte entre les rues du quartier."),
            ("Un atelier réparation", "Réparer vélos, téléphones et petits appareils ensemble."),
            ("Un concert des jeunes", "Les jeunes du quartier jouent sur une petite scène."),
            ("Une expo photo", "Des photos du quartier d’hier et d’aujourd’hui."),
        ],
    ),
    (
        "phalempins",
        "results",
        "numerique-pour-tous",
        "Le numérique pour tous",
        "Comment aider les habitants avec les démarches en ligne ?",
        [
            ("Une permanence le samedi", "Un accueil numérique le samedi matin pour ceux qui travaillent."),
            ("Des tablettes à prêter", "Prêter des tablettes pour une semaine, avec une aide au démarrage."),
            ("Un atelier « mes papiers »", "Apprendre à scanner et ranger ses papiers sur son téléphone."),
            ("Un café des aidants", "Les habitants qui savent aident les autres, autour d’un café."),
        ],
    ),
]

# One open vote per kind of voter (the voting workshop above takes accounts and codes).
VOTER_KIND_WORKSHOPS = [
    # centre slug, slug, title, voters
    ("belencontre", "jardin-tous-comptes", "Le jardin (tout compte)", WorkshopPage.Voters.ACCOUNTS),
    ("belencontre", "budget-verifies", "Le budget du quartier (habitants vérifiés)", WorkshopPage.Voters.VERIFIED),
    ("echo", "sortie-codes", "La sortie d’été (codes de vote)", WorkshopPage.Voters.CODES),
    ("echo", "local-jeunes", "Le local des jeunes (vérifiés et codes)", WorkshopPage.Voters.VERIFIED_CODES),
]
KIND_IDEAS = [
    ("Première idée", "Une idée inventée pour la démonstration."),
    ("Deuxième idée", "Une autre idée inventée pour la démonstration."),
    ("Troisième idée", "Encore une idée inventée pour la démonstration."),
]

DATES = {
    # offsets in days: proposals_start, proposals_end, voting_start, voting_end
    "proposals": (-10, 60, 61, 90),
    "voting": (-30, -10, -5, 60),
    "results": (-60, -40, -30, -20),
}


def demo_codes(workshop_slug):
    """The demo codes of a workshop: always the same ones."""
    rng = random.Random(f"csc-demo-codes-{workshop_slug}")
    codes, lookups = [], set()
    while len(codes) < DEMO_CODES:
        code = generate_code(rng)
        if code[:LOOKUP_LENGTH] not in lookups:
            lookups.add(code[:LOOKUP_LENGTH])
            codes.append(code)
    return codes


def _resident():
    User = get_user_model()
    user, created = User.objects.get_or_create(username=RESIDENT[0], defaults={"display_name": "Participante de démo"})
    if created:
        user.set_password(RESIDENT[1])
        user.save()
    return user


def _voters(count):
    User = get_user_model()
    voters = []
    for i in range(1, count + 1):
        user, created = User.objects.get_or_create(
            username=f"votant-demo-{i}", defaults={"display_name": f"Personne de démo {i}"}
        )
        if created:
            user.set_unusable_password()
            user.save()
        voters.append(user)
    return voters


def _index(centre):
    index = WorkshopIndexPage.objects.child_of(centre).first()
    if index is None:
        index = centre.add_child(
            instance=WorkshopIndexPage(
                title="Ateliers collaboratifs",
                slug="ateliers",
                intro="Les habitants proposent des idées pour le quartier et choisissent ensemble.",
            )
        )
    return index


def _create_workshop(centre, phase, slug, title, question, ideas, resident, voters=WorkshopPage.Voters.BOTH):
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    ps, pe, vs, ve = (now + offset * DAY for offset in DATES[phase])
    workshop = _index(centre).add_child(
        instance=WorkshopPage(
            title=title,
            slug=slug,
            question=question,
            description=f"<p>{DEMO_NOTICE}</p>",
            proposals_start=ps,
            proposals_end=pe,
            voting_start=vs,
            voting_end=ve,
            voters=voters,
        )
    )
    proposals = []
    for number, (idea_title, description) in enumerate(ideas):
        on_paper = number == 2
        proposal = Proposal(
            workshop=workshop,
            title=idea_title,
            description=f"{description} ({DEMO_NOTICE})",
            status=Proposal.Status.PUBLISHED,
            author=resident if number == 0 else None,
            on_paper=on_paper,
            on_behalf_of="Mme L. (démo)" if on_paper else "",
        )
        proposal.save()
        proposals.append(proposal)
    if voters != WorkshopPage.Voters.BOTH:
        return workshop
    if phase == "proposals":
        Proposal.objects.create(
            workshop=workshop,
            title="Un terrain de pétanque",
            description=f"À côté des bancs. ({DEMO_NOTICE})",
            author=resident,
        )
        return workshop
    # Supports from demo voters: a fixed pattern, so counts differ between proposals.
    for index, voter in enumerate(_voters(12)):
        ballot = Ballot.objects.create(workshop=workshop, user=voter)
        chosen = {proposals[index % len(proposals)], proposals[(index * 3 + 1) % len(proposals)]}
        Support.objects.bulk_create([Support(ballot=ballot, proposal=p) for p in chosen])
    session = (timezone.localdate() - timedelta(days=7)) if phase == "voting" else date.today() - timedelta(days=25)
    _paper_session(workshop, proposals, session, confirmed=True)
    if phase == "voting":
        # A second session typed in once: it shows as "to be checked" and does not count yet.
        _paper_session(workshop, proposals, session + timedelta(days=2), confirmed=False)
    if phase == "results":
        Proposal.objects.filter(pk=proposals[1].pk).update(
            outcome=Proposal.Outcome.SELECTED,
            official_answer="Le centre prête 10 tablettes à partir de septembre (réponse de démonstration).",
        )
    return workshop


def _paper_session(workshop, proposals, session, confirmed):
    """A tally sheet whose figures pass every check of the form, typed in once or twice."""
    from participation.paper import Typed, record_entry

    if TallySheet.objects.filter(workshop=workshop, session_date=session).exists():
        return
    counts = {p.pk: (number * 5 + 3) % 11 for number, p in enumerate(proposals)}
    valid = max(max(counts.values()), -(-sum(counts.values()) // workshop.max_supports))
    typed = Typed(ballots_cast=valid + 3, blank=2, spoilt=1, counts=counts)
    for _entry in range(2 if confirmed else 1):
        record_entry(workshop, session, typed, proposals, None)


def seed(stdout):
    resident = _resident()
    lines = ["Ateliers collaboratifs (démo) :"]
    voting_workshop = None
    for centre_slug, phase, slug, title, question, ideas in WORKSHOPS:
        centre = CentrePage.objects.filter(slug=centre_slug).first()
        if centre is None:
            continue
        workshop = WorkshopPage.objects.filter(slug=slug, centre=centre).first()
        if workshop is None:
            workshop = _create_workshop(centre, phase, slug, title, question, ideas, resident)
        base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
        lines.append(f"  {workshop.phase_label} : {title} — {base}{workshop.url}")
        if phase == "voting":
            voting_workshop = workshop
    lines.append(f"  compte habitante pour proposer et voter : {RESIDENT[0]} ({RESIDENT[1]})")
    if voting_workshop is not None:
        lines += _code_lines(voting_workshop, 5)
    lines += _voter_kind_lines(resident)
    return lines


def _code_lines(workshop, shown):
    codes = demo_codes(workshop.slug)
    if not VotingCode.objects.filter(workshop=workshop).exists():
        objs = []
        for code in codes:
            obj = VotingCode(workshop=workshop, batch="Démo")
            obj.set_code(code)
            objs.append(obj)
        VotingCode.objects.bulk_create(objs)
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    code_url = f"{base}/participer/atelier/{workshop.pk}/code/"
    return [f"Codes de vote de démo pour « {workshop.title} » ({code_url}, ou {base}/vote/) :"] + [
        f"  {format_code(code)}" for code in codes[:shown]
    ]


def _voter_kind_lines(resident):
    lines = ["Un vote ouvert pour chaque type de votants (démo) :"]
    code_lines = []
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    for centre_slug, slug, title, voters in VOTER_KIND_WORKSHOPS:
        centre = CentrePage.objects.filter(slug=centre_slug).first()
        if centre is None:
            continue
        workshop = WorkshopPage.objects.filter(slug=slug, centre=centre).first()
        if workshop is None:
            question = "Laquelle de ces idées préférez-vous ?"
            workshop = _create_workshop(centre, "voting", slug, title, question, KIND_IDEAS, resident, voters)
        lines.append(f"  {workshop.get_voters_display()} : {title} — {base}{workshop.url}")
        if workshop.accepts_codes:
            code_lines += _code_lines(workshop, 2)
    return lines + code_lines
