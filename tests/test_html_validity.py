"""Valid HTML on the key pages: no HTML5 parse error, unique ids, and every reference to an id resolves.

Pages come from the full demo (every app's seeder), fetched with the Django test client through the
real URLs, as a visitor, a resident, a jobseeker and centre staff; forms are also shown with their
errors. Each page is parsed with html5lib (the WHATWG parsing algorithm): any parse error it reports
(what `HTMLParser(strict=True)` would raise on) fails the test, all of them listed.
"""

import io
from collections import Counter
from datetime import timedelta

import html5lib
import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.consent import Task
from home.models import CentrePage
from tests.consent_helpers import give_consent

pytestmark = pytest.mark.django_db

# Attributes holding one or more ids (space-separated) that must exist in the same document.
ID_REFERENCES = ("for", "aria-describedby", "aria-labelledby", "aria-controls", "aria-owns", "list", "form")
# Attributes that hold ids only on some elements (<output for> too; <meta name=… content> never).
REFERRING_TAGS = {
    "for": ("label", "output"),
    "list": ("input",),
    "form": ("button", "input", "select", "textarea", "fieldset", "output", "object"),
}


@pytest.fixture
def demo():
    from home.management.commands.seed_demo import demo_modules

    for module in demo_modules():
        module.seed(io.StringIO())


def html_problems(content):
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    document = parser.parse(content)
    problems = []
    for (line, col), code, data in parser.errors:
        problems.append(f"parse error line {line} col {col}: {code} {data or ''}")
    elements = list(document.iter())
    ids = Counter(el.get("id") for el in elements if el.get("id") is not None)
    problems += [f"duplicate id “{value}” ({count}×)" for value, count in ids.items() if count > 1]
    problems += [f"empty id on <{el.tag}>" for el in elements if el.get("id") == ""]
    for el in elements:
        for attribute in ID_REFERENCES:
            value = el.get(attribute)
            if value is None or el.tag not in REFERRING_TAGS.get(attribute, (el.tag,)):
                continue
            for target in value.split() or [""]:
                if target not in ids:
                    problems.append(f"<{el.tag} {attribute}=“{value}”>: no element has id “{target}”")
    # A field's error message is announced with the field: some field must be described by it.
    described = {target for el in elements for target in (el.get("aria-describedby") or "").split()}
    for el in elements:
        if "errorlist" in (el.get("class") or "").split() and el.get("id") and el.get("id") not in described:
            problems.append(f"error message #{el.get('id')} is not linked to its field (aria-describedby)")
    return problems


class Checker:
    def __init__(self, client):
        self.client = client
        self.problems = []

    def check(self, name, path, method="get", data=None, status=200):
        response = getattr(self.client, method)(path, data or {})
        assert response.status_code == status, f"{name} ({path}): HTTP {response.status_code}, expected {status}"
        assert response["Content-Type"].startswith("text/html"), f"{name}: {response['Content-Type']}"
        for problem in html_problems(response.content.decode()):
            self.problems.append(f"{name} ({path}): {problem}")
        return response

    def assert_valid(self):
        assert not self.problems, "HTML problems:\n" + "\n".join(self.problems)


def log_in(client, username):
    client.force_login(get_user_model().objects.get(username=username))


def _workshops():
    from participation.models import WorkshopPage

    return {w.slug: w for w in WorkshopPage.objects.live()}


def test_the_checker_catches_broken_html():
    assert html_problems("<!DOCTYPE html><html lang=fr><title>x</title><p>ok</p>") == []
    assert any("parse error" in p for p in html_problems("<!DOCTYPE html><title>x</title><p><div></span>"))
    assert any("duplicate id" in p for p in html_problems("<!DOCTYPE html><title>x</title><p id=a><p id=a>"))
    problems = html_problems('<!DOCTYPE html><title>x</title><label for="nope">x</label><input aria-describedby="a b">')
    assert len([p for p in problems if "no element has id" in p]) == 3
    unlinked = '<!DOCTYPE html><title>x</title><ul class="errorlist" id="id_a_error"><li>!</li></ul><input id="id_a">'
    assert any("not linked" in p for p in html_problems(unlinked))


