"""Ballot, results poster and code cards: real PDF bytes parsed back; the /vote/ short address."""

import io
import re
from datetime import date

from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from home.templatetags.french_dates import jour
from participation import guessing
from participation.models import Ballot, Proposal, Support, VotingCode, WorkshopPage
from participation.models.codes import format_code
from participation.paper import Typed, record_entry

from .conftest import confirmed_sheet, make_proposal, make_workshop
from .test_results import set_phase

MM = 72 / 25.4
TITLES = ("Des bancs à l’ombre", "Un potager partagé", "Une boîte à livres", "Un composteur", "Des jeux")


def pdf_text(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def page_size_mm(reader):
    box = reader.pages[0].mediabox
    return round(float(box.width) / MM), round(float(box.height) / MM)


def closing(workshop):
    """The closing day as printed: "3 décembre 2026", "1er décembre 2026"."""
    return jour(workshop.voting_end)


def test_ballot_lists_every_published_proposal_in_a4_and_a5(client, staff_a, centre_a):
    workshop = make_workshop(centre_a, "preparing", max_supports=3)
    proposals = [make_proposal(workshop, title=title) for title in TITLES]
    make_proposal(workshop, title="Une idée refusée", status=Proposal.Status.REJECTED)
    make_proposal(workshop, title="Une idée en attente", status=Proposal.Status.PENDING)
    client.force_login(staff_a)
    url = f"/admin/participation/atelier/{workshop.pk}/bulletin.pdf"
    for fmt, size in (("A4", (210, 297)), ("A5", (148, 210))):
        reader, text = pdf_text(client.get(url, {"format": fmt}))
        assert page_size_mm(reader) == size
        for proposal in proposals:
            assert proposal.reference in text and proposal.title in text
        assert "refusée" not in text and "en attente" not in text
        assert "Cochez jusqu’à 3 propositions." in text
        assert closing(workshop) in text
        assert "blanc" in text and "nul" in text
    # An unknown format falls back to A4; with photos asked, a proposal without one still prints.
    reader, _text = pdf_text(client.get(url, {"format": "letter", "photos": "1"}))
    assert page_size_mm(reader) == (210, 297)


def test_ballot_with_nothing_published_and_for_another_centre(client, staff_a, staff_b, centre_a):
    workshop = make_workshop(centre_a, "preparing")
    client.force_login(staff_a)
    url = f"/admin/participation/atelier/{workshop.pk}/bulletin.pdf"
    response = client.get(url)
    assert response.status_code == 409 and "Aucune proposition" in response.content.decode()
    make_proposal(workshop)
    client.force_login(staff_b)
    assert client.get(url).status_code == 403
    assert Client().get(url).status_code == 302


def test_poster_ranks_online_plus_paper_with_chart_date_centre_and_qr(client, staff_a, centre_a):
    workshop = make_workshop(centre_a, "voting", question="Que faire du square ?")
    proposals = [make_proposal(workshop, title=title) for title in TITLES]
    for index, proposal in enumerate(proposals):
        for _ in range(index + 1):
            Support.objects.create(ballot=Ballot.objects.create(workshop=workshop), proposal=proposal)
    confirmed_sheet(workshop, date(2026, 3, 14), {proposals[0]: 9, proposals[1]: 2}, ballots_cast=12, blank=2, spoilt=1)
    client.force_login(staff_a)
    url = f"/admin/participation/atelier/{workshop.pk}/affiche.pdf"
    response = client.get(url)
    assert response.status_code == 409  # counts hidden until the vote closes
    set_phase(workshop, "results")
    for fmt, size in (("A4", (210, 297)), ("A3", (297, 420))):
        response = client.get(url, {"format": fmt})
        reader, text = pdf_text(response)
        assert page_size_mm(reader) == size and len(reader.pages) == 1
        assert "Que faire du square ?" in text and "Centre social Belencontre" in text
        # Bancs: 1 online + 9 paper = 10, first; then Des jeux 5, Un composteur 4, potager 2 + 2 = 4, livres 3.
        order = [text.index(title) for title in ("Des bancs", "Des jeux", "Un composteur", "Un potager", "Une boîte")]
        assert order == sorted(order)
        assert "Des bancs à l’ombre BEL-" in text and re.search(r"Des bancs à l’ombre \S+ 1 9 10", text)
        assert f"Résultats au {jour(timezone.localdate())}" in text
        assert "12 bulletins papier déposés (2 blancs, 1 nuls)" in text
        assert f"testserver/participer/atelier/{workshop.pk}/resultats/" in text
        page = reader.pages[0]
        # The chart is drawn (SVG bars become vector paths), and the QR code is an image.
        content = page.get_contents().get_data()
        assert content.count(b" re") >= 2 * len(TITLES) or b"re\n" in content
        assert page["/Resources"]["/XObject"]


def test_code_sheet_holds_8_or_10_cards_with_every_code_the_date_and_the_short_address(client, staff_a, centre_a):
    workshop = make_workshop(centre_a, "voting")
    client.force_login(staff_a)
    url = f"/admin/participation/atelier/{workshop.pk}/codes/"
    for per_page, count, pages in ((10, 23, 3), (8, 17, 3), (8, 16, 2)):
        response = client.post(url, {"count": count, "batch": f"Lot {per_page}-{count}", "per_page": per_page})
        reader, text = pdf_text(response)
        assert len(reader.pages) == pages
        printed = re.findall(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}\b", text)
        assert len(printed) == count
        assert all(VotingCode.find(workshop, code) for code in printed)
        assert text.count("testserver/vote/") == count
        assert text.count(closing(workshop)) == count
    # Anything but 8 or 10 per page is refused with a message, and no code is made.
    before = VotingCode.objects.count()
    response = client.post(url, {"count": 5, "per_page": 12}, follow=True)
    assert VotingCode.objects.count() == before


def test_short_address_asks_for_the_code_and_hands_over_to_the_workshop(client, centre_a):
    workshop = make_workshop(centre_a, "voting")
    proposal = make_proposal(workshop)
    [code] = VotingCode.create_batch(workshop, 1)
    page = client.get("/vote/", {"code": format_code(code)})
    assert page.status_code == 200 and f'value="{format_code(code)}"' in page.text
    response = client.post("/vote/", {"code": format_code(code).lower()}, follow=True)
    assert "Votre code est accepté." in response.text
    assert response.redirect_chain[-1][0].startswith(workshop.url)
    assert client.post(f"/participer/atelier/{workshop.pk}/soutenir/{proposal.pk}/").status_code == 302
    assert Support.objects.filter(ballot__code__lookup=code[:4]).count() == 1


def test_short_address_refuses_wrong_codes_and_counts_them(centre_a):
    workshop = make_workshop(centre_a, "voting")
    [code] = VotingCode.create_batch(workshop, 1)
    guesser = Client(REMOTE_ADDR="10.4.4.4")
    response = guesser.post("/vote/", {"code": "pas un code"})
    assert response.status_code == 400 and "Ce code n’est pas valable." in response.text
    # A right start with a wrong end goes to the workshop's page, which refuses it.
    wrong_end = code[:4] + ("A" if code[4] != "A" else "C") + code[5:]
    response = guesser.post("/vote/", {"code": wrong_end})
    assert response.status_code == 400 and "pas valable pour cet atelier" in response.text
    for _ in range(guessing.ADDRESS_FREE):
        guesser.post("/vote/", {"code": "ACDE-FGHJ-KM" if code[:4] != "ACDE" else "CDEF-FGHJ-KM"})
    response = guesser.post("/vote/", {"code": code})
    assert response.status_code == 429
    assert Client(REMOTE_ADDR="10.5.5.5").post("/vote/", {"code": code}).status_code == 302


def test_short_address_ignores_workshops_without_codes(centre_a):
    workshop = make_workshop(centre_a, "voting", voters=WorkshopPage.Voters.ACCOUNTS)
    [code] = VotingCode.create_batch(workshop, 1)
    assert Client().post("/vote/", {"code": code}).status_code == 400


def test_workshop_screen_links_the_paper_loop(client, staff_a, centre_a):
    workshop = make_workshop(centre_a, "voting")
    proposal = make_proposal(workshop)
    record_entry(workshop, date(2026, 3, 14), Typed(3, 0, 0, {proposal.pk: 3}), [proposal], staff_a)
    client.force_login(staff_a)
    page = client.get(f"/admin/participation/atelier/{workshop.pk}/").text
    assert "bulletin.pdf?format=A4" in page and "bulletin.pdf?format=A5" in page
    assert "14/03/2026</a> — <strong>À vérifier</strong>" in page
    assert "affiche.pdf" not in page and "feuilles.csv" not in page  # counts still hidden
    assert 'name="per_page"' in page
    set_phase(workshop, "results")
    page = client.get(f"/admin/participation/atelier/{workshop.pk}/").text
    assert "affiche.pdf?format=A3" in page and "feuilles.csv" in page
