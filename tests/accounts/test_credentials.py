import re

from django.contrib.auth.password_validation import validate_password

from accounts.credentials import WORDS, generate_password, suggest_username, username_base
from tests.conftest import make_user


def test_username_base_is_plain_ascii():
    assert username_base("Élodie Dupré") == "elodie-dupre"
    assert username_base("  ") == "habitant"
    assert username_base("Jean-François de la Fontaine") == "jean-francoi"


def test_suggested_usernames_are_free_and_have_no_ambiguous_digits(db):
    make_user("samia-22")
    seen = set()
    for _ in range(30):
        name = suggest_username("Samia")
        assert re.fullmatch(r"samia-[2-9]{2,5}", name)
        assert name != "samia-22"
        seen.add(name)
    assert len(seen) > 10


def test_generated_passwords_are_easy_to_type_and_pass_the_validators(db):
    passwords = {generate_password() for _ in range(50)}
    assert len(passwords) > 45
    for password in passwords:
        first, second, digits = password.split("-")
        assert first in WORDS and second in WORDS and first != second
        assert re.fullmatch(r"[2-9]{2}", digits)
        validate_password(password)


def test_word_list_has_no_accents_and_no_duplicates():
    assert len(WORDS) == len(set(WORDS)) >= 100
    assert all(re.fullmatch(r"[a-z]+", word) for word in WORDS)
