"""What a CV's PDF costs (issue 9, point 4): cached per version and template, rate-limited, size-checked."""

import io
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from cv_builder.models import CV, ShareLink
from cv_builder.views.pdf import LAYOUT_MAX_CHARACTERS, laid_out_characters

pytestmark = pytest.mark.django_db


def pdf_text(response):
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


@pytest.fixture
def cv(resident):
    return CV.objects.create(owner=resident, title="Mon CV", data={"basics": {"name": "Samia Benali"}})


@pytest.fixture
def owner(resident):
    client = Client(raise_request_exception=False)
    client.force_login(resident)
    return client


@pytest.fixture
def link(cv):
    return ShareLink.objects.create(cv=cv, expires_at=timezone.now() + timedelta(days=7))


def rename(cv, name):
    cv.data = {"basics": {"name": name}}
    cv.version += 1
    cv.save()


def test_a_second_download_of_the_same_version_is_not_rendered_again(owner, cv):
    url = reverse("cv_builder:pdf", args=[cv.pk])
    first = owner.get(url)
    second = owner.get(url)
    assert first.status_code == second.status_code == 200
    assert first["X-PDF-Cache"] == "miss" and second["X-PDF-Cache"] == "hit"
    assert second.content == first.content and "Samia Benali" in pdf_text(second)
    other_template = owner.get(url + "?modele=modern")
    assert other_template["X-PDF-Cache"] == "miss"


def test_a_new_version_is_rendered_with_the_new_content(owner, cv):
    url = reverse("cv_builder:pdf", args=[cv.pk])
    owner.get(url)
    rename(cv, "Samia Ben Ali")
    response = owner.get(url)
    assert response["X-PDF-Cache"] == "miss" and "Samia Ben Ali" in pdf_text(response)


def test_renders_are_rate_limited_per_user(owner, cv, settings):
    settings.CV_PDF_RATE_LIMITS = {"user": (2, 60)}
    url = reverse("cv_builder:pdf", args=[cv.pk])
    assert owner.get(url).status_code == 200
    assert owner.get(url + "?modele=modern").status_code == 200
    refused = owner.get(url + "?modele=compact")
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert "Attendez une minute" in refused.content.decode()
    assert owner.get(url)["X-PDF-Cache"] == "hit"  # what was made stays free


def test_renders_are_rate_limited_per_share_link_whatever_the_address(cv, link, settings):
    settings.CV_PDF_RATE_LIMITS = {"link": (2, 60), "address": (50, 60)}
    url = reverse("cv_builder:shared_pdf", args=[link.token])
    statuses = []
    for number in range(3):
        rename(cv, f"Samia version {number}")
        visitor = Client(raise_request_exception=False, REMOTE_ADDR=f"203.0.113.{number + 1}")
        statuses.append(visitor.get(url).status_code)
    assert statuses == [200, 200, 429]


def test_renders_are_rate_limited_per_address_whatever_the_link(cv, link, settings):
    settings.CV_PDF_RATE_LIMITS = {"link": (50, 60), "address": (2, 60)}
    second_link = ShareLink.objects.create(cv=cv, expires_at=timezone.now() + timedelta(days=7))
    visitor = Client(raise_request_exception=False, REMOTE_ADDR="203.0.113.9")
    statuses = []
    for number, token in enumerate([link.token, second_link.token, link.token]):
        rename(cv, f"Samia version {number}")
        statuses.append(visitor.get(reverse("cv_builder:shared_pdf", args=[token])).status_code)
    assert statuses == [200, 200, 429]
    # Another address is not held back by this one.
    rename(cv, "Samia version 9")
    other = Client(REMOTE_ADDR="203.0.113.10").get(reverse("cv_builder:shared_pdf", args=[link.token]))
    assert other.status_code == 200


def test_a_cached_pdf_is_not_served_once_the_link_is_stopped(cv, link):
    url = reverse("cv_builder:shared_pdf", args=[link.token])
    assert Client().get(url).status_code == 200
    link.revoked_at = timezone.now()
    link.save()
    response = Client().get(url)
    assert response.status_code == 410 and response["Content-Type"].startswith("text/html")


def test_a_cv_too_long_to_lay_out_is_refused_before_rendering(owner, cv):
    cv.data = {"basics": {"name": "Samia"}, "work": [{"name": "E", "summary": "x" * 4500} for _ in range(10)]}
    cv.save()
    assert laid_out_characters(cv.data) > LAYOUT_MAX_CHARACTERS
    response = owner.get(reverse("cv_builder:pdf", args=[cv.pk]))
    assert response.status_code == 422
    text = response.content.decode()
    assert "Ce CV est trop long pour être mis en page en PDF" in text and "40\u202f000 au plus" in text
    assert "X-PDF-Cache" not in response


def test_the_pdf_refusal_page_is_valid_html(owner, cv):
    from tests.test_html_validity import html_problems

    cv.data = {"basics": {"name": "Samia"}, "work": [{"name": "E", "summary": "x" * 4500} for _ in range(10)]}
    cv.save()
    response = owner.get(reverse("cv_builder:pdf", args=[cv.pk]))
    assert response.status_code == 422
    assert html_problems(response.content) == []
