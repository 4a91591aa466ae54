"""Cover letters through real requests: start from a CV, every step, both variants, autosave, conflicts, bad input,
copy, bin, history."""

import html

import pytest
from django.urls import reverse
from django.utils import timezone

from cv_builder.letters.phrases import CLOSINGS, french_date
from cv_builder.models import CoverLetter

from .letter_helpers import step_post, step_url

pytestmark = pytest.mark.django_db


def text_of(response):
    return html.unescape(response.content.decode())


def test_start_a_letter_from_a_cv_then_every_step(owner_client, cv):
    response = owner_client.get(reverse("cv_builder:letter_create", args=[cv.pk]))
    assert response.status_code == 200 and "Réponse à une offre d'emploi" in text_of(response)
    response = owner_client.post(
        reverse("cv_builder:letter_create", args=[cv.pk]), {"kind": "offer", "company": "Boulangerie Dupré"}
    )
    letter = CoverLetter.objects.get()
    assert response.status_code == 302 and response["Location"] == step_url(letter, "offre")
    assert letter.owner == cv.owner and letter.cv == cv and letter.title == "Lettre pour Boulangerie Dupré"
    assert letter.template == cv.template and letter.data == {"kind": "offer", "company": "Boulangerie Dupré"}

    steps = [
        ("offre", {"kind": "offer", "company": "Boulangerie Dupré", "job_title": "Vendeuse",
                   "seen_where": "France Travail", "reference": "REF-42", "recipient": "Madame Dupré",
                   "address": "3 place de la Gare\n59100 Roubaix"}, "motivation"),
        ("motivation", {"why": "J'aime le contact avec les clients.\nVotre boulangerie est réputée."}, "atouts"),
        ("atouts", {"work": ["Employée de ménage chez Propreté Façade", "Caissière chez Supérette du Pile"],
                    "skills": ["Rigueur"], "bring": "Je sais tenir une caisse."}, "souhaits"),
        ("souhaits", {"availability": "date", "available_from": "1er mars", "contracts": ["cdi", "partiel"],
                      "wishes": "Je peux commencer tôt le matin."}, "formule"),
        ("formule", {"closing": "attente", "place": "Tourcoing"}, None),
    ]  # fmt: skip
    for slug, fields, following in steps:
        page = owner_client.get(step_url(letter, slug))
        assert page.status_code == 200
        letter.refresh_from_db()
        response = owner_client.post(step_url(letter, slug), step_post(letter.version, action="next", **fields))
        expected = step_url(letter, following) if following else reverse("cv_builder:letter", args=[letter.pk])
        assert response.status_code == 302 and response["Location"] == expected, slug
    letter.refresh_from_db()
    assert letter.version == 6
    assert letter.data["work"] == ["Employée de ménage chez Propreté Façade", "Caissière chez Supérette du Pile"]
    assert letter.data["contracts"] == ["cdi", "partiel"] and letter.data["closing"] == "attente"

    page = text_of(owner_client.get(reverse("cv_builder:letter", args=[letter.pk])))
    # Sender from the CV, recipient from the offer, place and date, subject, body, closing, signature.
    for expected in (
        "Samia Benaïssa", "06 12 34 56 78", "samia@example.fr", "59100 Roubaix", "Madame Dupré", "3 place de la Gare",
        f"Tourcoing, le {french_date(timezone.localdate())}",
        "Objet : candidature au poste de vendeuse (référence REF-42)",
        "Votre offre d'emploi pour un poste de vendeuse, vue sur France Travail, a retenu toute mon attention.",
        "Votre boulangerie est réputée.", "mon expérience d'employée de ménage chez Propreté Façade",
        "mes atouts : Rigueur", "Je suis disponible à partir du 1er mars. Je recherche un CDI ou un temps partiel.",
        "Je peux commencer tôt le matin.", CLOSINGS["attente"],
    ):  # fmt: skip
        assert expected in page, expected
    assert "✓" in page


