"""A workshop's Wagtail view restriction holds on every participation URL and in every listing.

The walk goes through every URL pattern of the app (django.urls resolver over participation's
urlpatterns), so a new view that forgets the check fails here.
"""

import io

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, reverse
from PIL import Image
from wagtail.models import PageViewRestriction

from participation import urls as participation_urls
from participation.models import Milestone, Proposal, ProposalReport, Support, VotingCode
from tests.conftest import PASSWORD

from .conftest import make_proposal, make_workshop

SECRET_TITLE = "Atelier confidentiel du foyer"
SECRET_PROPOSAL = "Idée confidentielle"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def private(centre_a):
    workshop = make_workshop(centre_a, "voting", title=SECRET_TITLE, slug="confidentiel", hide_counts_during_vote=False)
    proposal = make_proposal(workshop, title=SECRET_PROPOSAL)
    proposal.photo.save("photo.png", ContentFile(png_bytes()), save=True)
    restriction = PageViewRestriction.objects.create(
        page=workshop, restriction_type=PageViewRestriction.PASSWORD, password="motdepasse-du-foyer"
    )
    return workshop, proposal, restriction


def every_url(workshop, proposal):
    values = {"pk": workshop.pk, "proposal_pk": proposal.pk, "reference": proposal.reference}
    # A milestone of the proposal, with a photo: its own pk in the milestone photo's URL.
    milestone = Milestone.objects.create(proposal=proposal, text=SECRET_PROPOSAL, progress="done")
    milestone.photo.save("etape.png", ContentFile(png_bytes()), save=True)
    urls = []
    for pattern in participation_urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        kwargs = {name: values[name] for name in pattern.pattern.converters}
        if pattern.name == "milestone_photo":
            kwargs["pk"] = milestone.pk
        urls.append((pattern.name, reverse(f"participation:{pattern.name}", kwargs=kwargs)))
    assert len(urls) == len(participation_urls.urlpatterns) >= 11
    return urls


# Pages of no workshop: open to all, they must not name the restricted workshop or its proposals
# (the paper follow-up page needs a reference and its secret; an empty form is a 400).
PUBLIC_PAGES = ("open_workshops", "follow_up")


def post_data(name):
    return {"submit": {"title": "Intrus", "description": "Intrus"}, "report": {"reason": "Intrus"}}.get(name, {})


def assert_refused(client, workshop, proposal):
    code = VotingCode.create_batch(workshop, 1)[0]
    for name, url in every_url(workshop, proposal):
        for method in ("get", "post"):
            data = {"code": code} if name == "code" else post_data(name)
            response = getattr(client, method)(url, data)
            if name in PUBLIC_PAGES:
                assert response.status_code in (200, 400)
                assert SECRET_TITLE not in response.text
                continue
            assert response.status_code in (302, 403, 405), (name, method, response.status_code)
            if response.status_code == 302:
                assert "/compte/login/" in response["Location"], (name, method, response["Location"])
            body = response.content.decode(errors="ignore")
            assert SECRET_PROPOSAL not in body and "Pour se reposer" not in body, (name, method)
            assert b"\x89PNG" not in response.content and b"JFIF" not in response.content  # no photo
    assert Support.objects.count() == 0 and ProposalReport.objects.count() == 0
    assert not Proposal.objects.filter(title="Intrus").exists()
    assert not client.session.get("participation_codes")


def test_anonymous_visitors_are_refused_on_every_url(private):
    workshop, proposal, _restriction = private
    assert_refused(Client(), workshop, proposal)


def test_a_logged_in_resident_without_the_password_is_refused_on_every_url(private, resident):
    workshop, proposal, _restriction = private
    client = Client()
    client.force_login(resident)
    assert_refused(client, workshop, proposal)


def test_listings_leave_the_private_workshop_out(private, client, home_page, centre_a):
    workshop, proposal, _restriction = private
    assert SECRET_TITLE not in client.get("/participer/").text
    assert SECRET_TITLE not in client.get(home_page.url).text
    assert SECRET_TITLE not in client.get(f"{centre_a.url}ateliers/").text
    assert SECRET_TITLE not in client.get("/recherche/", {"q": "confidentiel"}).text
    assert SECRET_PROPOSAL not in client.get("/recherche/", {"q": "confidentielle"}).text
    assert client.get(workshop.url).status_code == 200  # Wagtail's own password form...
    assert SECRET_PROPOSAL not in client.get(workshop.url).text  # ...without the content


