"""Demo residents (invented people): an ordinary account, one made at the desk with a temporary password,
and one verified at the desk of Belencontre (for the workshops open to verified residents only)."""

from django.contrib.auth import get_user_model

from accounts.verification_models import ResidentVerification

RESIDENT = ("habitante-demo", "habitante-demo-2026")
DESK_RESIDENT = ("karim-demo", "pomme-soleil-47")
VERIFIED_RESIDENT = ("amina-verifiee", "amina-verifiee-2026")
DESK_STAFF = "equipe-belencontre"


def _user(username, password, **extra):
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults=extra)
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    return user


def _first_password_consent(person):
    """Made at Belencontre's desk: Belencontre may reprint the card until Karim chooses a password."""
    from accounts.consent import Method, Task, grant
    from home.models import CentrePage

    centre = CentrePage.objects.filter(slug="belencontre").first()
    if centre is not None and not person.consents.exists():
        grant(person, centre, [Task.PASSWORD_RESET], days=365, method=Method.ACCOUNT_CREATED, recorded_by=None)


def seed(stdout):
    User = get_user_model()
    _user(RESIDENT[0], RESIDENT[1], display_name="Samia (démo)")
    karim = _user(
        DESK_RESIDENT[0],
        DESK_RESIDENT[1],
        display_name="Karim (démo)",
        must_change_password=True,
        created_by=User.objects.filter(username=DESK_STAFF).first(),
    )
    verified = _user(VERIFIED_RESIDENT[0], VERIFIED_RESIDENT[1], display_name="Amina (démo)")
    if not ResidentVerification.objects.filter(user=verified, withdrawn_at__isnull=True).exists():
        from home.models import CentrePage

        ResidentVerification.objects.create(
            user=verified,
            centre=CentrePage.objects.filter(slug="belencontre").first(),
            verified_by=User.objects.filter(username=DESK_STAFF).first(),
            document=ResidentVerification.Document.KNOWN_TO_TEAM,
        )
    _first_password_consent(karim)
    return [
        "Habitants de démonstration (personnes inventées) :",
        f"  habitante sans e-mail, non vérifiée : {RESIDENT[0]} ({RESIDENT[1]})",
        f"  habitante vérifiée à l'accueil de Belencontre : {VERIFIED_RESIDENT[0]} ({VERIFIED_RESIDENT[1]})",
        f"  compte créé à l'accueil, mot de passe provisoire à changer : {DESK_RESIDENT[0]} ({DESK_RESIDENT[1]})",
        "  accueil des comptes pour l'équipe : /compte/accueil/",
    ]
