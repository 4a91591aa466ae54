"""Results: online + paper totals, ranking, chart and table, CSV; hidden counts never leak while voting."""

import csv
import io
import re
from datetime import date

from participation.models import Ballot, PaperTally, Support, WorkshopPage

from .conftest import confirmed_sheet, make_proposal, make_workshop


def add_supports(workshop, proposal, n):
    for _ in range(n):
        Support.objects.create(ballot=Ballot.objects.create(workshop=workshop), proposal=proposal)


def set_phase(workshop, phase):
    from django.utils import timezone

    from .conftest import DAY, PHASE_OFFSETS

    now = timezone.now()
    ps, pe, vs, ve = (now + o * DAY for o in PHASE_OFFSETS[phase])
    WorkshopPage.objects.filter(pk=workshop.pk).update(
        proposals_start=ps, proposals_end=pe, voting_start=vs, voting_end=ve
    )
    workshop.refresh_from_db()


def test_totals_combine_online_and_paper_and_rank(client, centre_a, staff_a):
    workshop = make_workshop(centre_a, "voting")
    bancs = make_proposal(workshop, title="Des bancs")
    potager = make_proposal(workshop, title="Un potager")
    add_supports(workshop, bancs, 4)
    add_supports(workshop, potager, 2)
    client.force_login(staff_a)
    # A sheet typed in, typed again with a mistake, then a third time like the first: confirmed.
    url = f"/admin/participation/atelier/{workshop.pk}/bulletins-papier/"
    sheet = {"session_date": "2026-03-14", "ballots_cast": 8, "blank": 1, "spoilt": 1}
    response = client.post(url, {**sheet, f"p{bancs.pk}": 1, f"p{potager.pk}": 5})
    assert response.status_code == 302
    client.post(url, {**sheet, f"p{bancs.pk}": 1, f"p{potager.pk}": 5})
    client.post(url, {**sheet, f"p{bancs.pk}": 1, f"p{potager.pk}": 6})
    client.post(url, {**sheet, f"p{bancs.pk}": 1, f"p{potager.pk}": 6})
    second = {"session_date": "2026-03-21", "ballots_cast": 1}
    client.post(url, {**second, f"p{potager.pk}": 1})
    client.post(url, {**second, f"p{potager.pk}": 1})
    tally = PaperTally.objects.get(proposal=potager, sheet__session_date=date(2026, 3, 14))
    assert tally.votes == 6 and tally.entered_by == staff_a
    assert [h.votes for h in tally.history.order_by("history_date")] == [5, 6]
    assert all(h.history_user == staff_a for h in tally.history.all())
    assert "Correction" in client.get(f"{url}2026-03-14/").text

    set_phase(workshop, "results")
    client.logout()
    page = client.get(workshop.url).text
    assert page.index("Un potager") < page.index("Des bancs")  # 2 + 7 = 9 beats 4 + 1 = 5
    assert 'role="img"' in page and "<title" in page and "<desc" in page and "<table>" in page
    assert "Un potager : 9 (2 en ligne, 7 sur papier)" in page
    results = client.get(f"/participer/atelier/{workshop.pk}/resultats/").text
    assert "Un potager : 9 (2 en ligne, 7 sur papier)" in results

    client.force_login(staff_a)
    response = client.get(f"/admin/participation/atelier/{workshop.pk}/resultats.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:6] == ["Rang", "Référence", "Titre", "En ligne", "Papier", "Total"]
    assert rows[1][2:6] == ["Un potager", "2", "7", "9"]
    assert rows[2][2:6] == ["Des bancs", "4", "1", "5"]
    summary = {row[0]: row[1] for row in rows[4:]}
    assert summary["Votants en ligne"] == "6"
    assert summary["Bulletins papier déposés"] == "9"
    assert summary["Bulletins papier blancs"] == "1" and summary["Bulletins papier nuls"] == "1"


LEAK = re.compile(r"(?<![\w/.:-])(73|89|162|74|163)(?![\w/:-])")


def main_content(html):
    """The page's <main> (the Wagtail userbar's SVG icons are full of digits)."""
    return html[html.index("<main") : html.index("</main>")]


def test_hidden_counts_do_not_leak_while_voting(client, centre_a, staff_a, resident):
    workshop = make_workshop(centre_a, "voting", title="Le square", slug="le-square")
    proposal = make_proposal(workshop, title="Des bancs")
    add_supports(workshop, proposal, 73)
    confirmed_sheet(workshop, date(2026, 3, 14), {proposal: 89})
    urls = [
        workshop.url,
        f"/participer/atelier/{workshop.pk}/resultats/",
        f"/participer/proposition/{proposal.reference}/",
    ]
    for user in (None, resident, staff_a):
        client.logout()
        if user:
            client.force_login(user)
        for url in urls:
            text = main_content(client.get(url).text)
            m = LEAK.search(text)
            assert not m, (url, text[m.start() - 300 : m.end() + 50])
            assert "en ligne, " not in text
    # The htmx answer to a support does not reveal the new count either.
    client.force_login(resident)
    text = client.post(
        f"/participer/atelier/{workshop.pk}/soutenir/{proposal.pk}/", headers={"HX-Request": "true"}
    ).text
    assert "est compté" in text
    assert not LEAK.search(text)
    client.force_login(staff_a)
    response = client.get(f"/admin/participation/atelier/{workshop.pk}/resultats.csv")
    assert response.status_code == 409
    proposals_csv = client.get(f"/admin/participation/atelier/{workshop.pk}/propositions.csv").content.decode()
    assert "En ligne" not in proposals_csv and not LEAK.search(proposals_csv)
    admin_page = client.get(f"/admin/participation/atelier/{workshop.pk}/").text
    assert "<td>74</td>" not in admin_page and "<td>89</td>" not in admin_page and "<td>163</td>" not in admin_page
    # Once results are out, the same figures appear.
    set_phase(workshop, "results")
    client.logout()
    assert "Des bancs : 163 (74 en ligne, 89 sur papier)" in client.get(workshop.url).text


def test_counts_shown_when_not_hidden(client, centre_a, staff_a):
    workshop = make_workshop(centre_a, "voting", hide_counts_during_vote=False)
    proposal = make_proposal(workshop, title="Des bancs")
    add_supports(workshop, proposal, 3)
    assert "3 soutiens" in client.get(workshop.url).text
    client.force_login(staff_a)
    assert client.get(f"/admin/participation/atelier/{workshop.pk}/resultats.csv").status_code == 200


def test_tallies_of_another_centre_are_forbidden(client, centre_a, staff_b):
    workshop = make_workshop(centre_a, "voting")
    proposal = make_proposal(workshop)
    client.force_login(staff_b)
    url = f"/admin/participation/atelier/{workshop.pk}/bulletins-papier/"
    assert client.post(url, {"session_date": "2026-03-14", f"p{proposal.pk}": 5}).status_code == 403
    assert not PaperTally.objects.exists()
