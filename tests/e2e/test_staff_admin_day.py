"""A centre staff member's day in the admin, and the network admin's, in Chromium.

Staff: open the dashboard, follow each "À faire" line, moderate, dismiss reports, answer, publish
an article with an image, print codes (the PDF read back), enter a tally. Superuser: turn a join
request into an adoption.
"""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader
from wagtail.images.tests.utils import get_test_image_file

from tests.conftest import PASSWORD
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def staff_day(centre_a, centre_b, staff_a, resident):
    from wagtail.images.models import Image
    from wagtail.models import Collection

    from home.models import NewsIndexPage
    from participation.models import Proposal, ProposalReport
    from tests.participation.conftest import make_proposal, make_workshop

    voting = make_workshop(centre_a, "proposals", title="Le square")
    make_proposal(voting, title="Des bancs au square", status=Proposal.Status.PENDING)
    reported = make_proposal(voting, title="Une idée contestée")
    ProposalReport.objects.create(proposal=reported, reporter=resident, reason="Hors sujet")
    closed = make_workshop(centre_a, "results", title="La fête de quartier")
    make_proposal(closed, title="Un barbecue")
    make_proposal(make_workshop(centre_b, "proposals"), title="Idée de B", status=Proposal.Status.PENDING)
    centre_a.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
    collection = Collection.objects.filter(name__icontains="Belencontre").first() or Collection.get_first_root_node()
    Image.objects.create(title="Affiche du repair café", file=get_test_image_file(), collection=collection)
    return {"voting": voting, "closed": closed}


def todo_link(page, text):
    link = page.locator("[data-todo-panel] a", has_text=text)
    assert link.count() == 1, page.locator("[data-todo-panel]").inner_text()
    return link


