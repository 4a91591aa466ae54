"""Automated accessibility audit of the key public and signed-in pages (RGAA 4.1 / WCAG 2.1 AA).

Each page is loaded in headless Chromium at 320 px wide, axe-core (vendored in tests/e2e/vendor/,
CI has no CDN) runs the WCAG 2.0/2.1 A and AA rules, and the test fails on any violation of impact
"serious" or "critical", printing every violation found. Each page must also fit in 320 px without
horizontal scrolling. Data: the full demo (the seeders of every app), as a resident would see it.
"""

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from accounts.consent import Task
from home.models import CentrePage
from tests.consent_helpers import give_consent
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8") + "\n;true"
WIDTH = 320
# Rules outside the WCAG 2.1 tags that the site also keeps clean (any impact fails): the
# structure screen-reader users navigate by, and WCAG 2.2's minimum target size.
EXTRA_RULES = [
    "heading-order",
    "page-has-heading-one",
    "empty-heading",
    "landmark-one-main",
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "aria-allowed-role",
    "target-size",
]
AXE_RUN = """async (extraRules) => {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  const extra = await axe.run(document, {runOnly: {type: 'rule', values: extraRules}});
  result.violations.push(...extra.violations);
  return {passes: result.passes.length, violations: result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary, html: n.html.slice(0, 200)})),
  }))};
}"""
TEXT_SPACING_ON = """() => {
  const style = document.createElement('style');
  style.id = 'a11y-text-spacing';
  style.textContent = `* { line-height: 1.5 !important; letter-spacing: .12em !important;
    word-spacing: .16em !important; } p { margin-bottom: 2em !important; }`;
  document.head.appendChild(style);
}"""

RESIDENT = ("participante-demo", "participante-demo-2026")
JOBSEEKER = ("demo-cv", "cv-demo-2026")
STAFF = ("equipe-belencontre", "equipe-demo-2026")


class Audit:
    def __init__(self, page, live_server, width=WIDTH):
        self.page = page
        self.base = live_server.url
        self.width = width
        self.problems = []
        self.checked = []
        page.set_viewport_size({"width": width, "height": 800})

    def goto(self, path, expect_status=200):
        response = self.page.goto(self.base + path)
        assert response.status == expect_status, f"{path}: HTTP {response.status}"

    def check(self, name):
        """Run axe on the page currently shown and check it fits the screen."""
        page = self.page
        # Evaluated through the DevTools protocol: the site's Content-Security-Policy (no inline
        # script) stays in force for the page itself.
        if not page.evaluate("typeof axe !== 'undefined'"):
            page.evaluate(AXE_SOURCE)
        result = page.evaluate(AXE_RUN, EXTRA_RULES)
        assert result["passes"] > 10, f"{name}: axe did not run properly"
        violations = result["violations"]
        blocking = [v for v in violations if v["impact"] in ("serious", "critical") or v["id"] in EXTRA_RULES]
        if violations:
            print(f"\n--- {name} ({page.url}): {len(violations)} violation(s)")
            print(json.dumps(violations, indent=1, ensure_ascii=False))
        if blocking:
            self.problems.append(f"{name}: " + ", ".join(f"{v['id']} ({v['impact']})" for v in blocking))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > self.width:
            self.problems.append(f"{name}: scrolls horizontally ({width}px): {self.overflowing()}")
        # WCAG 1.4.12: with the text spacing a reader may force, nothing may need sideways scrolling.
        page.evaluate(TEXT_SPACING_ON)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > self.width:
            self.problems.append(
                f"{name}: with WCAG 1.4.12 text spacing, scrolls horizontally ({width}px): {self.overflowing()}"
            )
        page.evaluate("document.getElementById('a11y-text-spacing').remove()")
        self.checked.append(name)

    def overflowing(self):
        """The innermost elements sticking out on the right, to find what to fix."""
        return self.page.evaluate(
            """(w) => [...document.querySelectorAll('body *')]
               .filter(e => e.getBoundingClientRect().right > w + 1 && e.children.length === 0)
               .slice(0, 5).map(e => e.tagName + '.' + e.className + ' «' + e.textContent.trim().slice(0, 40) + '»')""",
            self.width,
        )

    def visit(self, name, path, expect_status=200):
        self.goto(path, expect_status)
        self.check(name)

    def log_in(self, username, password):
        self.page.context.clear_cookies()
        log_in(self.page, type("S", (), {"url": self.base}), username, password)
        self.page.wait_for_load_state()
        assert "/compte/login/" not in self.page.url, f"log-in failed for {username}"

    def submit_without_browser_validation(self, form_selector="main form[method=post]"):
        with self.page.expect_navigation():
            self.page.evaluate(
                "(s) => { const f = document.querySelector(s); f.noValidate = true; f.requestSubmit(); }", form_selector
            )

    def assert_clean(self):
        print(f"\naxe, width and text-spacing checks at {self.width} px on {len(self.checked)} page states")
        assert not self.problems, "Accessibility problems:\n" + "\n".join(self.problems)


