"""Issue 13: sign-up and account screens in plain French, our own username rules, the reminder after every
sign-up, one password field on the forced change right after log-in, "Mes propositions"."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from participation.models import Proposal
from tests.conftest import PASSWORD, make_user
from tests.participation.conftest import make_proposal, make_workshop

from .test_auth import signup

User = get_user_model()


def test_a_space_in_the_username_gets_our_message_and_a_suggestion(client, db):
    response = signup(client, username="Fatima Zahra")
    assert response.status_code == 200
    assert "Un identifiant ne contient pas d’espace. Vous pouvez choisir « Fatima.Zahra »." in response.text
    assert "Saisissez un nom d" not in response.text and "« @ »" not in response.text
    assert not User.objects.exists()


@pytest.mark.parametrize("username", ["fatima@zahra", "fatima+1", "samia!", "a/b"])
def test_other_signs_are_refused_in_our_words(client, db, username):
    response = signup(client, username=username)
    assert response.status_code == 200
    assert "Un identifiant ne contient que des lettres, des chiffres et les signes - _ ." in response.text
    assert not User.objects.exists()


@pytest.mark.parametrize("username", ["Fatima.Zahra", "aïcha_59", "jean-pierre"])
def test_letters_digits_and_the_three_signs_are_accepted(client, db, username):
    assert signup(client, username=username).status_code == 302
    assert User.objects.get().username == username


def test_password_rules_in_one_sentence_with_an_example(client, db):
    html = client.get("/compte/signup/").text
    assert (
        "Au moins 8 caractères, pas seulement des chiffres, pas trop facile à deviner. Exemple : velo-soleil-42" in html
    )
    assert "Votre mot de passe ne peut pas trop ressembler" not in html


def test_signing_up_from_propose_an_idea_explains_and_reminds_the_username(client, centre_a):
    workshop = make_workshop(centre_a, "proposals")
    submit = f"/participer/atelier/{workshop.pk}/proposer/"
    login_page = client.get(submit, follow=True)
    assert "/compte/login/" in login_page.redirect_chain[-1][0]
    assert "Pour proposer une idée, connectez-vous." in login_page.text
    response = signup(client, username="nadia", next=submit)
    assert response.status_code == 302 and response["Location"] == submit
    page = client.get(submit).text
    assert "Notez votre identifiant dans un endroit sûr : <strong>nadia</strong>" in page


def card_user():
    return make_user(
        "carte-1", must_change_password=True, temporary_password_expires_at=timezone.now() + timezone.timedelta(days=5)
    )


def test_forced_change_right_after_log_in_asks_one_password(client, db):
    user = card_user()
    response = client.post("/compte/login/", {"login": "carte-1", "password": PASSWORD})
    assert response["Location"] == "/compte/password/change/"
    form = client.get("/compte/password/change/").text
    assert 'name="oldpassword"' not in form and 'name="password2"' not in form and 'name="password1"' in form
    response = client.post("/compte/password/change/", {"password1": "velo-soleil-42-neuf"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("velo-soleil-42-neuf") and not user.must_change_password


def test_forced_change_long_after_log_in_asks_the_card_password(client, db):
    from accounts.forms import JUST_LOGGED_IN_KEY

    card_user()
    client.post("/compte/login/", {"login": "carte-1", "password": PASSWORD})
    session = client.session
    session[JUST_LOGGED_IN_KEY] = timezone.now().timestamp() - 3600
    session.save()
    form = client.get("/compte/password/change/").text
    assert 'name="oldpassword"' in form and 'name="password2"' in form
    # Without the card's password, nothing changes.
    response = client.post(
        "/compte/password/change/", {"password1": "velo-soleil-42-neuf", "password2": "velo-soleil-42-neuf"}
    )
    assert response.status_code == 200
    assert User.objects.get().check_password(PASSWORD)


def test_my_proposals_on_my_account_with_their_state(client, centre_a, resident, other_resident):
    workshop = make_workshop(centre_a, "proposals")
    make_proposal(workshop, title="Des bancs", author=resident)
    make_proposal(workshop, title="Un potager", author=resident, status=Proposal.Status.PENDING)
    make_proposal(
        workshop, title="Une fresque", author=resident, status=Proposal.Status.REJECTED, rejection_reason="Déjà prévu."
    )
    make_proposal(workshop, title="Un banc", author=resident, outcome=Proposal.Outcome.SELECTED, official_answer="Oui.")
    make_proposal(workshop, title="Chez le voisin", author=other_resident)
    client.force_login(resident)
    html = client.get("/compte/").text
    section = html[html.index('id="my-proposals-title"') :]
    assert "Mes propositions" in html
    assert "Des bancs" in section and "Publiée" in section
    assert "Un potager" in section and "En attente" in section
    assert "Une fresque" in section and "Refusée" in section and "Déjà prévu." in section
    assert "Un banc" in section and "Réponse donnée : retenue" in section
    assert "Chez le voisin" not in html  # another person's idea is not listed
    assert "JSON" not in html and "Télécharger mes données" in html


def test_a_refused_idea_is_not_called_not_yet_published(client, centre_a, resident):
    workshop = make_workshop(centre_a, "proposals")
    make_proposal(
        workshop, title="Une fresque", author=resident, status=Proposal.Status.REJECTED, rejection_reason="Déjà prévu."
    )
    client.force_login(resident)
    html = client.get(workshop.url).text
    assert "pas encore publiées" not in html
    assert "refusée par l’équipe. Motif : Déjà prévu." in html
