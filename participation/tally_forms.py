"""Staff forms of the paper loop: a tally sheet with its checks, and the print options of the PDFs."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from home.images import reencode
from participation.forms import MAX_PHOTO_BYTES
from participation.paper import Typed

MAX_FIGURE = 100_000


def _count_field(label, help_text=""):
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=MAX_FIGURE,
        required=False,
        help_text=help_text,
        error_messages={
            "invalid": _("Type a whole number (0 if none)."),
            "min_value": _("A count cannot be negative."),
            "max_value": _("This number is too large for one session."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


SHEET_PHOTO_BOX = (2400, 2400)


class TallySheetForm(forms.Form):
    """Every check a count on paper allows; empty boxes count as 0."""

    session_date = forms.DateField(
        label=_("Session date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Give the date of the session."),
            "invalid": _("Give a date such as 14/03/2026."),
        },
    )
    ballots_cast = forms.IntegerField(
        label=_("Ballots cast (all ballots in the box)"),
        min_value=0,
        max_value=MAX_FIGURE,
        error_messages={
            "required": _("Give the number of ballots found in the box."),
            "invalid": _("Type a whole number (0 if none)."),
            "min_value": _("A count cannot be negative."),
            "max_value": _("This number is too large for one session."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    blank = _count_field(_("Blank ballots (nothing ticked)"))
    spoilt = _count_field(_("Spoilt ballots (too many ticks, torn, unreadable)"))
    photo = forms.FileField(
        label=_("Photo of the paper sheet (optional)"),
        required=False,
        help_text=_("Seen only by the centre's team. A JPEG, PNG, GIF or WebP image, 8 MB at most."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}),
    )

    def __init__(self, *args, proposals, max_supports, **kwargs):
        super().__init__(*args, **kwargs)
        self.proposals = proposals
        self.max_supports = max_supports
        for proposal in proposals:
            self.fields[self.field_name(proposal)] = _count_field(f"{proposal.reference} — {proposal.title}")

    @staticmethod
    def field_name(proposal):
        return f"p{proposal.pk}"

    def proposal_fields(self):
        return [self[self.field_name(p)] for p in self.proposals]

    def clean_session_date(self):
        day = self.cleaned_data["session_date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("This date is in the future: give the date the ballots were counted."))
        return day

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo:
            # The site's one image check; a larger box than proposal photos keeps the figures legible.
            return reencode(photo, max_bytes=MAX_PHOTO_BYTES, box=SHEET_PHOTO_BOX, name="feuille.jpg")
        return photo

    def clean(self):
        data = super().clean()
        for name in ("blank", "spoilt", *(self.field_name(p) for p in self.proposals)):
            if name in data and data[name] is None:
                data[name] = 0
        cast = data.get("ballots_cast")
        if cast is None or any(name in self.errors for name in ("blank", "spoilt")):
            return data
        blank, spoilt = data.get("blank", 0), data.get("spoilt", 0)
        if blank + spoilt > cast:
            self.add_error(
                "ballots_cast",
                _(
                    "There are more blank and spoilt ballots (%(others)d) than ballots cast (%(cast)d). "
                    "Blank and spoilt ballots are part of the ballots cast: count them again."
                )
                % {"others": blank + spoilt, "cast": cast},
            )
            return data
        valid = cast - blank - spoilt
        ticks = 0
        for proposal in self.proposals:
            name = self.field_name(proposal)
            if name not in data:
                continue
            ticks += data[name]
            if data[name] > valid:
                self.add_error(
                    name,
                    _(
                        "%(ticks)d ticks, but only %(valid)d valid ballots (ballots cast minus blank and spoilt): "
                        "a proposal gets at most one tick per ballot."
                    )
                    % {"ticks": data[name], "valid": valid},
                )
        if any(self.field_name(p) in self.errors for p in self.proposals):
            return data
        most = valid * self.max_supports
        if ticks > most:
            self.add_error(
                None,
                ngettext(
                    "%(ticks)d ticks in all for %(valid)d valid ballots: each ballot has at most %(n)d tick, "
                    "so at most %(most)d. Count again, or count the ballots with too many ticks as spoilt.",
                    "%(ticks)d ticks in all for %(valid)d valid ballots: each ballot has at most %(n)d ticks, "
                    "so at most %(most)d. Count again, or count the ballots with too many ticks as spoilt.",
                    self.max_supports,
                )
                % {"ticks": ticks, "valid": valid, "n": self.max_supports, "most": most},
            )
        elif ticks < valid:
            self.add_error(
                None,
                _(
                    "%(valid)d valid ballots but only %(ticks)d ticks in all: each valid ballot has at least one "
                    "tick (a ballot with none is blank). Count the ticks or the blank ballots again."
                )
                % {"ticks": ticks, "valid": valid},
            )
        return data

    def typed(self):
        data = self.cleaned_data
        counts = {p.pk: data.get(self.field_name(p)) or 0 for p in self.proposals}
        return Typed(data["ballots_cast"], data.get("blank") or 0, data.get("spoilt") or 0, counts)


class PaperFormatForm(forms.Form):
    """?format=A4 on the PDF links; anything else falls back to the first choice."""

    format = forms.ChoiceField(choices=[("A4", "A4")], required=False)
    photos = forms.BooleanField(required=False)

    def __init__(self, data, *, formats):
        super().__init__(data)
        self.fields["format"].choices = [(f, f) for f in formats]
        self.formats = formats

    def chosen(self):
        if self.is_valid() and self.cleaned_data["format"]:
            return self.cleaned_data["format"]
        return self.formats[0]

    def with_photos(self):
        return self.is_valid() and self.cleaned_data["photos"]
