"""Render time of the indicators report with a year of data for 8 centres, next to a reference page.

    .venv/bin/python benchmarks/indicators.py [--runs 10] [--scale 1.0]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/csc_bench .venv/bin/python benchmarks/indicators.py

Builds a throw-away test database (SQLite in memory by default, `test_<name>` on PostgreSQL) with,
at scale 1: 8 centres, 40 workshops, 2,000 proposals, 100,000 supports (on about 33,000 ballots,
accounts and voting codes), 80 paper tally sheets, 5,000 accounts (1,000 made at a desk), 1,000
desk verifications, 1,000 consents, 3,000 CVs (1,000 shared with a centre), 20 news, all with
bulk_create. Then prints the median and 95th percentile render time and the query count of the
report (network admin and centre staff), of its CSV export, and of the reference: the Wagtail
admin dashboard for the same user, measured in the same run. Not collected by pytest.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

CENTRES = ["Belencontre", "Phalempins", "l'Écho", "MJC du Virolois", "l'Arbrisseau", "Lazare Garreau",
           "Faubourg de Béthune", "Chemin Rouge"]  # fmt: skip
YEAR = timezone.localdate().year - 1  # a full year of data


def moment(rng, start=None, days=364):
    start = start or timezone.make_aware(datetime(YEAR, 1, 1, 9))
    return start + timedelta(days=rng.randrange(days), minutes=rng.randrange(600))


def build(scale, rng):
    from django.contrib.auth import get_user_model
    from wagtail.models import Locale, Page, Site

    from accounts.consent_models import Action, Consent, JournalEntry
    from accounts.verification_models import ResidentVerification
    from cv_builder.models import CV, CentreShare
    from home.centre_groups import ensure_centre_group
    from home.models import CentrePage, HomePage, NewsIndexPage, NewsPage
    from participation.models import Ballot, Proposal, Support, TallySheet, VotingCode, WorkshopIndexPage, WorkshopPage
    from participation.models.codes import ALPHABET

    User = get_user_model()
    Locale.objects.get_or_create(language_code="fr")
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Accueil", slug="accueil-bench"))
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "testserver", "port": 80,
                                                                  "root_page": home})  # fmt: skip
    centres, workshops = [], []
    for n, name in enumerate(CENTRES):
        centre = home.add_child(instance=CentrePage(title=f"Centre social {name}", slug=f"centre-{n}",
                                                    code=f"C{n:02d}", town="Roubaix"))  # fmt: skip
        centres.append(centre)
        index = centre.add_child(instance=WorkshopIndexPage(title="Ateliers", slug="ateliers"))
        news = centre.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
        for k in range(max(1, int(5 * scale))):
            start = timezone.make_aware(datetime(YEAR, 1 + 2 * k % 12, 1, 9))
            workshops.append(index.add_child(instance=WorkshopPage(
                title=f"Atelier {n}-{k}", slug=f"atelier-{k}", question="Que faire du square ?",
                proposals_start=start, proposals_end=start + timedelta(days=20),
                voting_start=start + timedelta(days=21), voting_end=start + timedelta(days=35), audience_size=900,
            )))  # fmt: skip
        for k in range(max(1, int(2.5 * scale))):
            news.add_child(instance=NewsPage(title=f"Nouvelle {k}", slug=f"nouvelle-{k}")).save_revision().publish()
    staff = [User.objects.create_user(f"equipe-{n}", password="x") for n in range(len(centres))]
    for user, centre in zip(staff, centres, strict=True):
        user.groups.add(ensure_centre_group(centre))
    n_accounts, n_desk = int(5000 * scale), int(1000 * scale)
    users = User.objects.bulk_create([
        User(username=f"habitant-{n}", password="!", date_joined=moment(rng),
             created_by=staff[n % len(staff)] if n < n_desk else None)
        for n in range(n_accounts)
    ], batch_size=1000)  # fmt: skip
    JournalEntry.objects.bulk_create([
        JournalEntry(person=u, centre=centres[n % len(centres)], action=Action.ACCOUNT_CREATED,
                     created_at=u.date_joined, last_at=u.date_joined)
        for n, u in enumerate(users[:n_desk])
    ], batch_size=1000)  # fmt: skip
    ResidentVerification.objects.bulk_create([
        ResidentVerification(user=u, centre=centres[n % len(centres)], verified_at=moment(rng))
        for n, u in enumerate(users[n_desk:2 * n_desk])
    ], batch_size=1000)  # fmt: skip
    Consent.objects.bulk_create([
        Consent(person=u, centre=centres[n % len(centres)], cv_help=True, given_at=(at := moment(rng)),
                confirmed_at=at, until=at + timedelta(days=90), method="staff_attested")
        for n, u in enumerate(users[:n_desk])
    ], batch_size=1000)  # fmt: skip
    proposals_per_workshop = int(2000 * scale) // len(workshops)
    proposals = Proposal.objects.bulk_create([
        Proposal(workshop=w, reference=f"{w.pk}-{k}", title=f"Idée {k}", description="Pour le quartier.",
                 author=rng.choice(users), status="published", created_at=moment(rng, w.proposals_start, 20),
                 outcome=rng.choice(["", "", "selected", "done", "not_selected"]))
        for w in workshops for k in range(proposals_per_workshop)
    ], batch_size=1000)  # fmt: skip
    by_workshop = {}
    for proposal in proposals:
        by_workshop.setdefault(proposal.workshop_id, []).append(proposal)
    supports_target, supports_per_ballot = int(100_000 * scale), 3
    ballots_per_workshop = supports_target // supports_per_ballot // len(workshops)
    lookups = ("".join(rng.choice(ALPHABET) for _ in range(4)) for _ in iter(int, 1))
    seen, codes = set(), []
    for w in workshops:
        for _k in range(ballots_per_workshop // 5):
            code = next(c for c in lookups if c not in seen)
            seen.add(code)
            codes.append(VotingCode(workshop=w, lookup=code, salt="s", digest="d", created_at=moment(rng)))
    codes = VotingCode.objects.bulk_create(codes, batch_size=1000)
    codes_by_workshop = {}
    for code in codes:
        codes_by_workshop.setdefault(code.workshop_id, []).append(code)
    ballots = []
    for w in workshops:
        voters = rng.sample(users, ballots_per_workshop - len(codes_by_workshop[w.pk]))
        at = w.voting_start + timedelta(days=3)
        ballots += [Ballot(workshop=w, user=u, created_at=at) for u in voters]
        ballots += [Ballot(workshop=w, code=c, created_at=at) for c in codes_by_workshop[w.pk]]
    ballots = Ballot.objects.bulk_create(ballots, batch_size=2000)
    supports = [
        Support(ballot=b, proposal=p, created_at=b.created_at)
        for b in ballots for p in rng.sample(by_workshop[b.workshop_id], supports_per_ballot)
    ]  # fmt: skip
    Support.objects.bulk_create(supports, batch_size=5000)
    TallySheet.objects.bulk_create([
        TallySheet(workshop=w, session_date=(w.voting_start + timedelta(days=d)).date(), ballots_cast=60, blank=3,
                   spoilt=2, status="confirmed")
        for w in workshops for d in (1, 8)
    ])  # fmt: skip
    cvs = CV.objects.bulk_create([CV(owner=rng.choice(users), title=f"CV {n}") for n in range(int(3000 * scale))],
                                 batch_size=1000)  # fmt: skip
    CV.objects.update(created_at=timezone.make_aware(datetime(YEAR, 6, 1)))
    CentreShare.objects.bulk_create([CentreShare(cv=cv, centre=centres[n % len(centres)])
                                     for n, cv in enumerate(cvs[: int(1000 * scale)])])  # fmt: skip
    return {"supports": len(supports), "ballots": len(ballots), "proposals": len(proposals),
            "accounts": n_accounts, "cvs": len(cvs), "workshops": len(workshops)}, staff  # fmt: skip


def measure(client, url, runs):
    assert client.get(url).status_code == 200, url
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings.sort()
    return (
        statistics.median(timings),
        timings[min(len(timings) - 1, int(len(timings) * 0.95))],
        len(queries.captured_queries),
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from django.contrib.auth import get_user_model

        start = time.perf_counter()
        counts, staff = build(args.scale, random.Random(args.seed))
        print(f"built in {time.perf_counter() - start:.1f} s ({connection.vendor}): "
              + ", ".join(f"{v:,} {k}" for k, v in counts.items()))  # fmt: skip
        admin = get_user_model().objects.create_superuser("reseau", password="x", email="")
        rows = []
        for who, user in (("network admin", admin), ("centre staff", staff[0])):
            client = Client()
            client.force_login(user)
            for label, url in (
                ("reference: admin dashboard", "/admin/"),
                ("indicators report", f"/admin/indicateurs/?year={YEAR}"),
                ("indicators CSV export", f"/admin/indicateurs/export.csv?year={YEAR}"),
            ):
                rows.append((who, label, *measure(client, url, args.runs)))
        print(f"{'user':14} {'page':28} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for who, label, median, p95, queries in rows:
            print(f"{who:14} {label:28} {median:10.1f} {p95:8.1f} {queries:8d}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
