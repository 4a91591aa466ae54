"""Who takes up what: neighbouring centres, their adoptions, and the join requests they send."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class NeighbouringCentre(index.Indexed, models.Model):
    """A centre that discovers or adopts the toolkit: one of the network, or a neighbour."""

    name = models.CharField(_("name"), max_length=160)
    town = models.CharField(_("town"), max_length=80)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    in_network = models.BooleanField(
        _("belongs to the network"),
        default=False,
        help_text=_("Tick for the eight centres of the programme; leave empty for a neighbouring centre."),
    )
    network_centre = models.ForeignKey(
        "home.CentrePage",
        verbose_name=_("centre page in the network"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Only for a centre of the network: only its staff will then record its adoptions."),
    )
    is_example = models.BooleanField(_("demo example"), default=False, editable=False)
    notes = models.TextField(_("notes for the team"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    # FilterField: the admin listing narrows searches to the staff member's own centres (a search 500ed without it).
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("town"),
        index.FilterField("network_centre_id"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("adopting centre")
        verbose_name_plural = _("adopting centres")

    def __str__(self):
        label = f"{self.name} ({self.town})"
        return f"{label} — exemple" if self.is_example else label

    def clean(self):
        if self.network_centre_id and not self.in_network:
            raise ValidationError({"network_centre": _("Only a centre of the network can be linked to a centre page.")})


class Adoption(models.Model):
    """One centre taking up one prototype or method card, and how far it got."""

    class Stage(models.TextChoices):
        DISCOVERED = "discovered", _("Discovered")
        WORKSHOP = "workshop", _("Workshop held")
        TESTING = "testing", _("Testing")
        ADOPTED = "adopted", _("Adopted")
        ABANDONED = "abandoned", _("Abandoned")

    centre = models.ForeignKey(
        NeighbouringCentre, verbose_name=_("centre"), on_delete=models.CASCADE, related_name="adoptions"
    )
    resource = models.ForeignKey(
        "toolkit.ToolkitResourcePage",
        verbose_name=_("prototype or method card"),
        on_delete=models.CASCADE,
        related_name="adoptions",
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.DISCOVERED)
    abandon_reason = models.TextField(_("why it was abandoned"), blank=True)
    started_on = models.DateField(_("started on"), default=timezone.localdate)
    stage_changed_on = models.DateField(_("stage reached on"), default=timezone.localdate)
    adapted = models.TextField(_("what they adapted"), blank=True)
    feedback = models.TextField(_("feedback"), blank=True)
    is_published = models.BooleanField(
        _("show on the sheet"), default=False, help_text=_("The centre's name then appears on the public sheet.")
    )
    story_changes = models.TextField(
        _("what they changed"),
        max_length=1500,
        blank=True,
        help_text=_("The public story: what the centre changed thanks to it, in a few plain sentences."),
    )
    story_quote = models.TextField(_("quote"), max_length=400, blank=True)
    story_quote_by = models.CharField(
        _("quote by"), max_length=160, blank=True, help_text=_("For example: Nadia, animatrice numérique.")
    )
    story_photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    story_photo_alt = models.CharField(
        _("photo description"),
        max_length=250,
        blank=True,
        help_text=_("Describe the photo for people who cannot see it."),
    )
    story_is_published = models.BooleanField(
        _("publish the story on the sheet"),
        default=False,
        help_text=_("Only once the centre agreed: the story, its photo and its quote then appear on the sheet."),
    )
    is_example = models.BooleanField(_("demo example"), default=False, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-stage_changed_on", "-pk"]
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        constraints = [
            models.UniqueConstraint(fields=["centre", "resource"], name="toolkit_one_adoption_per_centre_resource")
        ]

    def __str__(self):
        return f"{self.centre.name} — {self.resource.title}"

    def clean(self):
        errors = {}
        if self.stage == self.Stage.ABANDONED and not self.abandon_reason.strip():
            errors["abandon_reason"] = _("Say why the centre abandoned it.")
        if self.resource_id:
            from toolkit.models.resources import MethodCardPage, PrototypePage

            content_type = self.resource.content_type
            if content_type.model_class() not in (PrototypePage, MethodCardPage):
                errors["resource"] = _("Choose a prototype sheet or a method card.")
        if self.story_is_published and not self.story_changes.strip():
            errors["story_changes"] = _("Write what the centre changed before publishing the story.")
        if self.story_photo_id and not self.story_photo_alt.strip():
            errors["story_photo_alt"] = _("Describe the photo for people who cannot see it.")
        if self.started_on and self.stage_changed_on and self.stage_changed_on < self.started_on:
            errors["stage_changed_on"] = _("This date cannot be before the start date.")
        if errors:
            raise ValidationError(errors)


class JoinRequest(models.Model):
    """Sent by a neighbouring centre through the public form; staff follow it up."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONTACTED = "contacted", _("Contacted")
        DONE = "done", _("Done")

    centre_name = models.CharField(_("name of the centre"), max_length=160)
    town = models.CharField(_("town"), max_length=80)
    contact_name = models.CharField(_("contact person"), max_length=120)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    wanted = models.ManyToManyField(
        "toolkit.ToolkitResourcePage", verbose_name=_("what they want to adopt"), blank=True, related_name="+"
    )
    message = models.TextField(_("message"), blank=True, max_length=3000)
    status = models.CharField(_("follow-up"), max_length=20, choices=Status.choices, default=Status.NEW)
    staff_notes = models.TextField(_("notes for the team"), blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    history = HistoricalRecords()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("centre_name", read_only=True),
                FieldPanel("town", read_only=True),
                FieldPanel("contact_name", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("phone", read_only=True),
                FieldPanel("wanted", read_only=True),
                FieldPanel("message", read_only=True),
            ],
            heading=_("Request"),
        ),
        FieldPanel("status"),
        FieldPanel("staff_notes"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")

    def __str__(self):
        return f"{self.centre_name} ({self.town})"
