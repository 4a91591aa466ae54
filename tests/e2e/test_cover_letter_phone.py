"""On a phone: write a cover letter from a CV, step by step (autosave included), then download it as PDF and Word."""

import copy
import io

import pytest
from docx import Document
from playwright.sync_api import expect
from pypdf import PdfReader

from cv_builder.models import CV, CoverLetter
from tests.conftest import PASSWORD
from tests.cv_builder.conftest import FULL_DATA
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def fits_the_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.url


def test_write_a_letter_from_a_cv_and_download_it(page, live_server, resident, home_page):
    CV.objects.create(owner=resident, title="CV ménage", data=copy.deepcopy(FULL_DATA))
    log_in(page, live_server, resident.username, PASSWORD)
    page.goto(f"{live_server.url}/mon-cv/")
    page.get_by_role("link", name="Écrire une lettre de motivation").click()
    fits_the_phone(page)
    page.get_by_label("Réponse à une offre d'emploi").check()
    page.get_by_label("Entreprise ou organisme").fill("Boulangerie Dupré")
    page.get_by_role("button", name="Commencer la lettre").click()
    page.wait_for_url("**/offre/")
    letter = CoverLetter.objects.get(owner=resident)
    fits_the_phone(page)

    page.get_by_label("Poste visé").fill("Vendeuse")
    page.get_by_label("Où avez-vous vu l'offre ?").fill("France Travail")
    page.get_by_role("button", name="Enregistrer et passer à l'étape suivante").click()
    page.wait_for_url("**/motivation/")
    fits_the_phone(page)
    # Autosave: no click, the letter is saved one second after typing stops, and the preview follows.
    page.get_by_label("Pourquoi ce métier et cette entreprise ?").fill("J'aime le contact avec les clients.")
    page.wait_for_selector("#cv-save-status .cv-status-ok", timeout=10_000)
    expect(page.locator("#cv-preview")).to_contain_text("J'aime le contact avec les clients.", timeout=10_000)
    letter.refresh_from_db()
    assert letter.data["why"] == "J'aime le contact avec les clients."
    page.get_by_role("button", name="Enregistrer et passer à l'étape suivante").click()
    page.wait_for_url("**/atouts/")
    fits_the_phone(page)
    page.get_by_label("Caissière chez Supérette du Pile").check()
    page.get_by_label("Rigueur").check()
    page.get_by_role("button", name="Enregistrer et passer à l'étape suivante").click()
    page.wait_for_url("**/souhaits/")
    page.get_by_label("Tout de suite").check()
    page.get_by_label("CDI").check()
    page.get_by_role("button", name="Enregistrer et passer à l'étape suivante").click()
    page.wait_for_url("**/formule/")
    fits_the_phone(page)
    page.get_by_role("button", name="Enregistrer et terminer").click()
    page.wait_for_url(f"**/mon-cv/lettres/{letter.pk}/")
    fits_the_phone(page)
    expect(page.locator(".letter-doc")).to_contain_text("Objet : candidature au poste de vendeuse")

    with page.expect_download() as info:
        page.get_by_role("link", name="PDF – Classique").click()
    pdf = PdfReader(io.BytesIO(open(info.value.path(), "rb").read()))
    assert len(pdf.pages) == 1
    text = " ".join(pdf.pages[0].extract_text().split())
    assert "Boulangerie Dupré" in text and "mon expérience de caissière chez Supérette du Pile" in text
    assert "Je suis disponible immédiatement. Je recherche un CDI." in text

    with page.expect_download() as info:
        page.get_by_role("link", name="Fichier Word (.docx)").click()
    assert info.value.suggested_filename.endswith(".docx")
    document = Document(io.BytesIO(open(info.value.path(), "rb").read()))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [
        "Objet : candidature au poste de vendeuse"
    ]