def test_spontaneous_variant_has_its_own_wording_and_ignores_offer_fields(owner_client, cv):
    owner_client.post(reverse("cv_builder:letter_create", args=[cv.pk]), {"kind": "spontaneous", "company": ""})
    letter = CoverLetter.objects.get()
    assert letter.title == "Lettre de motivation" and letter.kind == "spontaneous"
    fields = {"kind": "spontaneous", "company": "Mairie de Roubaix", "job_title": "Agent d'accueil",
              "seen_where": "Indeed", "reference": "XYZ"}  # fmt: skip
    owner_client.post(step_url(letter, "offre"), step_post(letter.version, **fields))
    page = text_of(owner_client.get(reverse("cv_builder:letter", args=[letter.pk])))
    assert "Objet : candidature spontanée pour un poste d'agent d'accueil" in page
    assert "Je me permets de vous proposer ma candidature pour un poste d'agent d'accueil au sein de " in page
    assert "Indeed" not in page and "XYZ" not in page
    # The motivation step shows examples for a spontaneous application.
    motivation = text_of(owner_client.get(step_url(letter, "motivation")))
    assert "Je connais votre entreprise par son action dans le quartier" in motivation


def test_the_assets_step_offers_the_cvs_experiences_and_skills(owner_client, letter):
    page = text_of(owner_client.get(step_url(letter, "atouts")))
    for choice in ("Employée de ménage chez Propreté Façade", "Caissière chez Supérette du Pile", "Travail en équipe"):
        assert f'value="{choice}"' in page
    # Something not in the CV cannot be picked.
    response = owner_client.post(step_url(letter, "atouts"), step_post(letter.version, work=["Astronaute chez NASA"]))
    assert response.status_code == 400
    assert "Sélectionnez un choix valide" in text_of(response)
    letter.refresh_from_db()
    assert letter.version == 1 and letter.data["work"] == ["Employée de ménage chez Propreté Façade"]


