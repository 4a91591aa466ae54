"""One-time voting codes for people without an account.

A code looks like `ACDE-FGHJ-KM`: ten characters from an alphabet without look-alikes
(no 0/O, 1/I/L, 2/Z, 5/S, 8/B). The first four characters are a non-secret lookup id
stored in clear so that checking a code reads one row; the other six are secret and only
an HMAC-SHA256 of them is stored, with a random per-code salt (and the site's SECRET_KEY).
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

ALPHABET = "ACDEFGHJKMNPQRTUVWXY346789"
LOOKUP_LENGTH = 4
CODE_LENGTH = 10


def normalise_code(raw):
    """Upper-case, without spaces or dashes; None when it cannot be a code."""
    cleaned = "".join(ch for ch in (raw or "").upper() if ch not in " -_.\t")
    if len(cleaned) != CODE_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned


def format_code(code):
    return f"{code[0:4]}-{code[4:8]}-{code[8:]}"


def generate_code(rng=None):
    choice = rng.choice if rng is not None else secrets.choice
    return "".join(choice(ALPHABET) for _ in range(CODE_LENGTH))


def _digest(salt, secret_part):
    return salted_hmac(f"participation.voting-code:{salt}", secret_part, algorithm="sha256").hexdigest()


class VotingCode(models.Model):
    workshop = models.ForeignKey(
        "participation.WorkshopPage", verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="codes"
    )
    lookup = models.CharField(_("code start"), max_length=LOOKUP_LENGTH, unique=True, editable=False)
    salt = models.CharField(max_length=32, editable=False)
    digest = models.CharField(max_length=64, editable=False)
    batch = models.CharField(_("batch"), max_length=80, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)

    class Meta:
        verbose_name = _("voting code")
        verbose_name_plural = _("voting codes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.lookup}-…"

    @property
    def masked(self):
        return f"{self.lookup}-••••-••"

    def set_code(self, code):
        self.lookup = code[:LOOKUP_LENGTH]
        self.salt = secrets.token_hex(16)
        self.digest = _digest(self.salt, code[LOOKUP_LENGTH:])

    def matches(self, code):
        return constant_time_compare(self.digest, _digest(self.salt, code[LOOKUP_LENGTH:]))

    @classmethod
    def create_batch(cls, workshop, count, *, batch="", created_by=None, rng=None):
        """Create `count` codes; returns the plain codes, which are never stored and cannot be shown again."""
        plain = []
        taken = set()
        while len(plain) < count:
            candidates = []
            while len(candidates) < count - len(plain):
                code = generate_code(rng)
                if code[:LOOKUP_LENGTH] not in taken:
                    taken.add(code[:LOOKUP_LENGTH])
                    candidates.append(code)
            used = set(
                cls.objects.filter(lookup__in=[c[:LOOKUP_LENGTH] for c in candidates]).values_list("lookup", flat=True)
            )
            fresh = [code for code in candidates if code[:LOOKUP_LENGTH] not in used]
            objs = []
            for code in fresh:
                obj = cls(workshop=workshop, batch=batch, created_by=created_by)
                obj.set_code(code)
                objs.append(obj)
            cls.objects.bulk_create(objs)
            plain.extend(fresh)
        return plain

    @classmethod
    def find(cls, workshop, raw):
        """The code of this workshop matching `raw`, or None (wrong, or another workshop's)."""
        code = normalise_code(raw)
        if code is None:
            return None
        candidate = cls.objects.filter(lookup=code[:LOOKUP_LENGTH], workshop=workshop).first()
        if candidate is None or not candidate.matches(code):
            return None
        return candidate
