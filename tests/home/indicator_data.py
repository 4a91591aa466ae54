"""A small but complete set of rows for the indicator tests, in two centres, and independent counts."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts import consent as consent_api
from accounts.models import ResidentVerification
from cv_builder.models import CV, CentreShare, CoverLetter
from home.models import CentrePage, NewsIndexPage, NewsPage
from participation.models import Ballot, Proposal, Support, TallySheet, VotingCode
from tests.conftest import make_user
from tests.participation.conftest import confirmed_sheet, make_proposal, make_workshop
from toolkit.models import Adoption, JoinRequest, NeighbouringCentre, PrototypePage, ToolkitIndexPage


def vote(workshop, proposals, user=None, code=None):
    ballot = Ballot.objects.create(workshop=workshop, user=user, code=code)
    for proposal in proposals:
        Support.objects.create(ballot=ballot, proposal=proposal)
    return ballot


def build(home_page, centre_a, centre_b, staff_a, staff_b):
    """Rows of every kind; returns the people and workshops the tests need."""
    today = timezone.localdate()
    people = [make_user(f"habitant-{n}") for n in range(9)]
    ws_a = make_workshop(centre_a, "voting", audience_size=40)
    ws_a2 = make_workshop(centre_a, "results")
    ws_b = make_workshop(centre_b, "proposals")
    a1 = make_proposal(ws_a, "Bancs", author=people[0], outcome=Proposal.Outcome.SELECTED)
    a2 = make_proposal(ws_a, "Arbres", author=people[1], outcome=Proposal.Outcome.DONE)
    make_proposal(ws_a, "Pending", status=Proposal.Status.PENDING, author=people[2])
    make_proposal(ws_a, "Sur papier", on_paper=True, on_behalf_of="Mme X")
    b1 = make_proposal(ws_a2, "Jeux", author=people[3])
    make_proposal(ws_b, "Fresque", author=people[4], status=Proposal.Status.REJECTED)
    make_proposal(ws_b, "Potager", author=people[4])
    # Online votes in A: accounts 0 (also author), 5, 6; a voting code; a ballot without supports.
    vote(ws_a, [a1, a2], user=people[0])
    vote(ws_a, [a1], user=people[5])
    vote(ws_a2, [b1], user=people[5])
    vote(ws_a, [a2], user=people[6])
    codes_plain = VotingCode.create_batch(ws_a, 6)
    code = VotingCode.find(ws_a, codes_plain[0])
    vote(ws_a, [a1], code=code)
    Ballot.objects.create(workshop=ws_a, user=people[7])  # no support: not a participant
    VotingCode.create_batch(ws_b, 3)
    # Paper: one confirmed sheet (12 cast, 2 blank, 1 spoilt), one still to check (not counted).
    confirmed_sheet(ws_a, today - timedelta(days=1), {a1: 6, a2: 5}, ballots_cast=12, blank=2, spoilt=1, user=staff_a)
    TallySheet.objects.create(workshop=ws_a, session_date=today, ballots_cast=50, blank=0, spoilt=0)
    # Accounts: desk-created in A (journal), verifications and consents.
    desk = [make_user(f"accueil-{n}", created_by=staff_a) for n in range(2)]
    for person in desk:
        consent_api.record_action(staff_a, person, centre_a, consent_api.Action.ACCOUNT_CREATED, target=person.username)
    ResidentVerification.objects.create(user=people[0], centre=centre_a, verified_by=staff_a)
    ResidentVerification.objects.create(user=people[4], centre=centre_b, verified_by=staff_b)
    for person in (people[0], people[1], desk[0]):
        consent_api.grant(person, centre_a, [consent_api.Task.CV_HELP], days=30,
                          method=consent_api.Method.STAFF_ATTESTED, recorded_by=staff_a)  # fmt: skip
    # CVs: three started, one downloaded, two shared (A and B).
    cvs = [CV.objects.create(owner=people[n], title=f"CV {n}") for n in (0, 1, 8)]
    CV.objects.filter(pk=cvs[0].pk).update(pdf_downloaded_at=timezone.now())
    CentreShare.objects.create(cv=cvs[0], centre=centre_a)
    CentreShare.objects.create(cv=cvs[1], centre=centre_b)
    # Cover letters: two for the first CV, one for the third.
    for cv in (cvs[0], cvs[0], cvs[2]):
        CoverLetter.objects.create(owner=cv.owner, cv=cv)
    # Toolkit: a network centre's adoption, a neighbour's (not counted by centre), a join request.
    in_network = NeighbouringCentre.objects.create(name="Belencontre", town="Tourcoing", in_network=True,
                                                   network_centre=centre_a)  # fmt: skip
    neighbour = NeighbouringCentre.objects.create(name="Voisin", town="Lille")
    index = home_page.add_child(instance=ToolkitIndexPage(title="Boîte à outils", slug="boite-a-outils"))
    proto = index.add_child(instance=PrototypePage(title="Frigo solidaire", slug="frigo", summary="Résumé.",
                                                   need="<p>Besoin.</p>", origin_centre=centre_a,
                                                   status=PrototypePage.Status.TESTING))  # fmt: skip
    proto.save_revision().publish()
    Adoption.objects.create(centre=in_network, resource=proto, stage=Adoption.Stage.TESTING)
    Adoption.objects.create(centre=neighbour, resource=proto, stage=Adoption.Stage.ADOPTED)
    JoinRequest.objects.create(centre_name="Voisin", town="Lille", contact_name="Mme Y")
    news_index = centre_a.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
    news_index.add_child(instance=NewsPage(title="Fête", slug="fete", intro="Résumé.")).save_revision().publish()
    return {"people": people, "desk": desk, "workshops": [ws_a, ws_a2, ws_b], "cvs": cvs,
            "network_centre": in_network, "neighbour": neighbour}  # fmt: skip


def independent_counts(period, centre_ids):
    """The figures counted again from the rows, in Python, without the indicator code."""
    inside = lambda moment: period.since <= moment < period.until  # noqa: E731
    in_scope = lambda centre_id: centre_id in centre_ids  # noqa: E731
    found = {}

    def add(key, centre_id, n=1):
        if in_scope(centre_id):
            found.setdefault(key, {}).setdefault(centre_id, 0)
            found[key][centre_id] += n

    for p in Proposal.objects.select_related("workshop"):
        if inside(p.created_at):
            add("participation.proposals_submitted", p.workshop.centre_id)
            if p.status == "published":
                add("participation.proposals_published", p.workshop.centre_id)
            if p.outcome in ("selected", "in_progress", "done"):
                add("participation.proposals_selected", p.workshop.centre_id)
            if p.outcome == "done":
                add("participation.proposals_done", p.workshop.centre_id)
    people, without_account, codes_used = {}, {}, {}
    for ballot in Ballot.objects.select_related("workshop"):
        if not inside(ballot.created_at) or not Support.objects.filter(ballot=ballot).exists():
            continue
        centre_id = ballot.workshop.centre_id
        if ballot.user_id:
            people.setdefault(centre_id, set()).add(ballot.user_id)
        else:
            without_account[centre_id] = without_account.get(centre_id, 0) + 1
        if ballot.code_id:
            codes_used[centre_id] = codes_used.get(centre_id, 0) + 1
    for p in Proposal.objects.select_related("workshop"):
        if p.author_id and inside(p.created_at):
            people.setdefault(p.workshop.centre_id, set()).add(p.author_id)
    for centre_id, ids in people.items():
        add("participation.accounts", centre_id, len(ids))
        add("participation.participants", centre_id, len(ids))
    for centre_id, n in without_account.items():
        add("participation.participants", centre_id, n)
    for centre_id, n in codes_used.items():
        add("participation.codes_used", centre_id, n)
    for code in VotingCode.objects.select_related("workshop"):
        if inside(code.created_at):
            add("participation.codes_issued", code.workshop.centre_id)
    for sheet in TallySheet.objects.select_related("workshop"):
        if sheet.status == "confirmed" and period.start <= sheet.session_date <= period.end:
            add("participation.paper_ballots", sheet.workshop.centre_id, sheet.ballots_cast)
            add("participation.paper_blank", sheet.workshop.centre_id, sheet.blank)
            add("participation.paper_spoilt", sheet.workshop.centre_id, sheet.spoilt)
    for user in get_user_model().objects.all():
        if user.is_staff or user.is_superuser or user.groups.exists() or not inside(user.date_joined):
            continue
        if user.created_by_id:
            entry = user.journal.filter(action="account_created").order_by("created_at").first()
            add("accounts.created_desk", entry.centre_id if entry else None)
        else:
            add("accounts.created_online", None)
    verified = {(v.centre_id, v.user_id) for v in ResidentVerification.objects.all() if inside(v.verified_at)}
    for centre_id, _user in verified:
        add("accounts.verifications", centre_id)
    consents = {(c.centre_id, c.person_id) for c in consent_api.Consent.objects.all()
                if c.confirmed_at and inside(c.given_at)}  # fmt: skip
    for centre_id, _person in consents:
        add("accounts.consents", centre_id)
    for cv in CV.objects.all():
        if inside(cv.created_at):
            add("cv_builder.started", None)
        if cv.pdf_downloaded_at and inside(cv.pdf_downloaded_at):
            add("cv_builder.pdf", None)
    for share in CentreShare.objects.all():
        if inside(share.created_at):
            add("cv_builder.shared", share.centre_id)
    for letter in CoverLetter.objects.all():
        if inside(letter.created_at):
            add("cv_builder.letters", None)
    for adoption in Adoption.objects.select_related("centre"):
        if adoption.centre.network_centre_id and period.start <= adoption.started_on <= period.end:
            add(f"toolkit.adoptions_{adoption.stage}", adoption.centre.network_centre_id)
    for page in PrototypePage.objects.live():
        if page.first_published_at < period.until:
            add(f"toolkit.prototypes_{page.status}", page.origin_centre_id)
    for page in NewsPage.objects.live():
        if inside(page.first_published_at):
            centre = CentrePage.objects.ancestor_of(page).first()
            add("site.news", centre.pk if centre else None)
    for request in JoinRequest.objects.all():
        if inside(request.created_at):
            add("toolkit.join_requests", None)
    return found


def nonzero(figures):
    """Figures without zero cells (the indicator code may return explicit zeros)."""
    cleaned = {}
    for key, by_centre in figures.items():
        kept = {c: v for c, v in by_centre.items() if v}
        if kept:
            cleaned[key] = kept
    return cleaned