def test_too_long_text_is_refused_in_french_and_nothing_is_lost(owner_client, letter):
    before = dict(letter.data)
    response = owner_client.post(step_url(letter, "motivation"), step_post(letter.version, why="a" * 1300))
    assert response.status_code == 400
    page = text_of(response)
    assert "Rien n'a été enregistré pour l'instant" in page and "1200 caractères" in page
    assert "a" * 1300 in page  # what was typed is still in the field
    letter.refresh_from_db()
    assert letter.data == before and letter.version == 1
    # Autosave says so instead of a 500, and saves nothing.
    response = owner_client.post(
        step_url(letter, "motivation"), step_post(1, why="a" * 1300), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200 and "Pas encore enregistré" in text_of(response)
    assert CoverLetter.objects.get().data == before
    assert owner_client.get(step_url(letter, "inconnue")).status_code == 404
    assert owner_client.post(step_url(letter, "offre"), step_post("abc", kind="autre")).status_code in (400, 409)


def test_autosave_answers_with_the_new_version_and_the_preview(owner_client, letter):
    response = owner_client.post(
        step_url(letter, "motivation"), step_post(1, why="Un métier qui me plaît."), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    page = text_of(response)
    assert "Enregistré à" in page and 'value="2" id="cv-version"' in page and "Un métier qui me plaît." in page
    letter.refresh_from_db()
    assert letter.version == 2 and letter.data["why"] == "Un métier qui me plaît."
    # Typing on in the same step within minutes makes one version in the history, not one per pause.
    owner_client.post(step_url(letter, "motivation"), step_post(2, why="Un métier."), headers={"HX-Request": "true"})
    assert letter.history.count() == 2


def test_a_stale_save_of_the_same_step_shows_both_versions(owner_client, letter):
    owner_client.post(step_url(letter, "motivation"), step_post(1, why="Version de l'onglet A"))
    response = owner_client.post(step_url(letter, "motivation"), step_post(1, why="Version de l'onglet B"))
    assert response.status_code == 409
    page = text_of(response)
    assert "Deux versions de cette lettre" in page and "Version de l'onglet B" in page
    assert "Version de l'onglet A" in page
    assert CoverLetter.objects.get().data["why"] == "Version de l'onglet A"
    # Autosave only warns.
    response = owner_client.post(step_url(letter, "motivation"), step_post(1, why="C"), headers={"HX-Request": "true"})
    assert "modifié ailleurs" in text_of(response)
    # A stale save of another step goes through: nothing of step "motivation" is overwritten.
    response = owner_client.post(step_url(letter, "formule"), step_post(1, closing="sinceres", place="Lille"))
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.data["why"] == "Version de l'onglet A" and letter.data["closing"] == "sinceres"


def test_several_letters_are_listed_under_their_cv(owner_client, cv, letter):
    CoverLetter.objects.create(owner=cv.owner, cv=cv, title="Lettre mairie", data={"kind": "spontaneous"})
    CoverLetter.objects.create(owner=cv.owner, cv=cv, title="Lettre jetée", deleted_at=timezone.now())
    for url in (reverse("cv_builder:list"), reverse("cv_builder:detail", args=[cv.pk])):
        page = text_of(owner_client.get(url))
        assert "Lettre Façade" in page and "Lettre mairie" in page and "Lettre jetée" not in page
        assert reverse("cv_builder:letter_create", args=[cv.pk]) in page


def test_copy_a_letter_to_adapt_it_to_a_new_offer(owner_client, letter):
    response = owner_client.post(reverse("cv_builder:letter_copy", args=[letter.pk]))
    copy = CoverLetter.objects.exclude(pk=letter.pk).get()
    assert response.status_code == 302 and response["Location"] == step_url(copy, "offre")
    assert copy.title == "Copie de Lettre Façade" and copy.cv == letter.cv and copy.owner == letter.owner
    assert copy.data["why"] == letter.data["why"] and "reference" not in copy.data
    assert CoverLetter.objects.get(pk=letter.pk).data == letter.data


def test_bin_restore_and_erase(owner_client, letter):
    owner_client.post(step_url(letter, "motivation"), step_post(1, why="Encore"))
    response = owner_client.post(reverse("cv_builder:letter_delete", args=[letter.pk]))
    assert response.status_code == 302
    assert owner_client.get(reverse("cv_builder:letter", args=[letter.pk])).status_code == 404
    page = text_of(owner_client.get(reverse("cv_builder:bin")))
    assert "Lettre Façade" in page
    owner_client.post(reverse("cv_builder:letter_restore", args=[letter.pk]))
    assert owner_client.get(reverse("cv_builder:letter", args=[letter.pk])).status_code == 200
    owner_client.post(reverse("cv_builder:letter_delete", args=[letter.pk]))
    confirm = owner_client.get(reverse("cv_builder:letter_erase", args=[letter.pk]))
    assert "versions" in text_of(confirm)
    assert owner_client.post(reverse("cv_builder:letter_erase", args=[letter.pk])).status_code == 400
    assert CoverLetter.objects.filter(pk=letter.pk).exists()
    owner_client.post(reverse("cv_builder:letter_erase", args=[letter.pk]), {"confirm": "erase"})
    assert not CoverLetter.objects.filter(pk=letter.pk).exists()
    assert not CoverLetter.history.filter(id=letter.pk).exists()


def test_history_lists_versions_and_brings_one_back(owner_client, letter):
    owner_client.post(step_url(letter, "motivation"), step_post(1, why="Première idée"))
    owner_client.post(step_url(letter, "formule"), step_post(2, closing="sinceres", place="Lille"))
    letter.refresh_from_db()
    page = text_of(owner_client.get(reverse("cv_builder:letter_history", args=[letter.pk])))
    assert "Pourquoi ce métier" in page and "Formule de politesse et signature" in page and "Samia" in page
    first = letter.history.order_by("history_date").first()
    response = owner_client.post(reverse("cv_builder:letter_history_restore", args=[letter.pk, first.history_id]))
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.data["closing"] == "distinguees" and letter.data["why"].startswith("J'aime")
    assert letter.version == 4 and letter.history.count() == 4


def test_settings_rename_and_change_family(owner_client, letter):
    url = reverse("cv_builder:letter", args=[letter.pk])
    assert owner_client.post(url, {"title": "", "template": "modern"}).status_code == 400
    assert owner_client.post(url, {"title": "Pour la mairie", "template": "modern"}).status_code == 302
    letter.refresh_from_db()
    assert letter.title == "Pour la mairie" and letter.template == "modern"


def test_purge_command_erases_letters_long_in_the_bin(letter):
    from datetime import timedelta

    from django.core.management import call_command

    CoverLetter.objects.filter(pk=letter.pk).update(deleted_at=timezone.now() - timedelta(days=40))
    call_command("purge_cv_bin")
    assert not CoverLetter.objects.exists() and not CoverLetter.history.filter(id=letter.pk).exists()