def _workshops():
    from participation.models import WorkshopPage

    return {w.slug: w for w in WorkshopPage.objects.live()}


def test_public_pages(page, live_server, demo):
    from home.models import CentrePage, EventIndexPage, EventPage, NewsIndexPage, NewsPage
    from toolkit.models import GuidePage, KezakoPage, LearningPathPage, MethodCardPage, PrototypePage

    audit = Audit(page, live_server)
    audit.visit("home", "/")
    audit.visit("centre page", CentrePage.objects.get(slug="belencontre").url)
    audit.visit("news article", NewsPage.objects.live().first().url)
    audit.visit("event", EventPage.objects.live().first().url)
    audit.visit("news index", NewsIndexPage.objects.live().first().url)
    audit.visit("agenda", EventIndexPage.objects.live().first().url)
    for child in CentrePage.objects.get(slug="belencontre").get_children().live().specific():
        audit.visit(f"centre section {type(child).__name__}", child.url)
    audit.visit("accessibility statement", "/accessibilite/")
    audit.visit("search results", "/recherche/?q=atelier")
    audit.visit("search, nothing found", "/recherche/?q=zzzzzz")
    audit.visit("search, a typo", "/recherche/?q=bellencontre")
    audit.visit("log-in, sent there to propose", f"/participer/atelier/{_workshops()['square-des-lilas'].pk}/proposer/")
    audit.visit("404", "/cette-page-n-existe-pas/", expect_status=404)
    audit.visit("log-in", "/compte/login/")
    audit.submit_without_browser_validation()
    audit.check("log-in with errors")
    audit.visit("sign-up", "/compte/signup/")
    audit.submit_without_browser_validation()
    audit.check("sign-up with errors")
    audit.visit("participer", "/participer/")
    for slug, workshop in _workshops().items():
        audit.visit(f"workshop {slug} ({workshop.phase_label}), anonymous", workshop.url)
    audit.visit("toolkit index", "/boite-a-outils/")
    audit.visit("toolkit index filtered", "/boite-a-outils/?type=prototype&q=cv")
    audit.visit("toolkit index, bad filter", "/boite-a-outils/?theme=nope")
    audit.visit("prototype sheet", PrototypePage.objects.live().first().url)
    audit.visit("method card", MethodCardPage.objects.live().first().url)
    audit.visit("kezako", KezakoPage.objects.live().first().url)
    audit.visit("guide", GuidePage.objects.live().first().url)
    audit.visit("learning path", LearningPathPage.objects.live().first().url)
    audit.visit("join form", "/boite-a-outils/rejoindre/")
    audit.submit_without_browser_validation()
    audit.check("join form with errors")
    sheet = PrototypePage.objects.live().get(slug="plateforme-cv-en-ligne")  # with a story and feedback
    audit.visit("prototype sheet with a story and feedback", sheet.url)
    audit.visit("join form from a sheet", f"/boite-a-outils/rejoindre/?ressource={sheet.pk}")
    audit.visit("feedback form", sheet.url + "avis/")
    audit.submit_without_browser_validation()
    audit.check("feedback form with errors")
    audit.visit("feedback thanks", sheet.url + "avis/merci/")
    audit.assert_clean()


