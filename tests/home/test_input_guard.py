"""Text no database can store, and bodies in other charsets, get a French 400 page: never a 500.

Each test here is one cause found by the fuzzing of issue 9. They run on SQLite and, with
DATABASE_URL set, on PostgreSQL, which is where a NUL byte used to raise DataError.
"""

import json

import pytest
from django.test import Client
from django.urls import reverse

from cv_builder.models import CV, ShareLink
from home.text import first_unstorable_value, has_unstorable_character, storable_text
from participation.models import VotingCode
from tests.participation.conftest import make_proposal, make_workshop

pytestmark = pytest.mark.django_db

FRENCH_ADDRESS_REFUSAL = "Cette adresse contient un caractère de contrôle invisible"
FRENCH_FORM_REFUSAL = "Le formulaire contient un caractère de contrôle invisible"


def hostile_client(user=None):
    """A browser that checks CSRF like production and answers errors as pages (never raises)."""
    client = Client(raise_request_exception=False, enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client


def form_body(client, url_to_get, fields):
    client.get(url_to_get)
    token = client.cookies["csrftoken"].value
    return "&".join([f"csrfmiddlewaretoken={token}", *fields]).encode("ascii")


@pytest.mark.parametrize(
    "path",
    ["/participer/proposition/A%00B/", "/mon-cv/partage/a%00b/", "/belencontre/%00/", "/recherche/?q=a%00b"],
)
def test_nul_bytes_in_a_path_or_query_are_a_french_400(path, centre_a):
    response = hostile_client().get(path)
    assert response.status_code == 400
    assert FRENCH_ADDRESS_REFUSAL in response.content.decode()
    assert response["Content-Type"].startswith("text/html")


def test_nul_in_the_staff_cv_search_is_a_400(staff_a):
    response = hostile_client(staff_a).get("/mon-cv/accompagnement/?q=a%00b")
    assert response.status_code == 400
    assert FRENCH_ADDRESS_REFUSAL in response.content.decode()


def test_a_real_share_link_still_works_beside_the_guard(resident):
    cv = CV.objects.create(owner=resident, title="Mon CV", data={"basics": {"name": "Samia"}})
    link = ShareLink.objects.create(cv=cv, expires_at=cv.created_at.replace(year=cv.created_at.year + 1))
    assert hostile_client().get(f"/mon-cv/partage/{link.token}/").status_code == 200


def test_nul_in_a_code_batch_revoke_is_refused_and_revokes_nothing(staff_a, centre_a):
    workshop = make_workshop(centre_a, "voting")
    VotingCode.create_batch(workshop, 3, batch="a")
    client = hostile_client(staff_a)
    url = reverse("participation_admin:revoke_batch", args=[workshop.pk])
    body = form_body(client, reverse("participation_admin:workshop", args=[workshop.pk]), ["batch=a%00b"])
    response = client.generic("POST", url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert FRENCH_FORM_REFUSAL in response.content.decode()
    assert VotingCode.objects.filter(revoked_at__isnull=True).count() == 3


def test_nul_in_a_proposal_is_refused_and_nothing_is_saved(resident, centre_a):
    workshop = make_workshop(centre_a, "proposals")
    client = hostile_client(resident)
    url = f"/participer/atelier/{workshop.pk}/proposer/"
    body = form_body(client, url, ["title=Un%00banc", "description=Au%20square"])
    response = client.generic("POST", url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert not workshop.proposals.exists()


@pytest.mark.parametrize("charset", ["latin-1", "iso-8859-15", "windows-1252", "utf-16", "no-such-charset"])
def test_a_form_body_in_another_charset_is_a_400_not_a_500(resident, charset):
    """Django refuses non-UTF-8 form bodies; its own 400 view re-read the body through the CSRF check
    and turned that refusal into a 500 on every form in production."""
    client = hostile_client(resident)
    body = form_body(client, "/mon-cv/", ["title=Caf%E9", "template=classic"])
    response = client.generic(
        "POST", "/mon-cv/nouveau/", body, content_type=f"application/x-www-form-urlencoded; charset={charset}"
    )
    assert response.status_code == 400
    assert "codage de caractères que le site ne lit pas" in response.content.decode()
    assert not CV.objects.exists()


def test_a_multipart_form_in_latin_1_is_decoded(resident):
    client = hostile_client(resident)
    client.get("/mon-cv/")
    token = client.cookies["csrftoken"].value
    boundary = "fuzz"
    parts = [("csrfmiddlewaretoken", token.encode()), ("title", "Café".encode("latin-1")), ("template", b"classic")]
    body = (
        b"".join(
            b"--"
            + boundary.encode()
            + b'\r\nContent-Disposition: form-data; name="'
            + name.encode()
            + b'"\r\n\r\n'
            + value
            + b"\r\n"
            for name, value in parts
        )
        + b"--"
        + boundary.encode()
        + b"--\r\n"
    )
    response = client.generic(
        "POST", "/mon-cv/nouveau/", body, content_type=f"multipart/form-data; boundary={boundary}; charset=latin-1"
    )
    assert response.status_code == 302
    assert CV.objects.get().title == "Café"


def test_a_body_larger_than_any_form_is_refused_before_it_is_read(resident, settings):
    client = hostile_client(resident)
    announced = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE + 2 * 1024 * 1024
    response = client.generic(
        "POST",
        "/mon-cv/nouveau/",
        b"title=x",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(announced),
    )
    assert response.status_code == 413
    assert "trop gros" in response.content.decode()


def test_a_40_mb_form_body_is_a_400_page(resident):
    client = hostile_client(resident)
    body = form_body(client, "/mon-cv/", ["template=classic", "title=" + "x" * (40 * 1024 * 1024)])
    response = client.generic("POST", "/mon-cv/nouveau/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "Le formulaire n’a pas pu être lu" in response.content.decode()
    assert not CV.objects.exists()


# --- CV text PostgreSQL's JSON type refuses: NUL, lone surrogate, NaN ------------------------------------
@pytest.mark.parametrize("extra", ['{"note": "a\\u0000b"}', '{"note": "\\ud800"}', '{"score": NaN}', "[" * 3000])
def test_unstorable_text_in_a_cv_step_is_refused_and_the_cv_kept(resident, extra):
    cv = CV.objects.create(
        owner=resident, title="Mon CV", data={"basics": {}, "work": [{"position": "Vendeuse", "name": "Lidl"}]}
    )
    client = Client(raise_request_exception=False)
    client.force_login(resident)
    data = {
        "version": "1",
        "entries-TOTAL_FORMS": "1",
        "entries-INITIAL_FORMS": "1",
        "entries-MIN_NUM_FORMS": "0",
        "entries-MAX_NUM_FORMS": "30",
        "entries-0-position": "Caissière",
        "entries-0-name": "Lidl",
        "entries-0-extra": extra,
    }
    response = client.post(reverse("cv_builder:section", args=[cv.pk, "experience"]), data)
    assert response.status_code == 400
    cv.refresh_from_db()
    assert cv.version == 1 and cv.data["work"][0]["position"] == "Vendeuse"


def test_unstorable_values_are_recognised_wherever_they_nest():
    assert has_unstorable_character("a\x00b") and has_unstorable_character("\udc80")
    assert not has_unstorable_character("émoji 😀 et \u202e")
    assert first_unstorable_value({"a": [{"b": float("nan")}]}) == "number"
    assert first_unstorable_value({"k\x00": "v"}) == "character"
    assert first_unstorable_value(json.loads('{"a": [1, 2.5, "ok", null, true]}')) == ""
    assert storable_text("a\x00b\ud800c") == "abc"


def test_a_proposal_page_with_a_real_reference_still_works(centre_a):
    proposal = make_proposal(make_workshop(centre_a, "voting"))
    assert hostile_client().get(f"/participer/proposition/{proposal.reference}/").status_code == 200


def test_the_refusal_page_is_valid_html(resident):
    from tests.test_html_validity import html_problems

    response = hostile_client(resident).get("/recherche/?q=a%00b")
    assert response.status_code == 400
    assert html_problems(response.content) == []


def test_a_nul_byte_in_a_cookie_is_refused_before_the_session_is_looked_up(resident):
    client = hostile_client()
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    response = client.get("/")
    assert response.status_code == 400
    assert FRENCH_ADDRESS_REFUSAL in response.content.decode()