def test_server_error_page_is_valid_html():
    from django.template.loader import render_to_string

    assert html_problems(render_to_string("500.html")) == []


def test_public_pages_are_valid_html(client, demo):
    from home.models import CentrePage, EventPage, NewsPage
    from toolkit.models import GuidePage, KezakoPage, LearningPathPage, MethodCardPage, PrototypePage

    checker = Checker(client)
    checker.check("home", "/")
    checker.check("centre page", CentrePage.objects.get(slug="belencontre").url)
    for page in CentrePage.objects.get(slug="belencontre").get_children().live():
        checker.check(f"centre section {page.slug}", page.url)
    checker.check("news article", NewsPage.objects.live().first().url)
    checker.check("event", EventPage.objects.live().first().url)
    checker.check("legal notice", "/mentions-legales/")
    checker.check("accessibility statement", "/accessibilite/")
    checker.check("search results", "/recherche/?q=atelier")
    checker.check("search, nothing found", "/recherche/?q=zzzzzz")
    checker.check("search, empty", "/recherche/")
    checker.check("search, a typo", "/recherche/?q=bellencontre")
    checker.check("404", "/cette-page-n-existe-pas/", status=404)
    checker.check("log-in", "/compte/login/")
    checker.check("log-in with errors", "/compte/login/", "post", {"login": "x", "password": "y"})
    checker.check("sign-up", "/compte/signup/")
    checker.check("sign-up with errors", "/compte/signup/", "post", {"username": ""})
    checker.check("password reset", "/compte/password/reset/")
    checker.check("participer", "/participer/")
    for slug, workshop in _workshops().items():
        checker.check(f"workshop {slug}", workshop.url)
    checker.check("toolkit index", "/boite-a-outils/")
    checker.check("toolkit index filtered", "/boite-a-outils/?type=prototype&q=cv")
    checker.check("toolkit index, bad filter", "/boite-a-outils/?theme=nope")
    checker.check("toolkit index, nothing found", "/boite-a-outils/?q=zzzzzz")
    for model in (PrototypePage, MethodCardPage, KezakoPage, GuidePage, LearningPathPage):
        checker.check(model.__name__, model.objects.live().first().url)
    checker.check("join form", "/boite-a-outils/rejoindre/")
    checker.check("join form with errors", "/boite-a-outils/rejoindre/", "post", {}, status=400)
    sheet = PrototypePage.objects.live().get(slug="plateforme-cv-en-ligne")  # with a story and feedback
    checker.check("join form from a sheet", f"/boite-a-outils/rejoindre/?ressource={sheet.pk}")
    checker.check("feedback form", sheet.url + "avis/")
    checker.check("feedback form with errors", sheet.url + "avis/", "post", {"reports_outdated": "on"}, status=400)
    checker.check("feedback thanks", sheet.url + "avis/merci/")
    checker.assert_valid()


def test_participation_pages_are_valid_html(client, demo):
    from participation.models import Proposal

    checker = Checker(client)
    workshops = _workshops()
    voting = workshops["fete-de-quartier"]
    checker.check("voting-code page", f"/participer/atelier/{voting.pk}/code/")
    response = checker.client.post(f"/participer/atelier/{voting.pk}/code/", {"code": "AAAA-BBBB-CC"})
    for problem in html_problems(response.content.decode()):
        checker.problems.append(f"voting code with a wrong code: {problem}")
    checker.check("short voting address", "/vote/")
    checker.check("short voting address, not a code", "/vote/", "post", {"code": "pas un code"}, status=400)
    log_in(client, "participante-demo")
    for slug, workshop in workshops.items():
        checker.check(f"workshop {slug}, resident", workshop.url)
    proposing = workshops["square-des-lilas"]
    checker.check("proposal form", f"/participer/atelier/{proposing.pk}/proposer/")
    response = client.post(f"/participer/atelier/{proposing.pk}/proposer/", {})
    for problem in html_problems(response.content.decode()):
        checker.problems.append(f"proposal form with errors (HTTP {response.status_code}): {problem}")
    checker.check("results", f"/participer/atelier/{workshops['numerique-pour-tous'].pk}/resultats/")
    for proposal in Proposal.objects.public().filter(workshop=voting)[: voting.max_supports]:
        client.post(f"/participer/atelier/{voting.pk}/soutenir/{proposal.pk}/")
    checker.check("voting workshop at the support limit", voting.url)
    for proposal in Proposal.objects.public().filter(workshop__in=workshops.values())[:3]:
        checker.check(f"proposal {proposal.reference}", f"/participer/proposition/{proposal.reference}/")
    checker.assert_valid()