def test_participation_pages_for_a_resident(page, live_server, demo):
    from participation.models import Proposal

    audit = Audit(page, live_server)
    audit.log_in(*RESIDENT)
    workshops = _workshops()
    for slug, workshop in workshops.items():
        audit.visit(f"workshop {slug} ({workshop.phase_label})", workshop.url)
    proposing = workshops["square-des-lilas"]
    voting = workshops["fete-de-quartier"]
    # The part htmx swaps in after a support (message, buttons) gets the same checks.
    audit.goto(voting.url)
    support = audit.page.get_by_role("button", name="Soutenir").first
    support.click()
    audit.page.get_by_text("est compté").first.wait_for()
    audit.check("voting workshop after an htmx support")
    # Issue 13: at the support limit, each other card explains and keeps a link.
    for _ in range(voting.max_supports):
        audit.goto(voting.url)
        buttons = audit.page.get_by_role("button", name=re.compile("^Soutenir :"))
        if not buttons.count():
            break
        buttons.first.click()
        audit.page.get_by_text("est compté").first.wait_for()
    audit.goto(voting.url)
    audit.page.locator(".button-unavailable").first.wait_for()
    audit.check("voting workshop at the support limit")
    results = workshops["numerique-pour-tous"]
    audit.visit("proposal form", f"/participer/atelier/{proposing.pk}/proposer/")
    audit.submit_without_browser_validation()
    audit.check("proposal form with errors")
    audit.visit("results with chart", f"/participer/atelier/{results.pk}/resultats/")
    proposal = Proposal.objects.public().filter(workshop=voting).first()
    audit.visit("proposal detail", f"/participer/proposition/{proposal.reference}/")
    audit.visit("report form", f"/participer/proposition/{proposal.reference}/signaler/")
    audit.page.context.clear_cookies()
    audit.visit("voting-code page", f"/participer/atelier/{voting.pk}/code/")
    audit.page.fill("main input[type=text]", "AAAA-BBBB-CC")
    audit.submit_without_browser_validation()
    audit.check("voting-code page with a wrong code")
    audit.visit("short voting address", "/vote/")
    audit.page.fill("main input[type=text]", "AAAA-BBBB-CC")
    audit.submit_without_browser_validation()
    audit.check("short voting address with a wrong code")
    audit.assert_clean()


def test_cover_letter_pages(page, live_server, demo):
    from cv_builder.letters import STEPS
    from cv_builder.models import CV, CoverLetter

    cv = CV.objects.get(owner__username=JOBSEEKER[0])
    data = {"kind": "offer", "company": "Net'Façade", "job_title": "Agente de propreté", "why": "J'aime ce métier."}
    letter = CoverLetter.objects.create(owner=cv.owner, cv=cv, title="Lettre Façade", data=data)
    audit = Audit(page, live_server)
    audit.log_in(*JOBSEEKER)
    audit.visit("CV list with a letter", "/mon-cv/")
    audit.visit("new letter", f"/mon-cv/{cv.pk}/lettre/")
    audit.visit("letter page", f"/mon-cv/lettres/{letter.pk}/")
    for step in STEPS:
        audit.visit(f"letter step {step.slug}", f"/mon-cv/lettres/{letter.pk}/{step.slug}/")
    audit.visit("letter history", f"/mon-cv/lettres/{letter.pk}/historique/")
    audit.visit("letter delete", f"/mon-cv/lettres/{letter.pk}/supprimer/")
    binned = CoverLetter.objects.create(owner=cv.owner, cv=cv, title="Vieille lettre", deleted_at=timezone.now())
    audit.visit("bin with a letter", "/mon-cv/corbeille/")
    audit.visit("letter erase confirmation", f"/mon-cv/lettres/{binned.pk}/effacer/")
    audit.assert_clean()


