from django.utils import timezone

from home.page_cache import invalidate_page_cache

HOME_WORKSHOPS_COUNT = 3  # the rest are one "voir tout" away


def home_section_context(request, home_page):
    """The home page section: workshops open now (one query)."""
    from participation.access import visible
    from participation.models import WorkshopPage

    now = timezone.now()
    soonest_closing = WorkshopPage.open_now(now).select_related("centre").order_by("voting_end")
    workshops = visible(request, soonest_closing[:HOME_WORKSHOPS_COUNT])
    for workshop in workshops:
        workshop.current_phase = workshop.phase_at(now)
    return {"open_workshops": workshops}


def workshop_moved(sender, instance, **kwargs):
    """A workshop moved to another centre's list belongs to that centre from now on."""
    from participation.models import WorkshopPage

    pages = WorkshopPage.objects.filter(path__startswith=instance.path)
    for workshop in pages:
        centre = workshop.find_centre()
        WorkshopPage.objects.filter(pk=workshop.pk).update(centre=centre)


def workshop_published(sender, instance, **kwargs):
    from participation.models import WorkshopPage

    if isinstance(instance, WorkshopPage):
        invalidate_page_cache()


def codes_join_account(sender, request, user, **kwargs):
    """Logging in on a device where a voting code was entered: one person, one ballot."""
    from participation.ballots import attach_session_codes

    if request is not None and hasattr(request, "session"):
        attach_session_codes(request, user)


def account_section_context(request):
    """ "Mes propositions" in Mon compte: every proposal of the person, with where it stands (one query)."""
    from participation.models import Proposal

    proposals = list(
        Proposal.objects.filter(author=request.user).select_related("workshop").order_by("-created_at")[:50]
    )
    return {"proposals": proposals}