def test_cover_letter_pages_are_valid_html(client, demo):
    from cv_builder.letters import STEPS
    from cv_builder.models import CV, CoverLetter

    cv = CV.objects.get(owner__username="demo-cv")
    data = {"kind": "offer", "company": "Net'Façade", "job_title": "Agente de propreté", "work": [], "skills": []}
    letter = CoverLetter.objects.create(owner=cv.owner, cv=cv, title="Lettre Façade", data=data)
    checker = Checker(client)
    log_in(client, "demo-cv")
    checker.check("CV list with a letter", "/mon-cv/")
    checker.check("new letter", f"/mon-cv/{cv.pk}/lettre/")
    checker.check("new letter with errors", f"/mon-cv/{cv.pk}/lettre/", "post", {"kind": "x"}, status=400)
    checker.check("letter page", f"/mon-cv/lettres/{letter.pk}/")
    for step in STEPS:
        checker.check(f"letter step {step.slug}", f"/mon-cv/lettres/{letter.pk}/{step.slug}/")
    post = {"version": "1", "main-why": "x" * 1300}
    checker.check("letter step with errors", f"/mon-cv/lettres/{letter.pk}/motivation/", "post", post, status=400)
    client.post(f"/mon-cv/lettres/{letter.pk}/motivation/", {"version": "1", "main-why": "A"})
    post = {"version": "1", "main-why": "B"}
    checker.check("letter conflict", f"/mon-cv/lettres/{letter.pk}/motivation/", "post", post, status=409)
    checker.check("letter history", f"/mon-cv/lettres/{letter.pk}/historique/")
    checker.check("letter delete", f"/mon-cv/lettres/{letter.pk}/supprimer/")
    binned = CoverLetter.objects.create(owner=cv.owner, cv=cv, title="Vieille lettre", deleted_at=timezone.now())
    checker.check("bin with a letter", "/mon-cv/corbeille/")
    checker.check("letter erase confirmation", f"/mon-cv/lettres/{binned.pk}/effacer/")
    checker.assert_valid()


def test_cv_pages_are_valid_html(client, demo):
    from cv_builder.models import CV, ShareLink
    from cv_builder.sections import SECTIONS

    cv = CV.objects.get(owner__username="demo-cv")
    link = ShareLink.objects.create(cv=cv, label="Conseillère", expires_at=timezone.now() + timedelta(days=7))
    checker = Checker(client)
    checker.check("share page", f"/mon-cv/partage/{link.token}/")
    log_in(client, "demo-cv")
    checker.check("CV list", "/mon-cv/")
    checker.check("CV editor", f"/mon-cv/{cv.pk}/")
    for section in SECTIONS:
        checker.check(f"CV step {section.slug}", f"/mon-cv/{cv.pk}/{section.slug}/")
    checker.check("CV settings with errors", f"/mon-cv/{cv.pk}/reglages/", "post", {"title": ""}, status=400)
    checker.check("CV preview", f"/mon-cv/{cv.pk}/apercu/")
    checker.check("CV sharing", f"/mon-cv/{cv.pk}/partage/")
    checker.check("CV history", f"/mon-cv/{cv.pk}/historique/")
    checker.check("CV import", "/mon-cv/importer/")
    checker.check("CV bin", "/mon-cv/corbeille/")
    binned = CV.objects.create(owner=cv.owner, title="Ancien CV", deleted_at=timezone.now())
    checker.check("CV erase confirmation", f"/mon-cv/{binned.pk}/effacer/")
    checker.check("CV length", f"/mon-cv/{cv.pk}/longueur/")
    checker.check("Mon compte", "/compte/")
    checker.check("delete account", "/compte/supprimer/")
    checker.check("change password", "/compte/password/change/")
    checker.assert_valid()


