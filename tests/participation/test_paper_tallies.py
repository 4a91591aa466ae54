"""Tally sheets: every check of the form and the two-entry confirmation, through real requests."""

import io
from datetime import date, timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from home.centre_groups import ensure_centre_group
from participation.models import PaperTally, TallyEntry, TallySheet

from ..conftest import make_user
from .conftest import make_proposal, make_workshop


@pytest.fixture
def workshop(centre_a):
    # Counts public during the vote, so the effect of a sheet on the results can be read at once.
    return make_workshop(centre_a, "voting", hide_counts_during_vote=False, title="Le square", slug="le-square")


@pytest.fixture
def ideas(workshop):
    titles = ("Des bancs", "Un potager", "Une boîte à livres", "Un composteur")
    return [make_proposal(workshop, title=title) for title in titles]


@pytest.fixture
def colleague_a(centre_a):
    user = make_user("collegue-a", display_name="Collègue A")
    user.groups.add(ensure_centre_group(centre_a))
    return user


def url(workshop):
    return f"/admin/participation/atelier/{workshop.pk}/bulletins-papier/"


def sheet_data(ideas, counts, day="2026-03-14", cast=10, blank=0, spoilt=0):
    data = {"session_date": day, "ballots_cast": cast, "blank": blank, "spoilt": spoilt}
    data.update({f"p{p.pk}": n for p, n in zip(ideas, counts, strict=True)})
    return data


def post(client, workshop, data):
    return client.post(url(workshop), data)


def paper_on_results(client, workshop, proposal):
    """The paper figure of one proposal in the public results table."""
    html = client.get(f"/participer/atelier/{workshop.pk}/resultats/").text
    row = html[html.index(f"{proposal.reference}</span>") :]
    return int(row.split("<td>")[2].split("</td>")[0])


# --- the checks -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("fields", "message"),
    [
        # 6 blank + 5 spoilt out of 10 ballots cast.
        (
            {"cast": 10, "blank": 6, "spoilt": 5},
            "plus de bulletins blancs et nuls (11) que de bulletins déposés (10)",
        ),
        # 10 cast - 2 blank = 8 valid, but 9 ticks for the first proposal.
        ({"cast": 10, "blank": 2, "counts": (9, 4, 0, 0)}, "9 croix, mais seulement 8 bulletins valables"),
        # 4 valid ballots, 3 ticks at most each: 12 at most, 13 typed.
        ({"cast": 4, "counts": (4, 4, 4, 1)}, "13 croix en tout pour 4 bulletins valables"),
        # 10 valid ballots but only 6 ticks: a ballot without a tick is blank.
        ({"cast": 10, "counts": (3, 2, 1, 0)}, "10 bulletins valables mais seulement 6 croix en tout"),
        ({"day": (timezone.localdate() + timedelta(days=1)).isoformat()}, "Cette date est dans le futur"),
        ({"day": "14 mars"}, "Donnez une date comme 14/03/2026."),
        ({"cast": ""}, "Donnez le nombre de bulletins trouvés dans l’urne."),
        ({"cast": "dix"}, "Tapez un nombre entier (0 s’il n’y en a aucun)."),
        ({"blank": -1}, "Un nombre ne peut pas être négatif."),
        ({"counts": (5, 5, 100_001, 0)}, "Ce nombre est trop grand pour une séance."),
    ],
)
def test_each_check_refuses_the_sheet_in_plain_french(client, staff_a, workshop, ideas, fields, message):
    client.force_login(staff_a)
    counts = fields.pop("counts", (5, 4, 3, 0))
    response = post(client, workshop, sheet_data(ideas, counts, **fields))
    assert response.status_code == 400
    assert message in response.text
    assert "La feuille n’a pas été enregistrée." in response.text
    assert not TallySheet.objects.exists() and not PaperTally.objects.exists()


def test_limits_follow_the_workshop_rule(client, staff_a, centre_a):
    """With one proposal per ballot, 2 ballots carry at most 2 ticks."""
    workshop = make_workshop(centre_a, "voting", max_supports=1)
    ideas = [make_proposal(workshop, title="A"), make_proposal(workshop, title="B")]
    client.force_login(staff_a)
    response = post(client, workshop, sheet_data(ideas, (2, 1), cast=2))
    assert response.status_code == 400
    assert "chaque bulletin a au plus 1 croix, donc au plus 2 en tout" in response.text
    assert post(client, workshop, sheet_data(ideas, (1, 1), cast=3, spoilt=1)).status_code == 302


