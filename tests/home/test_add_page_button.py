"""The page explorer's "add a page" button says so in words, not only with a ⊕ and a tooltip."""

import re


def header(html):
    return html[html.index("w-slim-header") : html.index("</header>")]


def test_the_explorer_add_button_is_labelled_in_french(client, centre_a, staff_a):
    client.force_login(staff_a)
    top = header(client.get(f"/admin/pages/{centre_a.pk}/").text)
    link = re.search(rf'<a href="/admin/pages/{centre_a.pk}/add_subpage/"[^>]*>(.*?)</a>', top, re.S)
    assert link is not None
    assert "Ajouter une page ici" in link.group(1)  # visible text, which is also its accessible name
    assert "aria-label" not in link.group(0)  # no hidden name that would differ from what is seen


def test_the_explorer_page_stays_valid_html(client, centre_a, staff_a):
    from tests.test_html_validity import html_problems

    client.force_login(staff_a)
    assert html_problems(client.get(f"/admin/pages/{centre_a.pk}/").content.decode()) == []