def test_cv_pages(page, live_server, demo):
    from cv_builder.models import CV, ShareLink

    cv = CV.objects.get(owner__username=JOBSEEKER[0])
    link = ShareLink.objects.create(cv=cv, label="Conseillère", expires_at=timezone.now() + timedelta(days=7))
    audit = Audit(page, live_server)
    audit.log_in(*JOBSEEKER)
    audit.visit("CV list", "/mon-cv/")
    audit.visit("CV editor", f"/mon-cv/{cv.pk}/")
    for slug in ("identite", "experience", "competences", "certificats", "references", "profils"):
        audit.visit(f"CV editor step {slug}", f"/mon-cv/{cv.pk}/{slug}/")
    audit.visit("CV preview", f"/mon-cv/{cv.pk}/apercu/")
    audit.visit("CV length", f"/mon-cv/{cv.pk}/longueur/")
    audit.visit("CV sharing", f"/mon-cv/{cv.pk}/partage/")
    audit.page.click("summary:has-text('QR code')")
    audit.check("CV sharing with the QR code open")
    audit.visit("CV history", f"/mon-cv/{cv.pk}/historique/")
    audit.visit("CV history version", f"/mon-cv/{cv.pk}/historique/{cv.history.first().history_id}/")
    binned = CV.objects.create(owner=cv.owner, title="Ancien CV", deleted_at=timezone.now())
    audit.visit("CV erase confirmation", f"/mon-cv/{binned.pk}/effacer/")
    audit.visit("Mon compte", "/compte/")
    audit.visit("change password", "/compte/password/change/")
    audit.visit("delete account", "/compte/supprimer/")
    audit.visit("CV bin", "/mon-cv/corbeille/")
    audit.visit("CV import", "/mon-cv/importer/")
    audit.page.context.clear_cookies()
    audit.visit("share page", f"/mon-cv/partage/{link.token}/")
    audit.assert_clean()


def test_staff_desk_pages(page, live_server, demo):
    audit = Audit(page, live_server)
    audit.log_in(*STAFF)
    audit.visit("desk account page", "/compte/accueil/")
    audit.visit("desk: new account", "/compte/accueil/nouveau/")
    audit.submit_without_browser_validation()
    audit.check("desk: new account with errors")
    audit.page.fill("input[name=display_name]", "Samia")
    with audit.page.expect_navigation():
        audit.page.click("main form[method=post] button[type=submit]")
    assert "/carte/" in audit.page.url
    audit.check("desk: login card")
    audit.visit("CV accompaniment", "/mon-cv/accompagnement/")
    audit.assert_clean()


def test_key_pages_on_a_desktop(desktop_page, live_server, demo):
    """The wide layout (menu on one line, columns) gets the same checks."""
    from home.models import CentrePage, NewsPage
    from toolkit.models import PrototypePage

    audit = Audit(desktop_page, live_server, width=1280)
    audit.visit("home", "/")
    audit.visit("centre page", CentrePage.objects.get(slug="belencontre").url)
    audit.visit("news article", NewsPage.objects.live().first().url)
    audit.visit("search results", "/recherche/?q=atelier")
    audit.visit("toolkit index", "/boite-a-outils/")
    audit.visit("prototype sheet", PrototypePage.objects.live().first().url)
    audit.log_in(*RESIDENT)
    for slug, workshop in _workshops().items():
        audit.visit(f"workshop {slug} ({workshop.phase_label})", workshop.url)
    audit.log_in(*JOBSEEKER)
    audit.visit("CV list", "/mon-cv/")
    audit.visit("CV preview", f"/mon-cv/{_cv_pk()}/apercu/")
    audit.assert_clean()


def _cv_pk():
    from cv_builder.models import CV

    return CV.objects.get(owner__username=JOBSEEKER[0]).pk


