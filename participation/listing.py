"""What every list of proposals needs computed once in Python: links and excerpts."""

from django.urls import reverse


def excerpt(text, limit=280):
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def add_links(proposals, workshop):
    """URLs and excerpts computed once in Python: the page lists up to hundreds of proposals."""
    support = reverse("participation:support", args=[workshop.pk, 0])[: -len("0/")]
    withdraw = reverse("participation:withdraw", args=[workshop.pk, 0])[: -len("0/")]
    detail = reverse("participation:proposal", args=["REF"])[: -len("REF/")]
    for proposal in proposals:
        proposal.support_url = f"{support}{proposal.pk}/"
        proposal.withdraw_url = f"{withdraw}{proposal.pk}/"
        proposal.detail_url = f"{detail}{proposal.reference}/"
        proposal.photo_url = f"{detail}{proposal.reference}/photo/" if proposal.photo else ""
        proposal.excerpt = excerpt(proposal.description)
    return proposals