def test_staff_pages_are_valid_html(client, demo):
    checker = Checker(client)
    log_in(client, "equipe-belencontre")
    checker.check("desk account page", "/compte/accueil/")
    checker.check("desk search", "/compte/accueil/?q=karim")
    checker.check("desk: new account", "/compte/accueil/nouveau/")
    checker.check("desk: new account with errors", "/compte/accueil/nouveau/", "post", {"display_name": ""}, status=400)
    response = client.post("/compte/accueil/nouveau/", {"display_name": "Samia"})
    assert response.status_code == 302 and "/carte/" in response["Location"], response.status_code
    checker.check("desk: login card", response["Location"])
    checker.check("CV accompaniment", "/mon-cv/accompagnement/")
    checker.assert_valid()


def test_trust_pages_are_valid_html(client, demo):
    """Desk verification, Mon compte with a verification, one-ballot choice, private workshop refusal."""
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    from participation.demo import demo_codes
    from participation.models import Ballot, Proposal, Support

    User = get_user_model()
    checker = Checker(client)
    workshops = _workshops()
    log_in(client, "equipe-belencontre")
    resident = User.objects.get(username="habitante-demo")
    checker.check("desk search, verified resident", "/compte/accueil/?q=amina-verifiee")
    checker.check("desk search, unverified resident", "/compte/accueil/?q=habitante-demo")
    checker.check("desk: verify without consent", f"/compte/accueil/compte/{resident.pk}/verifier/", status=403)
    give_consent(resident, CentrePage.objects.get(slug="belencontre"), Task.VERIFICATION)
    checker.check("desk: verify", f"/compte/accueil/compte/{resident.pk}/verifier/")
    checker.check("desk: verify with errors", f"/compte/accueil/compte/{resident.pk}/verifier/", "post", {}, status=400)
    log_in(client, "amina-verifiee")
    checker.check("Mon compte, verified", "/compte/")
    # Logged in, with supports, and a code that has supports too: the choice page.
    voting = workshops["fete-de-quartier"]
    proposals = list(Proposal.objects.public().filter(workshop=voting)[:2])
    code = demo_codes(voting.slug)[-1]
    anonymous = client.__class__()
    anonymous.post(f"/participer/atelier/{voting.pk}/code/", {"code": code})
    anonymous.post(f"/participer/atelier/{voting.pk}/soutenir/{proposals[0].pk}/")
    amina = User.objects.get(username="amina-verifiee")
    Support.objects.create(ballot=Ballot.objects.create(workshop=voting, user=amina), proposal=proposals[1])
    response = client.post(f"/participer/atelier/{voting.pk}/code/", {"code": code})
    assert response.status_code == 302 and response["Location"].endswith("/code/choisir/")
    checker.check("one ballot: choose", response["Location"])
    checker.check("one ballot: choose with errors", response["Location"], "post", {}, status=400)
    checker.check("workshop, code waiting for the choice", voting.url)
    # A workshop for some groups only: the refusal page.
    restricted = workshops["numerique-pour-tous"]
    restriction = PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Conseil citoyen (démo)"))
    checker.check("private workshop refused", f"/participer/atelier/{restricted.pk}/resultats/", status=403)


