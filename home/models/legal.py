"""The accessibility statement, in the format the RGAA asks for."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.models.pages import BreadcrumbMixin


class AccessibilityStatementPage(BreadcrumbMixin, Page):
    class Compliance(models.TextChoices):
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NONE = "none", _("not compliant")

    organisation = models.CharField(_("organisation"), max_length=200, default="Centres sociaux connectés")
    compliance = models.CharField(
        _("compliance level"), max_length=10, choices=Compliance.choices, default=Compliance.PARTIAL
    )
    compliance_rate = models.PositiveSmallIntegerField(
        _("share of RGAA criteria met (%)"), null=True, blank=True, help_text=_("Leave empty if no audit was made.")
    )
    audit_date = models.DateField(_("date of the assessment"), null=True, blank=True)
    audit_by = models.CharField(_("assessment made by"), max_length=200, blank=True)
    non_compliant = RichTextField(
        _("content that is not accessible"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    contact_email = models.EmailField(_("email for access problems"), blank=True)
    contact_phone = models.CharField(_("phone for access problems"), max_length=30, blank=True)
    contact_address = models.CharField(_("postal address for access problems"), max_length=250, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("more information"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    search_fields = Page.search_fields + [index.SearchField("body")]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("compliance"),
                FieldPanel("compliance_rate"),
                FieldPanel("audit_date"),
                FieldPanel("audit_by"),
            ],
            heading=_("Compliance"),
        ),
        FieldPanel("non_compliant"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("contact_address")],
            heading=_("Feedback and contact"),
        ),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")
