from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    name = "toolkit"
    verbose_name = _("Toolkit")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from toolkit import signals
        from toolkit.models import Adoption, JoinRequest, NeighbouringCentre, ResourceFeedback
        from toolkit.permissions import AdoptionPolicy, NeighbouringCentrePolicy, ToolkitStaffPolicy

        # Before wagtail_hooks creates the viewsets, which would register fallback policies.
        register_permission_policy(Adoption, AdoptionPolicy(Adoption))
        register_permission_policy(JoinRequest, ToolkitStaffPolicy(JoinRequest))
        register_permission_policy(ResourceFeedback, ToolkitStaffPolicy(ResourceFeedback))
        register_permission_policy(NeighbouringCentre, NeighbouringCentrePolicy(NeighbouringCentre))
        signals.connect()

        from toolkit import notify

        notify.connect()

        from home.indicators import register_indicators
        from toolkit import indicators

        register_indicators(
            "toolkit", section=_("Toolkit"), order=40, compute=indicators.compute, indicators=indicators.INDICATORS
        )