def test_consent_pages_are_valid_html(client, demo):
    import re

    from accounts.consent import Action, JournalEntry
    from home.models import CentrePage

    checker = Checker(client)
    log_in(client, "equipe-belencontre")
    centre = CentrePage.objects.get(slug="belencontre")
    checker.check("desk: found account with consent", "/compte/accueil/?q=karim-demo")
    checker.check("desk: name search", "/compte/accueil/?name=karim")
    checker.check("desk: name search with errors", "/compte/accueil/?name=k")
    new = "/compte/accueil/consentement/nouveau/"
    checker.check("consent: choose", f"{new}?account=habitante-demo")
    base = {"account": "habitante-demo", "centre": centre.pk, "tasks": ["cv_help"], "days": 90}
    checker.check("consent: choose with errors", new, "post", {"account": "habitante-demo", "step": "review"}, 400)
    checker.check("consent: read and confirm", new, "post", {**base, "step": "review"})
    checker.check("consent: confirm with errors", new, "post", {**base, "step": "confirm", "method": "password"}, 400)
    response = client.post(new, {**base, "step": "confirm", "method": "receipt_code"})
    receipt = checker.check("consent: receipt waiting for the code", response["Location"])
    code = re.search(r'id="receipt-code">(\d{6})<', receipt.content.decode())[1]
    confirm = response["Location"].replace("/recu/", "/confirmer/")
    checker.check("consent: wrong code", confirm, "post", {"code": "1"}, 400)
    client.post(confirm, {"code": code})
    checker.check("consent: receipt", response["Location"])
    checker.check("desk journal", "/compte/accueil/journal/")
    checker.check("CV accompaniment with a person", "/mon-cv/accompagnement/?q=demo")
    log_in(client, "habitante-demo")
    assert JournalEntry.objects.filter(person__username="habitante-demo", action=Action.CONSENT_GIVEN).exists()
    checker.check("Mon compte with journal", "/compte/")
    checker.check("help from the staff", "/compte/aide/")
    checker.assert_valid()


def test_staff_admin_pages_are_valid(client, demo):
    """The staff's admin screens of issue 12: dashboard with its "À faire" panel, the participation
    lists, the confirmation pages, the team guide, the join request → adoption form."""
    from participation.models import TallySheet, VotingCode, WorkshopPage
    from toolkit.models import JoinRequest

    staff = get_user_model().objects.get(username="equipe-belencontre")
    workshop = WorkshopPage.objects.filter(centre__slug="belencontre").first()
    if not VotingCode.objects.filter(workshop=workshop).exists():
        VotingCode.create_batch(workshop, 2, batch="Lot de test")
    code = VotingCode.objects.filter(workshop=workshop).first()
    sheet = TallySheet.objects.filter(workshop__centre__slug="belencontre").first()
    client.force_login(staff)
    urls = [
        "/admin/",
        "/admin/guide/",
        "/admin/participation/",
        "/admin/participation/?statut=all",
        "/admin/participation/feuilles/",
        "/admin/participation/codes/",
        f"/admin/participation/atelier/{workshop.pk}/",
        f"/admin/participation/atelier/{workshop.pk}/codes/revoquer-lot/?batch={code.batch}",
    ]
    if sheet is not None:
        urls.append(f"/admin/participation/feuilles/delete/{sheet.pk}/")
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        found[url] = html_problems(response.content.decode())
    # Wagtail 8's own site summary panel refers to a heading id it never renders (not ours).
    wagtail_summary = "<section aria-labelledby=“header-title”>: no element has id “header-title”"
    found["/admin/"] = [problem for problem in found["/admin/"] if problem != wagtail_summary]
    client.force_login(get_user_model().objects.filter(is_superuser=True).first())
    join_request = JoinRequest.objects.first() or JoinRequest.objects.create(
        centre_name="Centre du Pont", town="Hem", contact_name="A"
    )
    url = f"/admin/boite-a-outils/demandes/{join_request.pk}/adoption/"
    found[url] = html_problems(client.get(url).content.decode())
    assert not any(found.values()), {url: problems for url, problems in found.items() if problems}