def test_a_staff_members_day(desktop_page, live_server, staff_day, staff_a):
    from home.models import NewsPage
    from participation.models import Proposal, TallySheet, VotingCode

    page = desktop_page
    base = live_server.url
    log_in(page, live_server, "staff-a", PASSWORD)
    page.goto(f"{base}/admin/")
    panel = page.locator("[data-todo-panel]").inner_text()
    assert "1 proposition attend votre relecture" in panel
    assert "1 proposition signalée par des habitants" in panel
    assert "La fête de quartier" in panel and "Idée de B" not in page.content()

    # Moderate: the "waiting" line leads to the queue, the queue to the proposal.
    todo_link(page, "attend votre relecture").click()
    page.get_by_role("link", name=re.compile("BEL-.*")).first.wait_for()
    assert page.get_by_text("Des bancs au square").count() and page.get_by_text("Idée de B").count() == 0
    page.locator("tr", has_text="Des bancs au square").get_by_role("link").first.click()
    page.get_by_label("Publier").check()
    page.get_by_role("button", name="Enregistrer la décision").click()
    page.get_by_text("Décision enregistrée").wait_for()
    # Answer: the outcome and the official answer.
    page.get_by_label("Suite donnée").select_option("selected")
    page.get_by_label("Réponse officielle").fill("Les bancs seront posés en mai.")
    page.get_by_role("button", name="Enregistrer la suite").click()
    page.get_by_text("« En attente de relecture » → « Publiée »").wait_for()
    proposal = Proposal.objects.get(title="Des bancs au square")
    assert proposal.status == "published" and proposal.official_answer == "Les bancs seront posés en mai."

    # The reported proposal: dismiss the reports.
    page.goto(f"{base}/admin/")
    todo_link(page, "signalée").click()
    page.locator("tr", has_text="Une idée contestée").get_by_role("link").first.click()
    page.get_by_text("Hors sujet").first.wait_for()
    page.get_by_label(re.compile("Écarter les signalements")).check()
    page.get_by_role("button", name="Enregistrer la décision").click()
    page.get_by_text("Signalements écartés").first.wait_for()

    # Enter the tally of the workshop whose vote has closed.
    page.goto(f"{base}/admin/")
    todo_link(page, "La fête de quartier").click()
    page.fill("input[name=session_date]", (timezone.localdate() - timedelta(days=1)).isoformat())
    page.fill("input[name=ballots_cast]", "12")
    page.fill("input[name=blank]", "1")
    page.fill("input[name=spoilt]", "1")
    barbecue = staff_day["closed"].proposals.get()
    page.fill(f"input[name=p{barbecue.pk}]", "10")
    page.locator("main form button[type=submit]").last.click()
    page.get_by_text("à vérifier", exact=False).first.wait_for()
    assert TallySheet.objects.get().ballots_cast == 12
    page.goto(f"{base}/admin/")
    assert "1 feuille de dépouillement à saisir une seconde fois" in page.locator("[data-todo-panel]").inner_text()

    # Print codes for the workshop: the PDF holds the codes just made.
    page.goto(f"{base}/admin/participation/atelier/{staff_day['voting'].pk}/")
    page.fill("input[name=count]", "8")
    page.fill("input[name=batch]", "Marché")
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("Créer les codes")).click()
    reader = PdfReader(io.BytesIO(open(download.value.path(), "rb").read()))
    text = "".join(p.extract_text() for p in reader.pages)
    printed = re.findall(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}\b", text)
    assert len(printed) == 8 and VotingCode.objects.filter(batch="Marché").count() == 8
    # Revoking the batch asks first; the batch stays listed.
    page.reload()
    page.get_by_role("button", name="Révoquer ce lot…").click()
    page.get_by_text("8 codes du lot « Marché »").wait_for()
    assert VotingCode.objects.filter(revoked_at__isnull=False).count() == 0
    page.get_by_role("button", name="Oui, révoquer").click()
    page.get_by_text("Lot révoqué").wait_for()
    assert VotingCode.objects.filter(revoked_at__isnull=False).count() == 8

    # Publish an article with an image; "Publier" is the main button.
    from home.models import NewsIndexPage

    news_index = NewsIndexPage.objects.get()
    page.goto(f"{base}/admin/pages/add/home/newspage/{news_index.pk}/")
    page.fill("#id_title", "Repair café du samedi")
    page.fill("#id_intro", "Venez réparer vos objets.")
    page.get_by_role("button", name=re.compile("Choisir une image")).click()
    page.locator(".modal", has_text="Affiche du repair café").get_by_text("Affiche du repair café").first.click()
    page.locator("[data-w-image-chooser-target], .chooser").filter(has_text="Affiche du repair café").first.wait_for()
    page.fill("#id_image_alt", "Des mains qui réparent un grille-pain")
    page.locator("footer").get_by_role("button", name="Publier").first.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    assert "publiée" in page.content(), page.locator("main").inner_text()[:1500]
    article = NewsPage.objects.get()
    assert article.live and article.image and article.slug == "repair-cafe-du-samedi"
    page.goto(base + article.url)
    assert page.locator("img[alt='Des mains qui réparent un grille-pain']").count() == 1


@pytest.fixture
def join_request(db):
    from toolkit.models import JoinRequest

    return JoinRequest.objects.create(centre_name="Centre du Pont", town="Hem", contact_name="Mme A", phone="0320")


def test_a_superuser_turns_a_join_request_into_an_adoption(
    desktop_page, live_server, home_page, superuser, join_request
):
    from tests.toolkit.conftest import add_resource
    from toolkit.models import Adoption, MethodCardPage, NeighbouringCentre, ToolkitIndexPage

    index = home_page.add_child(instance=ToolkitIndexPage(title="Boîte à outils", slug="boite-a-outils"))
    card = add_resource(index, MethodCardPage, title="Le photolangage")
    join_request.wanted.set([card])
    page = desktop_page
    log_in(page, live_server, superuser.username, PASSWORD)
    page.goto(f"{live_server.url}/admin/")
    todo_link(page, "nouvelle demande").click()
    page.get_by_role("link", name="Enregistrer l’adoption").first.click()
    assert page.get_by_label("Le photolangage").is_checked()
    page.get_by_role("button", name="Enregistrer l’adoption").click()
    page.get_by_text("enregistrée(s) pour Centre du Pont").wait_for()
    centre = NeighbouringCentre.objects.get()
    assert centre.town == "Hem" and Adoption.objects.get().resource_id == card.pk
    assert page.get_by_text("Centre du Pont").count() and "False" not in page.content()
