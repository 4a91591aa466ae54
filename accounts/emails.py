"""Keep allauth's email address table in step with the single `User.email` field."""

from allauth.account.models import EmailAddress


def sync_allauth_email(user):
    """allauth looks people up by its own address table too: it must hold the account's one email, or none."""
    EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email or "").delete()
    if user.email and not EmailAddress.objects.filter(user=user).exists():
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
