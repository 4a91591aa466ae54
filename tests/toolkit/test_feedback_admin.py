"""The network's team moderates feedback per resource; new feedback shows in the menu and dashboard."""

import json
import re
from html import unescape

import pytest

from toolkit.models import ResourceFeedback

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/boite-a-outils/avis/"


def feedback(resource, **fields):
    fields.setdefault("centre_name", "Centre social du Pont")
    fields.setdefault("verdict", "useful")
    fields.setdefault("comment", "Très utile pour démarrer.")
    return ResourceFeedback.objects.create(resource=resource, **fields)


def test_staff_see_new_feedback_counted_in_the_menu_and_dashboard(client, sample_resources, staff_a):
    feedback(sample_resources["cv"])
    feedback(sample_resources["method"], reports_outdated=True, outdated_what="L'étape 2 a changé.")
    feedback(sample_resources["method"], status=ResourceFeedback.Status.PUBLISHED)
    client.force_login(staff_a)
    home = unescape(client.get("/admin/").text)
    assert "2 nouveaux avis sur les ressources, à modérer" in home
    # The toolkit menu (Wagtail's sidebar is drawn from JSON props).
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', home, re.S)
    assert "Avis sur les ressources (2 à modérer)" in json.dumps(json.loads(props.group(1)), ensure_ascii=False)


def test_staff_list_feedback_per_resource(client, sample_resources, staff_a):
    on_cv = feedback(sample_resources["cv"], comment="Avis sur le CV")
    on_method = feedback(sample_resources["method"], comment="Avis sur le photolangage")
    client.force_login(staff_a)
    response = client.get(LIST_URL, {"resource": sample_resources["method"].pk})
    assert response.status_code == 200
    assert f"{LIST_URL}edit/{on_method.pk}/" in response.text
    assert f"{LIST_URL}edit/{on_cv.pk}/" not in response.text


def test_listing_query_count_does_not_grow(client, sample_resources, staff_a, django_assert_max_num_queries):
    client.force_login(staff_a)
    for number in range(3):
        feedback(sample_resources["cv"], centre_name=f"Centre {number}")
    client.get(LIST_URL)
    with django_assert_max_num_queries(40) as small:
        client.get(LIST_URL)
    for number in range(20):
        feedback(sample_resources["method"], centre_name=f"Autre {number}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert "Autre 19" in client.get(LIST_URL).text


def test_staff_publish_feedback_and_the_sheet_shows_it(client, sample_resources, staff_a):
    item = feedback(sample_resources["cv"], contact="06 00 00 00 00")
    sheet = sample_resources["cv"]
    assert "Très utile pour démarrer." not in client.get(sheet.url).text  # and now cached
    client.force_login(staff_a)
    edit_url = f"{LIST_URL}edit/{item.pk}/"
    assert client.get(edit_url).status_code == 200
    response = client.post(edit_url, {"status": "published", "staff_notes": "Vu avec Nadia."})
    assert response.status_code == 302, response.content[:2000]
    item.refresh_from_db()
    assert (item.status, item.comment, item.contact) == ("published", "Très utile pour démarrer.", "06 00 00 00 00")
    assert item.history.count() == 2
    client.logout()
    html = unescape(client.get(sheet.url).text)
    assert "Très utile pour démarrer." in html
    assert "06 00 00 00 00" not in html
    # Unpublishing takes it off the sheet again.
    item.status = ResourceFeedback.Status.PRIVATE
    item.save()
    assert "Très utile pour démarrer." not in client.get(sheet.url).text


def test_residents_and_visitors_never_reach_feedback(client, sample_resources, resident):
    item = feedback(sample_resources["cv"], contact="nadia@example.org")
    for url in (LIST_URL, f"{LIST_URL}edit/{item.pk}/", f"{LIST_URL}inspect/{item.pk}/"):
        assert client.get(url).status_code == 302, url
    client.force_login(resident)
    for url in (LIST_URL, f"{LIST_URL}edit/{item.pk}/", f"{LIST_URL}inspect/{item.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "nadia@example.org" not in response.text


def test_only_superusers_delete_feedback(client, sample_resources, staff_a):
    item = feedback(sample_resources["cv"])
    client.force_login(staff_a)
    response = client.post(f"{LIST_URL}delete/{item.pk}/")
    assert response.status_code in (302, 403)
    assert ResourceFeedback.objects.filter(pk=item.pk).exists()
