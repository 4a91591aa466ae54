"""Issue 13 on the participation side: ties share a rank everywhere, the support limit explained on each
card, a support button on the proposal's own page, and "Vous votez avec le code …"."""

import csv
import io
from datetime import date

from django.test import Client

from participation.models import Support, VotingCode
from participation.models.counts import rank, rank_label

from .conftest import confirmed_sheet, make_proposal, make_workshop
from .test_results import add_supports, set_phase


class Counted:
    def __init__(self, reference, total, online=0):
        self.reference, self.total_count, self.online_count = reference, total, online


def test_equal_totals_share_a_rank_and_the_next_rank_skips():
    ranked = rank([Counted("A", 3), Counted("B", 15, 10), Counted("C", 20), Counted("D", 15, 2), Counted("E", 3)])
    assert [(p.reference, p.rank, p.tied) for p in ranked] == [
        ("C", 1, False),
        ("B", 2, True),
        ("D", 2, True),
        ("A", 4, True),
        ("E", 4, True),
    ]
    assert [p.rank_label for p in ranked] == ["1er", "2e ex æquo", "2e ex æquo", "4e ex æquo", "4e ex æquo"]
    assert rank_label(1, True) == "1er ex æquo" and rank_label(3, False) == "3e"


def tied_workshop(centre):
    workshop = make_workshop(centre, "voting")
    first, second, third = (make_proposal(workshop, title=t) for t in ("Un potager", "Des bancs", "Une fresque"))
    add_supports(workshop, first, 20)
    add_supports(workshop, second, 10)
    add_supports(workshop, third, 12)
    confirmed_sheet(workshop, date(2026, 3, 14), {second: 5, third: 3})  # both reach 15
    set_phase(workshop, "results")
    return workshop


def test_page_list_csv_and_poster_all_say_2e_ex_aequo(client, centre_a, staff_a):
    workshop = tied_workshop(centre_a)
    page = client.get(f"/participer/atelier/{workshop.pk}/resultats/").text
    stacked = page[page.index('<ol class="results-list"') : page.index("</ol>")]
    assert stacked.count("2e ex æquo") == 2 and "1er" in stacked and "3e" not in stacked
    # The phone list says title, total and the split; the chart bars are labelled with titles.
    assert "Des bancs" in stacked and "15 soutiens" in stacked and "10 en ligne · 5 sur papier" in stacked
    chart = page[page.index("<svg") : page.index("</svg>")]
    assert ">Un potager</text>" in chart and "BEL-" not in chart.split("</desc>")[1]
    assert client.get(workshop.url).text.count("2e ex æquo") == 4  # list and table on the workshop page
    client.force_login(staff_a)
    response = client.get(f"/admin/participation/atelier/{workshop.pk}/resultats.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [(r[0], r[2], r[5]) for r in rows[1:4]] == [
        ("1er", "Un potager", "20"),
        ("2e ex æquo", "Une fresque", "15"),  # more online supports listed first, same rank
        ("2e ex æquo", "Des bancs", "15"),
    ]
    from pypdf import PdfReader

    poster = client.get(f"/admin/participation/atelier/{workshop.pk}/affiche.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(poster.content)).pages)
    assert text.count("2e ex æquo") == 2


def support_url(workshop, proposal):
    return f"/participer/atelier/{workshop.pk}/soutenir/{proposal.pk}/"


def test_at_the_limit_each_other_card_explains_and_keeps_a_link(client, centre_a, resident):
    workshop = make_workshop(centre_a, "voting", max_supports=2)
    proposals = [make_proposal(workshop, title=t) for t in ("Des bancs", "Un potager", "Une fresque", "Un banc")]
    client.force_login(resident)
    for proposal in proposals[:2]:
        client.post(support_url(workshop, proposal))
    page = client.get(workshop.url).text
    assert "Vous pouvez encore soutenir 0" not in page
    assert "Vous avez choisi 2 propositions, le plus possible : retirez-en une pour en choisir une autre." in page
    assert page.count("Vous avez choisi 2 propositions : retirez-en une pour choisir celle-ci.") == 2
    assert page.count('class="button button-unavailable" href="#vote-limit"') == 2
    assert 'id="vote-limit"' in page
    # Below the limit, no such note.
    client.post(f"/participer/atelier/{workshop.pk}/retirer/{proposals[0].pk}/")
    page = client.get(workshop.url).text
    assert "retirez-en une pour choisir celle-ci" not in page and "Vous pouvez encore soutenir 1 proposition." in page


def test_the_proposal_page_has_its_own_support_button(client, centre_a, resident):
    workshop = make_workshop(centre_a, "voting", max_supports=1)
    bancs, potager = make_proposal(workshop, title="Des bancs"), make_proposal(workshop, title="Un potager")
    url = f"/participer/proposition/{bancs.reference}/"
    anonymous = client.get(url).text
    assert "Se connecter pour voter" in anonymous and f"next=/participer/proposition/{bancs.reference}/" in anonymous
    client.force_login(resident)
    page = client.get(url).text
    assert f'action="{support_url(workshop, bancs)}"' in page
    response = client.post(support_url(workshop, bancs), {"back": "proposal"})
    assert response.status_code == 302 and response.url == url
    page = client.get(url).text
    assert "Vous soutenez cette proposition." in page and "Retirer mon soutien" in page
    other = client.get(f"/participer/proposition/{potager.reference}/").text
    assert "Vous avez choisi 1 proposition : retirez-la pour choisir celle-ci." in other
    assert f'action="{support_url(workshop, potager)}"' not in other
    assert Support.objects.get().proposal == bancs


def test_no_support_button_outside_the_vote(client, centre_a, resident):
    workshop = make_workshop(centre_a, "proposals")
    proposal = make_proposal(workshop)
    client.force_login(resident)
    assert "Soutenir cette proposition" not in client.get(f"/participer/proposition/{proposal.reference}/").text


def test_voting_with_a_code_says_so_plainly(centre_a):
    workshop = make_workshop(centre_a, "voting")
    make_proposal(workshop)
    [code] = VotingCode.create_batch(workshop, 1)
    client = Client()
    client.post(f"/participer/atelier/{workshop.pk}/code/", {"code": code})
    page = client.get(workshop.url).text
    assert f"Vous votez avec le code {code[:4]}-…" in page
    assert "en tant que le code" not in page and code[5:9] not in page
