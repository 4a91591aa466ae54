"""Every accounts page: unique ids, every label points at a field, every field has a label, one h1."""

import re
from html.parser import HTMLParser

import pytest


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.label_for, self.fields, self.h1 = [], [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "label":
            self.label_for.append(attrs.get("for"))
        if tag in ("input", "select", "textarea") and attrs.get("type") not in ("hidden", "submit"):
            self.fields.append(attrs.get("id"))
        if tag == "h1":
            self.h1 += 1


def check(html):
    parser = Collector()
    parser.feed(html)
    assert len(parser.ids) == len(set(parser.ids)), "duplicate ids"
    assert parser.h1 == 1
    for target in parser.label_for:
        assert target in parser.ids, f"label for missing field {target}"
    for field in parser.fields:
        assert field in parser.label_for, f"field {field} has no label"
    for described in re.findall(r'aria-describedby="([^"]+)"', html):
        for target in described.split():
            assert target in parser.ids, f"aria-describedby points nowhere: {target}"


@pytest.mark.parametrize("path", ["/compte/login/", "/compte/signup/", "/compte/password/reset/"])
def test_anonymous_pages_markup(client, db, path):
    check(client.get(path).text)


def test_error_pages_markup(client, resident):
    check(client.post("/compte/login/", {"login": "habitante", "password": "x"}).text)
    check(client.post("/compte/signup/", {"username": "a", "password1": "1", "password2": "2"}).text)


def test_logged_in_pages_markup(client, resident):
    client.force_login(resident)
    for path in ("/compte/", "/compte/supprimer/", "/compte/password/change/", "/compte/logout/"):
        check(client.get(path).text)
    check(client.post("/compte/supprimer/", {"password": "x"}).text)


def test_desk_pages_markup(client, staff_a, resident):
    client.force_login(staff_a)
    check(client.get("/compte/accueil/", {"q": "habitante"}).text)
    check(client.get("/compte/accueil/nouveau/").text)
    check(client.post("/compte/accueil/nouveau/", {"display_name": ""}).text)
    location = client.post("/compte/accueil/nouveau/", {"display_name": "Zoé"})["Location"]
    check(client.get(location).text)
