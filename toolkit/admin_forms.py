from django import forms
from django.contrib.contenttypes.models import ContentType
from wagtail.admin.forms import WagtailAdminModelForm

from home.permissions import centres_for_user
from toolkit.models import Adoption, MethodCardPage, PrototypePage, ToolkitResourcePage


def adoptable_resources():
    types = ContentType.objects.get_for_models(PrototypePage, MethodCardPage).values()
    return ToolkitResourcePage.objects.filter(content_type__in=types).order_by("title")


class AdoptionAdminForm(WagtailAdminModelForm):
    """Offers only the centres the user may manage and only prototypes and method cards."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from wagtail.permissions import policy_registry

        policy = policy_registry.get_by_type(Adoption)
        self.fields["centre"].widget = forms.Select()
        self.fields["centre"].queryset = policy.centres_user_may_manage(self.for_user)
        self.fields["resource"].widget = forms.Select()
        self.fields["resource"].queryset = adoptable_resources()
        self.fields["resource"].label_from_instance = lambda page: page.title


class NeighbouringCentreAdminForm(WagtailAdminModelForm):
    """A centre of the network can only be linked to a centre page the user is staff of."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["network_centre"]
        field.widget = forms.Select()
        field.queryset = centres_for_user(self.for_user).order_by("title")
        field.label_from_instance = lambda page: page.title
