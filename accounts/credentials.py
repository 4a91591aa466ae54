"""Usernames and first passwords made for people at the desk: easy to read aloud and to type.

- Usernames: the person's name in plain lowercase letters, a hyphen and two digits from 2 to 9
  (no 0/O or 1/l/I to confuse on a printed card), e.g. ``samia-47``.
- First passwords: two common French words without accents and two digits, e.g.
  ``pomme-soleil-47``. They are temporary: the person must change theirs at the first log-in.
"""

import re
import secrets
import unicodedata

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

# Short, common, concrete words, spelt without accents, none of them offensive.
WORDS = (
    "abeille arbre argent balle banane bateau bougie bouton cactus cadeau camion canard carotte castor cerise "
    "chapeau chaton cheval chemin citron coquille crayon dauphin domino etoile falaise farine fenetre feuille "
    "fraise fromage fusee galette gateau girafe glace gomme grenier guitare hibou jardin jouet journal kiwi "
    "lapin legume lion livre loupe lune maison mangue marmotte melon merle miel montagne mouton nuage olive "
    "orange ours panda papier parapluie pastel pigeon pingouin pirate plage plume poire pomme poney prune "
    "puzzle radis raisin renard requin robot rocher salade sapin sardine soleil souris sucre tambour tapis "
    "tigre tomate tortue tracteur train tulipe valise velo violon voilier wagon zebre"
).split()
DIGITS = "23456789"


def generate_password(user=None, attempts=20):
    """A first password such as ``pomme-soleil-47`` that passes the site's password validators."""
    password = ""
    for _attempt in range(attempts):
        first, second = secrets.choice(WORDS), secrets.choice(WORDS)
        if first == second:
            continue
        password = f"{first}-{second}-{secrets.choice(DIGITS)}{secrets.choice(DIGITS)}"
        try:
            validate_password(password, user)
        except ValidationError:
            continue
        return password
    return password


def username_base(name):
    """Plain lowercase ASCII letters of the name (accents dropped), at most 12, or ``habitant``."""
    ascii_name = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z]+", ascii_name)
    base = "-".join(words)[:12].strip("-")
    return base or "habitant"


def suggest_username(name):
    """A free username made from the name: ``samia-47``, then three or four digits if needed."""
    User = get_user_model()
    base = username_base(name)
    for length in (2, 2, 2, 3, 3, 4, 4, 5):
        candidate = f"{base}-{''.join(secrets.choice(DIGITS) for _ in range(length))}"
        if not User.objects.filter(username__iexact=candidate).exists():
            return candidate
    raise RuntimeError("Could not find a free username")  # pragma: no cover - 8^5 combinations per name
