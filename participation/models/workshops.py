"""Workshop pages: the index under a centre (/<centre>/ateliers/) and one page per workshop.

Models depend on nothing above them. The rules of a workshop (its phases, its published proposals
with their counts and ranking) are methods here; what depends on the visitor (their ballot, the
supports they gave, view restrictions) is added by the view layer through two Wagtail hooks,
registered in participation/wagtail_hooks.py: ``WORKSHOP_CONTEXT_HOOK`` and ``INDEX_CONTEXT_HOOK``.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.models import CentrePage

from .counts import rank, with_counts
from .proposals import Proposal

# Each function registered under these hook names receives (page, request, context) and returns a
# dict merged into the page's context.
INDEX_CONTEXT_HOOK = "participation_workshop_index_context"
WORKSHOP_CONTEXT_HOOK = "participation_workshop_context"


def _run_context_hooks(name, page, request, context):
    for add_context in hooks.get_hooks(name):
        context.update(add_context(page, request, context))
    return context


class Phase(models.TextChoices):
    UPCOMING = "upcoming", _("Coming soon")
    PROPOSALS = "proposals", _("Proposals open")
    PREPARING = "preparing", _("Preparing the vote")
    VOTING = "voting", _("Voting open")
    COUNTING = "counting", _("Counting the votes")
    RESULTS = "results", _("Results")


class WorkshopIndexPage(Page):
    """/<centre>/ateliers/: the workshops of one centre."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    parent_page_types = ["home.CentrePage"]
    subpage_types = ["participation.WorkshopPage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("workshop list")
        verbose_name_plural = _("workshop lists")

    # At most one list of workshops per centre.
    max_count_per_parent = 1

    def workshops(self):
        return WorkshopPage.objects.child_of(self).live().order_by("-voting_start").select_related("centre")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["workshops"] = self.workshops()
        # The view layer keeps only the workshops this visitor may see (view restrictions).
        return _run_context_hooks(INDEX_CONTEXT_HOOK, self, request, context)


class WorkshopPage(Page):
    """One collaborative workshop (atelier collaboratif) of a centre, with phases set by dates."""

    class Voters(models.TextChoices):
        ACCOUNTS = "accounts", _("People with an account")
        VERIFIED = "verified", _("Residents verified at a centre's desk")
        CODES = "codes", _("Holders of a voting code")
        BOTH = "both", _("People with an account, and holders of a voting code")
        VERIFIED_CODES = "verified_codes", _("Verified residents, and holders of a voting code")

    question = models.CharField(_("question asked"), max_length=250)
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    proposals_start = models.DateTimeField(_("proposals open on"))
    proposals_end = models.DateTimeField(_("proposals close on"))
    voting_start = models.DateTimeField(_("voting opens on"))
    voting_end = models.DateTimeField(_("voting closes on"))
    results_date = models.DateTimeField(
        _("results published on"),
        null=True,
        blank=True,
        help_text=_("Leave empty to publish the results as soon as voting closes."),
    )
    max_supports = models.PositiveSmallIntegerField(
        _("proposals each participant may support"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    hide_counts_during_vote = models.BooleanField(
        _("hide vote counts until voting ends"),
        default=True,
    )
    voters = models.CharField(
        _("who may vote"),
        max_length=20,
        choices=Voters.choices,
        default=Voters.BOTH,
        help_text=_(
            "Any account can be made in a minute by anyone: for a vote that matters, choose verified residents "
            "(seen at a centre's desk) and/or printed voting codes."
        ),
    )
    audience_size = models.PositiveIntegerField(
        _("audience size"),
        null=True,
        blank=True,
        help_text=_(
            "How many people could vote (for example the residents of the street or the school's pupils). "
            "Gives the turnout in the indicators; leave empty when unknown."
        ),
    )
    # The centre the workshop belongs to (its ancestor CentrePage), kept here for cheap queries.
    centre = models.ForeignKey(
        "home.CentrePage",
        verbose_name=_("centre"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="workshops",
    )

    parent_page_types = ["participation.WorkshopIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [index.SearchField("question"), index.SearchField("description")]
    content_panels = Page.content_panels + [
        FieldPanel("question"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("proposals_start"), FieldPanel("proposals_end")]),
                FieldRowPanel([FieldPanel("voting_start"), FieldPanel("voting_end")]),
                FieldPanel("results_date"),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("max_supports"),
                FieldPanel("hide_counts_during_vote"),
                FieldPanel("voters"),
                FieldPanel("audience_size"),
            ],
            heading=_("Vote"),
        ),
    ]

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def clean(self):
        super().clean()
        errors = {}
        if self.proposals_start and self.proposals_end and self.proposals_end <= self.proposals_start:
            errors["proposals_end"] = _("Proposals must close after they open.")
        if self.voting_start and self.proposals_end and self.voting_start < self.proposals_end:
            errors["voting_start"] = _("Voting cannot open before proposals close.")
        if self.voting_start and self.voting_end and self.voting_end <= self.voting_start:
            errors["voting_end"] = _("Voting must close after it opens.")
        if self.results_date and self.voting_end and self.results_date < self.voting_end:
            errors["results_date"] = _("Results cannot be published before voting closes.")
        if errors:
            raise ValidationError(errors)

    def find_centre(self):
        if not self.path:
            return None
        return CentrePage.objects.ancestor_of(self).first()

    def save(self, *args, **kwargs):
        if self.path:
            centre = self.find_centre()
            self.centre_id = centre.pk if centre else None
        return super().save(*args, **kwargs)

    # --- phases -----------------------------------------------------------------------------
    @property
    def results_from(self):
        return self.results_date or self.voting_end

    def phase_at(self, now=None):
        now = now or timezone.now()
        if now < self.proposals_start:
            return Phase.UPCOMING
        if now < self.proposals_end:
            return Phase.PROPOSALS
        if now < self.voting_start:
            return Phase.PREPARING
        if now < self.voting_end:
            return Phase.VOTING
        if now < self.results_from:
            return Phase.COUNTING
        return Phase.RESULTS

    @property
    def phase(self):
        return self.phase_at()

    @property
    def phase_label(self):
        return Phase(self.phase).label

    def accepts_proposals(self, now=None):
        return self.phase_at(now) == Phase.PROPOSALS

    def is_voting_open(self, now=None):
        return self.phase_at(now) == Phase.VOTING

    def counts_visible(self, now=None):
        """Whether support counts may be shown to anyone (public page, CSV, exports)."""
        phase = self.phase_at(now)
        if phase == Phase.RESULTS:
            return True
        return phase in (Phase.VOTING, Phase.COUNTING) and not self.hide_counts_during_vote

    def counts_change_with_each_vote(self, now=None):
        """Public counts during the vote: the page changes with every support."""
        return self.phase_at(now) == Phase.VOTING and not self.hide_counts_during_vote

    @property
    def accepts_accounts(self):
        return self.voters in (self.Voters.ACCOUNTS, self.Voters.BOTH, self.Voters.VERIFIED, self.Voters.VERIFIED_CODES)

    @property
    def requires_verification(self):
        """Accounts vote only once verified at a centre's desk."""
        return self.voters in (self.Voters.VERIFIED, self.Voters.VERIFIED_CODES)

    @property
    def accepts_codes(self):
        return self.voters in (self.Voters.CODES, self.Voters.BOTH, self.Voters.VERIFIED_CODES)

    def seconds_until_next_phase(self, now=None):
        now = now or timezone.now()
        dates = (self.proposals_start, self.proposals_end, self.voting_start, self.voting_end, self.results_from)
        upcoming = [d for d in dates if d and d > now]
        return int((min(upcoming) - now).total_seconds()) + 1 if upcoming else None

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        session = getattr(request, "session", None)
        if request.user.is_authenticated or (session is not None and session.get("participation_codes")):
            # The voter's own supports are on the page: never from a cache, even the browser's.
            patch_cache_control(response, private=True, no_cache=True)
        elif self.counts_change_with_each_vote():
            # Live counts: kept out of shared caches, so a support need not empty the whole site's cache.
            patch_cache_control(response, max_age=0, no_cache=True)
        else:
            # Shared caches (the anonymous page cache, a proxy) must not keep it past a phase change;
            # browsers always ask again (after entering a code, the page must change at once).
            remaining = self.seconds_until_next_phase()
            patch_cache_control(response, max_age=0, s_maxage=min(remaining or 300, 300))
        return response

    # --- proposals ----------------------------------------------------------------------------
    def public_proposals(self, phase=None, counts_visible=None):
        """Published proposals; with their counts when counts may be shown, ranked once results are out."""
        phase = self.phase if phase is None else phase
        counts_visible = self.counts_visible() if counts_visible is None else counts_visible
        proposals = list(Proposal.objects.public().filter(workshop=self).select_related("author"))
        if counts_visible:
            with_counts(proposals, self.pk)
        if phase == Phase.RESULTS:
            proposals = rank(proposals)
        return proposals

    def unpublished_proposals_of(self, user):
        """A person's own proposals still waiting for (or refused by) moderation."""
        if user is None or not user.is_authenticated:
            return []
        return list(Proposal.objects.filter(workshop=self, author=user).exclude(status=Proposal.Status.PUBLISHED))

    def page_context(self, user=None):
        """What the page shows that depends only on the workshop (and the person's own proposals)."""
        phase = self.phase
        counts_visible = self.counts_visible()
        return {
            "workshop": self,
            "phase": phase,
            "Phase": Phase,
            "counts_visible": counts_visible,
            "proposals": self.public_proposals(phase, counts_visible),
            "my_proposals": self.unpublished_proposals_of(user),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.page_context(getattr(request, "user", None)))
        # The view layer adds the visitor's ballot and supports, links and the results chart.
        return _run_context_hooks(WORKSHOP_CONTEXT_HOOK, self, request, context)

    @classmethod
    def open_now(cls, now=None):
        """Live workshops taking proposals or votes right now."""
        now = now or timezone.now()
        proposals = models.Q(proposals_start__lte=now, proposals_end__gt=now)
        voting = models.Q(voting_start__lte=now, voting_end__gt=now)
        return cls.objects.live().filter(proposals | voting)
