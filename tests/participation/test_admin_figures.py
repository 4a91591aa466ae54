"""The admin workshop page: the batch figure counts codes, and nothing derived from supports shows while hidden."""

import re

from django.contrib.auth import get_user_model
from django.utils import timezone

from participation.models import Ballot, Support, VotingCode

from .conftest import make_proposal, make_workshop


def batch_row(html):
    row = re.search(r"<td>Marché</td>(.*?)</tr>", html, re.S).group(1)
    return [cell.strip() for cell in re.findall(r"<td>([^<]*)</td>", row)]


def vote_with_codes(workshop, proposals, n_codes):
    for code in VotingCode.objects.filter(workshop=workshop)[:n_codes]:
        ballot = Ballot.objects.create(workshop=workshop, code=code)
        Support.objects.bulk_create([Support(ballot=ballot, proposal=p) for p in proposals])


def test_batch_of_forty_shows_forty_codes_and_hides_used_while_counts_are_hidden(client, staff_a, centre_a):
    workshop = make_workshop(centre_a, "voting", hide_counts_during_vote=True)
    proposals = [make_proposal(workshop, title=f"Idée {i}") for i in range(3)]
    VotingCode.create_batch(workshop, 40, batch="Marché")
    vote_with_codes(workshop, proposals, 16)  # 48 supports
    client.force_login(staff_a)
    html = client.get(f"/admin/participation/atelier/{workshop.pk}/").text
    assert batch_row(html) == ["40", "0"]  # codes, revoked: no "used" figure while counts are hidden
    assert "48" not in batch_row(html) and "16" not in batch_row(html)
    assert "Le nombre de codes qui ont voté reste caché" in html
    # A superuser may see it (to check the sheet during the vote).
    admin = get_user_model().objects.create_superuser("admin-test", password="x-admin-42")
    client.force_login(admin)
    assert batch_row(client.get(f"/admin/participation/atelier/{workshop.pk}/").text) == ["40", "16", "0"]


def test_after_the_vote_used_codes_are_counted_distinct(client, staff_a, centre_a):
    workshop = make_workshop(centre_a, "results")
    proposals = [make_proposal(workshop, title=f"Idée {i}") for i in range(3)]
    VotingCode.create_batch(workshop, 40, batch="Marché")
    vote_with_codes(workshop, proposals, 16)
    used = list(VotingCode.objects.filter(workshop=workshop, ballot__isnull=False).values_list("pk", flat=True)[:2])
    VotingCode.objects.filter(pk__in=used).update(revoked_at=timezone.now())
    client.force_login(staff_a)
    assert batch_row(client.get(f"/admin/participation/atelier/{workshop.pk}/").text) == ["40", "16", "2"]