def test_trust_pages(page, live_server, demo):
    """Desk verification, Mon compte of a verified resident, the one-ballot choice, a private workshop."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    from participation.demo import demo_codes
    from participation.models import Ballot, Proposal, Support

    User = get_user_model()
    workshops = _workshops()
    audit = Audit(page, live_server)
    audit.log_in(*STAFF)
    audit.visit("desk: verified resident found", "/compte/accueil/?q=amina-verifiee")
    audit.visit("desk: unverified resident found", "/compte/accueil/?q=habitante-demo")
    resident = User.objects.get(username="habitante-demo")
    give_consent(resident, CentrePage.objects.get(slug="belencontre"), Task.VERIFICATION)
    audit.visit("desk: verify", f"/compte/accueil/compte/{resident.pk}/verifier/")
    audit.submit_without_browser_validation()
    audit.check("desk: verify with errors")
    audit.log_in("amina-verifiee", "amina-verifiee-2026")
    audit.visit("Mon compte, verified resident", "/compte/")
    voting = workshops["fete-de-quartier"]
    first, second = Proposal.objects.public().filter(workshop=voting)[:2]
    amina = User.objects.get(username="amina-verifiee")
    Support.objects.create(ballot=Ballot.objects.create(workshop=voting, user=amina), proposal=first)
    code = demo_codes(voting.slug)[-1]
    code_ballot = Ballot.objects.create(workshop=voting, code=voting.codes.get(lookup=code[:4]))
    Support.objects.create(ballot=code_ballot, proposal=second)
    audit.goto(f"/participer/atelier/{voting.pk}/code/")
    audit.page.fill("main input[type=text]", code)
    with audit.page.expect_navigation():
        audit.page.click("main form[method=post] button[type=submit]")
    assert audit.page.url.endswith("/code/choisir/"), audit.page.url
    audit.check("one ballot: choose")
    audit.submit_without_browser_validation()
    audit.check("one ballot: choose with errors")
    audit.visit("workshop, code waiting for the choice", voting.url)
    restricted = workshops["numerique-pour-tous"]
    restriction = PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Conseil citoyen (démo)"))
    audit.visit("private workshop refused", f"/participer/atelier/{restricted.pk}/resultats/", expect_status=403)


def test_consent_pages(page, live_server, demo):
    audit = Audit(page, live_server)
    audit.log_in(*STAFF)
    audit.visit("desk: found account with consents", "/compte/accueil/?q=karim-demo")
    audit.visit("consent: choose", "/compte/accueil/consentement/nouveau/?account=participante-demo")
    audit.page.check("input[name=tasks][value=cv_help]")
    with audit.page.expect_navigation():
        audit.page.click("main form[method=post] button[type=submit]")
    audit.check("consent: read and confirm")
    audit.page.check("input[value=staff_attested]")
    audit.page.check("input[name=attest]")
    with audit.page.expect_navigation():
        audit.page.click("main form[method=post] button[type=submit]")
    assert "/recu/" in audit.page.url
    audit.check("consent: receipt")
    audit.visit("desk journal", "/compte/accueil/journal/")
    audit.page.context.clear_cookies()
    audit.log_in(*JOBSEEKER)
    audit.visit("help from the staff", "/compte/aide/")
    audit.assert_clean()


def test_staff_admin_pages(page, live_server, demo):
    """Issue 12's staff screens inside Wagtail's admin: the "À faire" panel, the team guide, the
    proposals queue and a confirmation page (axe on the whole page, Wagtail's chrome included)."""
    from participation.models import VotingCode, WorkshopPage

    workshop = WorkshopPage.objects.filter(centre__slug="belencontre").first()
    VotingCode.create_batch(workshop, 2, batch="Lot audit")
    audit = Audit(page, live_server)
    audit.log_in(*STAFF)
    audit.visit("admin dashboard with its to-do panel", "/admin/")
    audit.visit("team guide", "/admin/guide/")
    audit.visit("proposals to review", "/admin/participation/")
    audit.visit(
        "revoke a batch: confirmation",
        f"/admin/participation/atelier/{workshop.pk}/codes/revoquer-lot/?batch=Lot+audit",
    )
    audit.assert_clean()


def test_notification_and_follow_up_pages(page, live_server, demo):
    from django.contrib.auth import get_user_model

    from accounts.notifications import notify
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
    resident = get_user_model().objects.get(username=RESIDENT[0])
    notify([resident], "proposal_published", "Votre proposition « Des bancs » est publiée.", "/participer/")
    audit = Audit(page, live_server)
    audit.visit("proposal with a timeline", f"/participer/proposition/{proposal.reference}/")
    audit.visit("follow a paper proposal", "/participer/suivi/")
    audit.page.fill("#id_reference", paper.reference)
    audit.page.fill("#id_secret", "ACD-E34")
    audit.page.click("main form button[type=submit]")
    audit.check("follow: found")
    audit.log_in(*RESIDENT)
    audit.visit("Mon compte with a new message", "/compte/")
    audit.visit("my messages", "/compte/messages/")
    audit.visit("my messages by email", "/compte/messages/mes-choix/")


def test_indicator_pages(page, live_server, demo):
    """The indicators report for a centre's staff (figures, charts, tables), with bad input, and the annual report."""
    year = timezone.localdate().year
    belencontre = CentrePage.objects.get(slug="belencontre")
    audit = Audit(page, live_server)
    audit.log_in(*STAFF)
    audit.visit("indicators report", "/admin/indicateurs/")
    audit.visit("indicators report, bad dates", "/admin/indicateurs/?kind=custom&start=x", expect_status=400)
    audit.visit("annual report", f"/admin/indicateurs/rapport-annuel/{year}/{belencontre.pk}/")
    audit.assert_clean()
