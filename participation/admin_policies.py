"""Who may see and act on what in the participation admin: staff of a centre, for that centre only.

The one source of truth stays Wagtail's page permissions (home.permissions): a staff member sees
the proposals, tally sheets and voting codes of the workshops of the centres they may edit, and
nothing of other centres (lists, filters, counts, exports). Superusers see every centre.
Proposals are never added nor deleted here (paper proposals have their own form); tally sheets
may be deleted after a confirmation page; codes are revoked, never deleted.
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.permission_policies.base import BasePermissionPolicy

from home.permissions import centres_for_user
from participation.models import Proposal, TallySheet, VotingCode, WorkshopPage
from participation.reports import open_reports_q


def staff_centre_ids(user):
    """Primary keys of the centres the user is staff of, cached on the user for the request."""
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    if not hasattr(user, "_participation_centre_ids"):
        user._participation_centre_ids = frozenset(centres_for_user(user).values_list("pk", flat=True))
    return user._participation_centre_ids


def staff_workshops(user):
    return WorkshopPage.objects.filter(centre__in=staff_centre_ids(user)).order_by("title")


class CentreScopedPolicy(BasePermissionPolicy):
    """Staff of the workshop's centre may `allowed_actions`; everybody else nothing."""

    allowed_actions = frozenset({"change", "view"})
    workshop_path = "workshop"

    def user_has_permission(self, user, action):
        return action in self.allowed_actions and bool(staff_centre_ids(user))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        workshop = instance
        for part in self.workshop_path.split("__"):
            workshop = getattr(workshop, part)
        return self.user_has_permission_for_workshop(user, action, workshop)

    def user_has_permission_for_workshop(self, user, action, workshop):
        """The screens about one workshop (its codes, its paper ballots) ask this of the workshop."""
        return self.user_has_permission(user, action) and workshop.centre_id in staff_centre_ids(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(**{f"{self.workshop_path}__centre__in": staff_centre_ids(user)})

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


class ProposalPolicy(CentreScopedPolicy):
    pass


class TallySheetPolicy(CentreScopedPolicy):
    allowed_actions = frozenset({"change", "view", "delete"})


class VotingCodePolicy(CentreScopedPolicy):
    allowed_actions = frozenset({"view"})


def register_policies():
    from wagtail.permissions import register_permission_policy

    register_permission_policy(Proposal, ProposalPolicy(Proposal))
    register_permission_policy(TallySheet, TallySheetPolicy(TallySheet))
    register_permission_policy(VotingCode, VotingCodePolicy(VotingCode))


# --- list filters: the workshop choices are the user's own workshops, never another centre's --------
def _own_workshops(request):
    if request is None:
        return WorkshopPage.objects.none()
    return staff_workshops(request.user)


STATUS_FILTERS = {
    # Every unreviewed report puts the proposal here at once (not only after it is hidden).
    "todo": lambda: Q(status=Proposal.Status.PENDING) | Q(hidden_by_reports=True) | open_reports_q(),
    "published": lambda: Q(status=Proposal.Status.PUBLISHED, hidden_by_reports=False),
    "rejected": lambda: Q(status=Proposal.Status.REJECTED),
    "all": lambda: Q(),
}


class ProposalFilterSet(WagtailFilterSet):
    statut = django_filters.ChoiceFilter(
        label=_("Show"),
        choices=[
            ("todo", _("To review")),
            ("published", _("Published")),
            ("rejected", _("Rejected")),
            ("all", _("All")),
        ],
        method="filter_statut",
        empty_label=None,
    )
    workshop = django_filters.ModelChoiceFilter(label=_("Workshop"), queryset=_own_workshops)
    on_paper = django_filters.BooleanFilter(label=_("Collected on paper"))
    outcome = django_filters.ChoiceFilter(label=_("Outcome"), choices=Proposal.Outcome.choices[1:])

    class Meta:
        model = Proposal
        fields = ["statut", "workshop", "on_paper", "outcome"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("statut"):
            data = data.copy()
            data["statut"] = "todo"
        super().__init__(data, *args, **kwargs)

    def filter_statut(self, queryset, name, value):
        return queryset.filter(STATUS_FILTERS.get(value, STATUS_FILTERS["todo"])())


class TallySheetFilterSet(WagtailFilterSet):
    workshop = django_filters.ModelChoiceFilter(label=_("Workshop"), queryset=_own_workshops)

    class Meta:
        model = TallySheet
        fields = ["workshop", "status"]


class VotingCodeFilterSet(WagtailFilterSet):
    workshop = django_filters.ModelChoiceFilter(label=_("Workshop"), queryset=_own_workshops)
    revoked = django_filters.BooleanFilter(
        label=_("Revoked"), field_name="revoked_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = VotingCode
        fields = ["workshop", "batch", "revoked"]