def test_after_typing_the_password_every_url_works(private, resident):
    workshop, proposal, restriction = private
    client = Client()
    client.force_login(resident)
    wrong = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{workshop.pk}/",
        {"password": "faux", "return_url": workshop.url},
    )
    assert wrong.status_code == 200 and SECRET_PROPOSAL not in wrong.text
    response = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{workshop.pk}/",
        {"password": "motdepasse-du-foyer", "return_url": workshop.url},
    )
    assert response.status_code == 302
    urls = dict(every_url(workshop, proposal))
    assert SECRET_TITLE in client.get(urls["open_workshops"]).text
    assert SECRET_PROPOSAL in client.get(urls["proposal"]).text
    assert SECRET_PROPOSAL in client.get(urls["results"]).text
    # Visitors get the photo re-encoded at their size (a JPEG), never the original file.
    assert b"".join(client.get(urls["photo"]).streaming_content).startswith(b"\xff\xd8")
    assert client.get(urls["code"]).status_code == 200
    assert client.get(urls["report"]).status_code == 200
    assert client.get(urls["submit"]).status_code == 409  # proposals are closed in the voting phase
    assert client.post(urls["support"]).status_code == 302
    assert Support.objects.filter(proposal=proposal).count() == 1
    assert client.post(urls["withdraw"]).status_code == 302
    assert client.post(urls["report"], {"reason": "À vérifier"}).status_code == 302
    assert ProposalReport.objects.count() == 1
    assert client.get(urls["choose_ballot"]).status_code == 302  # nothing to choose
    assert client.post(urls["forget_code"]).status_code == 302
    # A code holder who typed the password votes with the code.
    holder = Client()
    holder.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{workshop.pk}/",
        {"password": "motdepasse-du-foyer", "return_url": workshop.url},
    )
    [code] = VotingCode.create_batch(workshop, 1)
    assert holder.post(urls["code"], {"code": code}).status_code == 302
    assert holder.post(urls["support"]).status_code == 302


def test_a_login_restriction_sends_visitors_to_log_in_and_lets_residents_in(centre_a, resident):
    workshop = make_workshop(centre_a, "voting", title=SECRET_TITLE, slug="connexion")
    proposal = make_proposal(workshop, title=SECRET_PROPOSAL)
    PageViewRestriction.objects.create(page=workshop, restriction_type=PageViewRestriction.LOGIN)
    visitor = Client()
    for name, url in every_url(workshop, proposal):
        response = visitor.get(url)
        if name in PUBLIC_PAGES:
            assert SECRET_TITLE not in response.text
        else:
            assert response.status_code in (302, 405), name
            if response.status_code == 302:
                assert "/compte/login/" in response["Location"]
    member = Client()
    member.post("/compte/login/", {"login": resident.username, "password": PASSWORD})
    assert SECRET_TITLE in member.get("/participer/").text
    assert SECRET_PROPOSAL in member.get(reverse("participation:proposal", args=[proposal.reference])).text


def test_a_groups_restriction_refuses_a_resident_outside_the_groups(centre_a, resident):
    from django.contrib.auth.models import Group

    workshop = make_workshop(centre_a, "voting", title=SECRET_TITLE, slug="groupe")
    proposal = make_proposal(workshop, title=SECRET_PROPOSAL)
    restriction = PageViewRestriction.objects.create(page=workshop, restriction_type=PageViewRestriction.GROUPS)
    group = Group.objects.create(name="Conseil citoyen")
    restriction.groups.add(group)
    client = Client()
    client.force_login(resident)
    response = client.get(reverse("participation:results", args=[workshop.pk]))
    assert response.status_code == 403 and SECRET_PROPOSAL not in response.text
    assert "Atelier collaboratif privé" in response.text
    resident.groups.add(group)
    assert client.get(reverse("participation:results", args=[workshop.pk])).status_code == 200
    assert SECRET_PROPOSAL in client.get(reverse("participation:proposal", args=[proposal.reference])).text


def test_a_page_cached_before_the_restriction_is_not_handed_out_after_it(centre_a):
    workshop = make_workshop(centre_a, "results", title=SECRET_TITLE, slug="bientot-prive")
    listing = f"{centre_a.url}ateliers/"
    assert Client().get(listing)["X-Page-Cache"] == "miss"
    cached = Client().get(listing)
    assert cached["X-Page-Cache"] == "hit" and SECRET_TITLE in cached.text
    PageViewRestriction.objects.create(page=workshop, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert SECRET_TITLE not in Client().get(listing).text
    assert SECRET_TITLE not in Client().get("/participer/").text