def _followed_proposal():
    """A demo proposal of Belencontre, selected, with a milestone; and a paper one with a receipt secret."""
    from participation.models import Milestone, PaperFollowUp, Proposal

    proposal = Proposal.objects.filter(status="published", workshop__centre__slug="belencontre").first()
    proposal.outcome = Proposal.Outcome.SELECTED
    proposal.save()
    Milestone.objects.create(proposal=proposal, text="Les bacs sont posés.", progress="under_way")
    paper = Proposal.objects.create(
        workshop=proposal.workshop, title="Une fresque", description="Sur le mur.", on_paper=True
    )
    receipt = PaperFollowUp(proposal=paper)
    receipt.set_secret("ACDE34")
    receipt.save()
    return proposal, paper


def test_notification_and_follow_up_pages_are_valid_html(client, demo):
    from accounts.notifications import notify, unsubscribe_token

    proposal, paper = _followed_proposal()
    resident = get_user_model().objects.get(username="participante-demo")
    notify([resident], "proposal_published", "Votre proposition « Des bancs » est publiée.", "/participer/")
    checker = Checker(client)
    checker.check("proposal with a timeline", f"/participer/proposition/{proposal.reference}/")
    checker.check("follow a paper proposal", "/participer/suivi/")
    checker.check("follow: errors", "/participer/suivi/", "post", {"reference": ""}, status=400)
    checker.check(
        "follow: wrong code",
        "/participer/suivi/",
        "post",
        {"reference": paper.reference, "secret": "AAA-AAA"},
        status=400,
    )
    checker.check("follow: found", "/participer/suivi/", "post", {"reference": paper.reference, "secret": "ACD-E34"})
    token = unsubscribe_token(resident, "proposal_published")
    checker.check("unsubscribe", f"/compte/messages/desabonner/{token}/")
    checker.check("unsubscribe: done", f"/compte/messages/desabonner/{token}/", "post")
    checker.check("unsubscribe: damaged link", "/compte/messages/desabonner/abc/", status=400)
    log_in(client, "participante-demo")
    checker.check("Mon compte with a new message", "/compte/")
    checker.check("my messages", "/compte/messages/")
    checker.check("my messages by email", "/compte/messages/mes-choix/")
    log_in(client, "equipe-belencontre")
    checker.check("staff: messages by email and digest", "/compte/messages/mes-choix/")
    checker.check("staff: bad digest choice", "/compte/messages/mes-choix/", "post", {"daily_digest": "x"}, status=400)
    checker.check("staff: paper receipt", f"/admin/participation/proposition/{paper.pk}/recu/", "post")


def test_indicator_pages_are_valid_html(client, demo):
    """The indicators report (network admin and centre staff), with bad input, and the annual report page."""
    from datetime import date

    checker = Checker(client)
    year = date.today().year
    belencontre = CentrePage.objects.get(slug="belencontre")
    log_in(client, "equipe-belencontre")
    checker.check("indicators, centre staff", "/admin/indicateurs/")
    checker.check("indicators, a quarter", "/admin/indicateurs/", data={"kind": "quarter", "year": year, "quarter": 2})
    checker.check("indicators, bad dates", "/admin/indicateurs/", data={"kind": "custom", "start": "x"}, status=400)
    checker.check("annual report", f"/admin/indicateurs/rapport-annuel/{year}/{belencontre.pk}/")
    checker.check(
        "annual report, comment too long",
        f"/admin/indicateurs/rapport-annuel/{year}/{belencontre.pk}/", "post", {"text": "x" * 3001}, status=400,
    )  # fmt: skip
    get_user_model().objects.create_superuser("reseau-html", password="x", email="")
    log_in(client, "reseau-html")
    checker.check("indicators, network admin", "/admin/indicateurs/")
    checker.check("annual report, network", f"/admin/indicateurs/rapport-annuel/{year}/reseau/")
    checker.assert_valid()