def test_empty_boxes_count_as_zero_and_a_sheet_at_the_limits_passes(client, staff_a, workshop, ideas):
    client.force_login(staff_a)
    # 5 cast, 1 blank, 1 spoilt: 3 valid ballots, 9 ticks = 3 x 3 exactly.
    data = sheet_data(ideas, (3, 3, 3, 0), cast=5, blank=1, spoilt=1)
    assert post(client, workshop, data).status_code == 302
    data[f"p{ideas[2].pk}"] = data[f"p{ideas[3].pk}"] = ""
    data["ballots_cast"], data["blank"] = 4, ""
    response = post(client, workshop, {**data, "session_date": "2026-03-15"})
    assert response.status_code == 302
    sheet = TallySheet.objects.get(session_date=date(2026, 3, 15))
    assert (sheet.ballots_cast, sheet.blank, sheet.spoilt) == (4, 0, 1)
    assert PaperTally.objects.get(sheet=sheet, proposal=ideas[2]).votes == 0


# --- two entries before a sheet counts -----------------------------------------------------------------
def test_a_colleague_confirms_the_sheet_before_it_counts(client, staff_a, colleague_a, workshop, ideas):
    client.force_login(staff_a)
    response = post(client, workshop, sheet_data(ideas, (6, 4, 2, 0)))
    assert response.status_code == 302
    sheet = TallySheet.objects.get()
    assert sheet.status == TallySheet.Status.TO_CHECK
    page = client.get(response.url).text
    assert "À vérifier" in page and "La saisir à nouveau pour la confirmer" in page
    assert "À vérifier" in client.get(url(workshop)).text
    # Not counted yet, and the results say a sheet is waiting.
    results = client.get(f"/participer/atelier/{workshop.pk}/resultats/").text
    assert paper_on_results(client, workshop, ideas[0]) == 0
    assert "1 feuille de dépouillement est encore à vérifier" in results
    assert "0 bulletin papier déposé" in results

    colleague = client.__class__()
    colleague.force_login(colleague_a)
    response = post(colleague, workshop, sheet_data(ideas, (6, 4, 2, 0)))
    assert response.status_code == 302
    sheet.refresh_from_db()
    assert sheet.status == TallySheet.Status.CONFIRMED and sheet.confirmed_by == colleague_a
    assert "la feuille du 14/03/2026 est confirmée" in colleague.get(response.url).text
    assert paper_on_results(client, workshop, ideas[0]) == 6
    results = client.get(f"/participer/atelier/{workshop.pk}/resultats/").text
    assert "10 bulletins papier déposés (0 blancs, 0 nuls)" in results
    assert "encore à vérifier" not in results
    kinds = list(sheet.entries.values_list("kind", "entered_by__username"))
    assert kinds == [(TallyEntry.Kind.FIRST, "staff-a"), (TallyEntry.Kind.CONFIRMED, "collegue-a")]


def test_the_same_person_may_confirm_with_a_second_entry(client, staff_a, workshop, ideas):
    client.force_login(staff_a)
    post(client, workshop, sheet_data(ideas, (6, 4, 2, 0)))
    post(client, workshop, sheet_data(ideas, (6, 4, 2, 0)))
    assert TallySheet.objects.get().status == TallySheet.Status.CONFIRMED
    assert paper_on_results(client, workshop, ideas[1]) == 4


def test_a_different_second_entry_keeps_both_and_stays_to_check(client, staff_a, colleague_a, workshop, ideas):
    client.force_login(staff_a)
    post(client, workshop, sheet_data(ideas, (6, 4, 2, 0)))
    colleague = client.__class__()
    colleague.force_login(colleague_a)
    response = post(colleague, workshop, sheet_data(ideas, (6, 5, 2, 0), cast=11))
    assert response.status_code == 302
    sheet = TallySheet.objects.get()
    assert sheet.status == TallySheet.Status.TO_CHECK
    # The latest figures are on file; both entries are kept as typed, with their authors.
    assert sheet.ballots_cast == 11 and PaperTally.objects.get(proposal=ideas[1]).votes == 5
    entries = list(sheet.entries.all())
    assert [(e.entered_by, e.ballots_cast, e.counts[str(ideas[1].pk)]) for e in entries] == [
        (staff_a, 10, 4),
        (colleague_a, 11, 5),
    ]
    page = colleague.get(response.url).text
    assert "Les chiffres diffèrent de la saisie précédente" in page
    assert "≠ 11" in page and "≠ 5" in page and "Collègue A" in page and "Équipe A" in page
    assert paper_on_results(client, workshop, ideas[1]) == 0
    # A third entry agreeing with the second confirms it.
    post(client, workshop, sheet_data(ideas, (6, 5, 2, 0), cast=11))
    sheet.refresh_from_db()
    assert sheet.status == TallySheet.Status.CONFIRMED
    assert paper_on_results(client, workshop, ideas[1]) == 5
    assert [h.votes for h in PaperTally.objects.get(proposal=ideas[1]).history.order_by("history_date")] == [4, 5]


