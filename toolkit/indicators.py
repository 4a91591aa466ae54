"""Toolkit's indicators (registered in home.indicators): resources by status, join requests, adoptions by stage."""

from django.db.models import Count, Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from home.indicators import Indicator, group_count
from toolkit.models import Adoption, JoinRequest, PrototypePage

STATUSES = PrototypePage.Status
STAGES = Adoption.Stage

INDICATORS = [
    *(
        Indicator(f"toolkit.prototypes_{status.value}", format_lazy("{}: {}", _("Prototypes"), status.label))
        for status in STATUSES
    ),
    Indicator("toolkit.join_requests", _("Join requests received")),
    *(
        Indicator(f"toolkit.adoptions_{stage.value}", format_lazy("{}: {}", _("Adoptions"), stage.label))
        for stage in STAGES
    ),
]


def compute(period, centre_ids):
    # Prototypes published by the period's end, by their status today, under the centre they came from.
    prototypes = PrototypePage.objects.live().filter(first_published_at__lt=period.until)
    # Adoptions started in the period by a centre of the network, by the stage they reached.
    adoptions = Adoption.objects.filter(**period.days("started_on"), centre__network_centre__isnull=False)
    if centre_ids is not None:
        prototypes = prototypes.filter(origin_centre_id__in=centre_ids)
        adoptions = adoptions.filter(centre__network_centre_id__in=centre_ids)
    by_status = group_count(
        prototypes, "origin_centre_id", **{s.value: Count("pk", filter=Q(status=s.value)) for s in STATUSES}
    )
    by_stage = group_count(
        adoptions, "centre__network_centre_id", **{s.value: Count("pk", filter=Q(stage=s.value)) for s in STAGES}
    )
    found = {f"toolkit.prototypes_{name}": counts for name, counts in by_status.items()}
    found.update({f"toolkit.adoptions_{name}": counts for name, counts in by_stage.items()})
    if centre_ids is None:  # requests come from outside the network: a network figure
        requests = JoinRequest.objects.filter(**period.moments("created_at")).count()
        found["toolkit.join_requests"] = {None: requests} if requests else {}
    return found
