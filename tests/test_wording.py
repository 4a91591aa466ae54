"""Issue 13's words: no "·e" forms, "atelier collaboratif" for participation, "d’Aïcha" not "de Aïcha"."""

import re
from datetime import datetime
from pathlib import Path

import pytest
from django.utils import timezone, translation

from cv_builder.models import CV
from home.french_words import of_name
from tests.participation.conftest import make_workshop

ROOT = Path(__file__).resolve().parent.parent
APPS = ("home", "participation", "accounts", "cv_builder", "toolkit")
MIDDLE_DOT_FORM = re.compile(r"\w·\w")  # "habitant·e", "expérimenté·e"; " · " between facts is fine


@pytest.mark.parametrize(
    ("name", "phrase"),
    [("Aïcha", "d’Aïcha"), ("Émile", "d’Émile"), ("Océane Dupont", "d’Océane Dupont"), ("Nadia", "de Nadia"),
     ("Yasmine", "de Yasmine"), (" Inès ", "d’Inès"), ("un centre social", "d’un centre social")],
)  # fmt: skip
def test_de_elides_before_a_vowel(name, phrase):
    with translation.override("fr"):
        assert of_name(name) == phrase
    with translation.override("en"):
        assert of_name(name) == f"of {name.strip()}"


def test_the_desk_card_says_le_compte_d_aicha(client, staff_a, centre_a):
    client.force_login(staff_a)
    response = client.post(
        "/compte/accueil/nouveau/", {"display_name": "Aïcha", "email": "", "username": "", "centre": centre_a.pk}
    )
    card = client.get(response["Location"]).text
    assert "Le compte d’Aïcha est prêt" in card and "de Aïcha" not in card


def french_texts():
    for app in APPS:
        po = ROOT / app / "locale" / "fr" / "LC_MESSAGES" / "django.po"
        lines = po.read_text(encoding="utf-8").splitlines()
        translated = [line for line in lines if not line.startswith(("#", "msgid"))]
        yield po.relative_to(ROOT), "\n".join(translated)
        for template in (ROOT / app / "templates").rglob("*.html"):
            yield template.relative_to(ROOT), template.read_text(encoding="utf-8")
    for demo in ROOT.glob("*/demo.py"):
        yield demo.relative_to(ROOT), demo.read_text(encoding="utf-8")


def test_no_middle_dot_forms_in_what_people_read():
    found = [f"{path}: {match}" for path, text in french_texts() for match in MIDDLE_DOT_FORM.findall(text)]
    assert not found, "Plain words instead of ·e forms:\n" + "\n".join(found)


def test_participatory_workshops_are_called_ateliers_collaboratifs(client, home_page, centre_a):
    make_workshop(centre_a, "voting", title="Le budget du quartier")
    home = client.get("/").text
    assert "Ateliers collaboratifs ouverts en ce moment" in home
    assert "Tous les ateliers collaboratifs ouverts" in home
    listing = client.get("/participer/").text
    assert "Ateliers collaboratifs ouverts en ce moment" in listing


DIGITAL_CLOCK_FORMATS = re.compile(r"""\|(?:date|time):["'][^"']*(?:j F|H:i)[^"']*["']""")


def test_people_read_french_dates_and_times_in_every_template():
    """ "1er décembre 2026 à 14 h" through {% load french_dates %}, not "1 décembre 2026 14:00".
    The staff's audit tables in the participation admin keep "02/12/2026 14:05" on purpose (compact, sortable)."""
    found = [
        f"{path}: {match}"
        for path, text in french_texts()
        if str(path).endswith(".html") and "/admin/" not in str(path)
        for match in DIGITAL_CLOCK_FORMATS.findall(text)
    ]
    assert not found, "Use jour, heure, quand or quand_long:\n" + "\n".join(found)


def test_mon_cv_says_when_a_cv_changed_the_french_way(client, resident):
    cv = CV.objects.create(owner=resident, title="CV cariste", data={})
    first_of_december = timezone.make_aware(datetime(2026, 12, 1, 14, 0))
    CV.objects.filter(pk=cv.pk).update(updated_at=first_of_december)
    client.force_login(resident)
    page = client.get("/mon-cv/").text
    assert "1er décembre 2026 à 14 h" in page and "14:00" not in page


def test_the_page_editors_block_choices_are_described_in_french():
    from home.blocks import BaseStreamBlock

    with translation.override("fr"):
        descriptions = {str(block.meta.description) for block in BaseStreamBlock().child_blocks.values()} - {""}
    assert "Un titre qui commence une partie de la page." in descriptions
    assert "Un tableau avec un titre, par exemple des horaires d’ouverture." in descriptions
    assert not [text for text in descriptions if text.startswith(("A ", "Text", "Words"))], descriptions


# Our template's copy of Wagtail's match count: left empty on purpose, Wagtail's own French applies.
LEFT_TO_WAGTAIL = {"There is %(counter)s match"}


def untranslated_entries(po_text):
    for block in po_text.split("\n\n"):
        lines = [line for line in block.splitlines() if line and not line.startswith("#~")]
        ids = [line for line in lines if line.startswith("msgid ")]
        if not ids or ids[0] == 'msgid ""' and not any(line.startswith('"') for line in lines[1:2]):
            continue  # the header, or an obsolete entry
        msgid = ids[0][len("msgid ") :]
        if msgid.strip('"') in LEFT_TO_WAGTAIL:
            continue
        if any(line.startswith("#,") and "fuzzy" in line for line in block.splitlines()):
            yield f"fuzzy: {msgid}"
        for n, line in enumerate(lines):
            empty = re.fullmatch(r'msgstr(\[\d\])? ""', line)
            if empty and not (n + 1 < len(lines) and lines[n + 1].startswith('"')):
                yield f"untranslated: {msgid}"


def test_the_catalogue_check_sees_empty_and_fuzzy_entries():
    sample = (
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "Next page"\nmsgstr ""\n\n#, fuzzy\nmsgid "Hi"\nmsgstr "Oui"\n'
    )
    sample += '\nmsgid "Long"\nmsgstr ""\n"Long texte"\n'
    assert list(untranslated_entries(sample)) == ['untranslated: "Next page"', 'fuzzy: "Hi"']


def test_every_french_catalogue_is_fully_translated():
    """An empty msgstr shows English to a French user; a fuzzy one (a guess of makemessages) is not used at all."""
    catalogues = [*(ROOT / app / "locale" for app in APPS), ROOT / "locale", ROOT / "locale_overrides"]
    problems = [
        f"{catalogue.relative_to(ROOT)}: {problem}"
        for catalogue in catalogues
        for problem in untranslated_entries(
            (catalogue / "fr" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
        )
    ]
    assert not problems, "\n".join(problems)