def test_correcting_a_confirmed_sheet_takes_it_out_of_the_results_until_checked(client, staff_a, workshop, ideas):
    client.force_login(staff_a)
    for _ in range(2):
        post(client, workshop, sheet_data(ideas, (6, 4, 2, 0)))
    assert paper_on_results(client, workshop, ideas[0]) == 6
    response = post(client, workshop, sheet_data(ideas, (7, 4, 2, 0)))
    assert "ces chiffres la corrigent" in client.get(response.url).text
    sheet = TallySheet.objects.get()
    assert sheet.status == TallySheet.Status.TO_CHECK and sheet.confirmed_by is None
    assert paper_on_results(client, workshop, ideas[0]) == 0
    # Typing the confirmed figures again changes nothing.
    post(client, workshop, sheet_data(ideas, (7, 4, 2, 0)))
    post(client, workshop, sheet_data(ideas, (7, 4, 2, 0)))
    assert sheet.entries.last().kind == TallyEntry.Kind.SAME
    assert paper_on_results(client, workshop, ideas[0]) == 7
    # First, confirmation, correction, its confirmation, the identical entry: all kept.
    assert sheet.entries.count() == 5
    assert sheet.history.count() >= 4


# --- who may see and enter ----------------------------------------------------------------------------
def test_other_centres_and_residents_cannot_enter_or_read_sheets(client, staff_a, staff_b, resident, workshop, ideas):
    client.force_login(staff_a)
    post(client, workshop, sheet_data(ideas, (6, 4, 2, 0)))
    sheet_url = f"{url(workshop)}2026-03-14/"
    for user in (staff_b, resident, None):
        other = client.__class__()
        if user:
            other.force_login(user)
        response = other.post(url(workshop), sheet_data(ideas, (6, 4, 2, 0)))
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "/login/" in response.url or "/connexion/" in response.url or "/admin/" in response.url
        assert other.get(sheet_url).status_code in (302, 403)
        assert other.get(f"/admin/participation/atelier/{workshop.pk}/feuilles.csv").status_code in (302, 403)
    assert TallyEntry.objects.count() == 1
    assert client.get(f"{url(workshop)}2026-13-40/").status_code == 404


# --- the photo of the sheet ---------------------------------------------------------------------------------
def png_upload(name="feuille.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_the_photo_is_private_to_the_centres_staff(client, staff_a, staff_b, resident, workshop, ideas):
    client.force_login(staff_a)
    response = post(client, workshop, {**sheet_data(ideas, (6, 4, 2, 0)), "photo": png_upload()})
    assert response.status_code == 302
    sheet = TallySheet.objects.get()
    assert sheet.photo.name.startswith("participation/feuilles/")
    # Kept in the private storage, not in the media storage behind /media/.
    # (The field's storage is resolved once, at import: other tests may have rebuilt `storages` since.)
    assert sheet.photo.storage.exists(sheet.photo.name)
    assert not default_storage.exists(sheet.photo.name)
    page = client.get(response.url).text
    assert "/media/" not in page and sheet.photo.name not in page
    photo_url = f"{url(workshop)}2026-03-14/photo/"
    answer = client.get(photo_url)
    assert answer.status_code == 200 and answer["Content-Type"] == "image/jpeg"  # re-encoded by home.images
    assert "no-store" in answer["Cache-Control"]
    assert Image.open(io.BytesIO(b"".join(answer.streaming_content))).size == (40, 30)
    for user in (staff_b, resident, None):
        other = client.__class__()
        if user:
            other.force_login(user)
        assert other.get(photo_url).status_code in (302, 403)


def test_a_file_that_is_not_a_photo_is_refused_and_nothing_is_saved(client, staff_a, workshop, ideas):
    client.force_login(staff_a)
    fake = SimpleUploadedFile("feuille.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = post(client, workshop, {**sheet_data(ideas, (6, 4, 2, 0)), "photo": fake})
    assert response.status_code == 400
    assert "Ce fichier n’est pas une image acceptée par le site." in response.text
    assert not TallySheet.objects.exists()
