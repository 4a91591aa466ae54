"""/participer/, the home page section, the page tree rules and the demo content."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from home.sections import sections_for
from participation.models import Proposal, VotingCode, WorkshopIndexPage, WorkshopPage

from .conftest import make_workshop, workshop_index


def test_open_workshops_across_centres_with_phase(client, centre_a, centre_b):
    make_workshop(centre_a, "proposals", title="Atelier jardin", slug="jardin")
    make_workshop(centre_b, "voting", title="Atelier fête", slug="fete")
    make_workshop(centre_b, "upcoming", title="Atelier futur", slug="futur")
    make_workshop(centre_b, "results", title="Atelier fini", slug="fini")
    text = client.get("/participer/").text
    assert "Atelier jardin" in text and "Atelier fête" in text
    assert "Propositions ouvertes" in text and "Vote ouvert" in text
    assert "Atelier futur" not in text
    assert "Résultats récents" in text and "Atelier fini" in text


def test_home_section_lists_open_workshops(rf, home_page, centre_a, django_assert_max_num_queries):
    from participation.access import restricted_paths

    make_workshop(centre_a, "voting", title="Atelier fête", slug="fete")
    request = rf.get("/")
    restricted_paths()  # the list of private sections is kept in the shared cache after the first request
    with django_assert_max_num_queries(1):
        sections = dict((template, context) for template, context in sections_for(request, home_page))
    context = sections["participation/includes/home_open_workshops.html"]
    assert [w.title for w in context["open_workshops"]] == ["Atelier fête"]


def test_workshop_belongs_to_its_centre_and_one_list_per_centre(centre_a, centre_b):
    workshop = make_workshop(centre_a, "voting")
    assert workshop.centre_id == centre_a.pk
    assert not WorkshopIndexPage.can_create_at(centre_a)
    assert WorkshopIndexPage.can_create_at(centre_b)
    assert workshop.url.startswith("/belencontre/ateliers/")
    # Moving the workshop to another centre's list moves its centre too.
    workshop.move(workshop_index(centre_b), pos="last-child")
    workshop.refresh_from_db()
    assert workshop.centre_id == centre_b.pk


def test_demo_is_idempotent_and_prints_codes(home_page, settings):
    from home import demo as home_demo
    from participation import demo

    home_demo.seed(StringIO())
    lines = demo.seed(StringIO())
    counts = (WorkshopPage.objects.count(), Proposal.objects.count(), VotingCode.objects.count())
    assert counts[0] == 7 and counts[1] >= 24 and counts[2] >= 30
    codes = [line for line in lines if line.count("-") >= 2 and "  " in line]
    assert codes
    again = demo.seed(StringIO())
    assert (WorkshopPage.objects.count(), Proposal.objects.count(), VotingCode.objects.count()) == counts
    assert again == lines
    phases = sorted(w.phase for w in WorkshopPage.objects.all())
    assert phases == ["proposals", "results"] + ["voting"] * 5
    # An open vote for each kind of voter.
    voting = WorkshopPage.objects.filter(voting_start__lte=timezone.now(), voting_end__gt=timezone.now())
    assert sorted(voting.values_list("voters", flat=True)) == sorted(WorkshopPage.Voters.values)
    # A printed demo code really works.
    code = lines[[i for i, line in enumerate(lines) if "Codes de vote" in line][0] + 1].split()[-1]
    voting = WorkshopPage.objects.get(slug="fete-de-quartier")
    assert VotingCode.find(voting, code) is not None


def test_seed_demo_command_runs(home_page):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "atelier" in out.getvalue().lower()


def test_staff_create_workshops_only_in_their_centre(client, centre_a, centre_b, staff_a):
    index_a = workshop_index(centre_a)
    index_b = workshop_index(centre_b)
    client.force_login(staff_a)
    assert client.get(f"/admin/pages/add/participation/workshoppage/{index_a.pk}/").status_code == 200
    response = client.get(f"/admin/pages/add/participation/workshoppage/{index_b.pk}/")
    assert response.status_code in (302, 403)


def test_moderation_and_tallies_invalidate_the_page_cache(client, centre_a, staff_a):
    from home.page_cache import page_cache_version

    from .conftest import make_proposal

    workshop = make_workshop(centre_a, "voting")
    proposal = make_proposal(workshop, status=Proposal.Status.PENDING)
    client.force_login(staff_a)
    before = page_cache_version()
    client.post(f"/admin/participation/proposition/{proposal.pk}/", {"mod-action": "publish"})
    after_publish = page_cache_version()
    assert after_publish > before
    client.post(
        f"/admin/participation/atelier/{workshop.pk}/bulletins-papier/",
        {"session_date": "2026-03-14", "ballots_cast": 4, f"p{proposal.pk}": 4},
    )
    assert page_cache_version() > after_publish


def test_the_home_lists_three_open_workshops_closing_soonest_then_a_link_to_all(client, home_page, centre_a):
    workshops = [make_workshop(centre_a, "voting", title=f"Atelier {n}") for n in range(5)]
    for days, workshop in enumerate(workshops):
        workshop.voting_end = timezone.now() + timedelta(days=10 - days)
        workshop.save_revision().publish()
    html = client.get("/").text
    section = html.split('id="open-workshops-title"')[1].split("</section>")[0]
    assert section.count('class="card workshop-card"') == 3
    assert "Atelier 4" in section and "Atelier 2" in section and "Atelier 0" not in section
    assert 'href="/participer/"' in section
