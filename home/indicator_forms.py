"""The report's choices (period, centre) and the annual report's comment: bad input gets a French message."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.indicators import Period

FIRST_YEAR = 2018  # the programme's council decision
MAX_DAYS = 3 * 366
NETWORK = "reseau"


def _year_field():
    return forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=FIRST_YEAR,
        max_value=2100,
        error_messages={
            "invalid": _("Type a year such as 2026."),
            "min_value": _("The indicators start in %(limit_value)s."),
            "max_value": _("Type a year such as 2026."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


def _date_field(label):
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Give a date such as 14/03/2026.")},
    )


class DescribedForm(forms.Form):
    """Each field points to its help text and its error (aria-describedby), invalid ones are marked."""

    def full_clean(self):
        super().full_clean()
        self.describe()

    def describe(self):
        for name, field in self.fields.items():
            described = [f"id_{name}_helptext"] if field.help_text else []
            if self.is_bound and name in self.errors:
                described.append(f"id_{name}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)


class PeriodForm(DescribedForm):
    KINDS = [("year", _("A year")), ("quarter", _("A quarter")), ("month", _("A month")), ("custom", _("Dates"))]

    kind = forms.ChoiceField(
        label=_("Period"), choices=KINDS, required=False, error_messages={"invalid_choice": _("Choose a period.")}
    )
    year = _year_field()
    quarter = forms.TypedChoiceField(
        label=_("Quarter"),
        coerce=int,
        required=False,
        choices=[(n, _("Quarter %(n)s") % {"n": n}) for n in range(1, 5)],
        error_messages={"invalid_choice": _("Choose a quarter from 1 to 4.")},
    )
    month = forms.TypedChoiceField(
        label=_("Month"),
        coerce=int,
        required=False,
        choices=[(n, date(2000, n, 1).strftime("%m")) for n in range(1, 13)],
        error_messages={"invalid_choice": _("Choose a month from 1 to 12.")},
    )
    start = _date_field(_("From (included)"))
    end = _date_field(_("To (included)"))
    centre = forms.CharField(label=_("Centre"), required=False, max_length=20)

    def __init__(self, data=None, *, centres, network):
        super().__init__(data)
        choices = [(str(pk), title) for pk, title in centres]
        self.centres = {int(pk): title for pk, title in choices}
        if network:
            choices.insert(0, ("", _("The whole network")))
        self.fields["centre"] = forms.ChoiceField(
            label=_("Centre"),
            choices=choices,
            required=False,
            error_messages={"invalid_choice": _("Choose one of your centres.")},
        )
        self.network = network
        self.describe()

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        kind = data.get("kind") or "year"
        data["kind"] = kind
        year = data.get("year") or timezone.localdate().year
        data["year"] = year
        if kind == "custom":
            start, end = data.get("start"), data.get("end")
            if not start or not end:
                raise forms.ValidationError(_("Give both dates of the period."))
            if end < start:
                self.add_error("end", _("The end of the period cannot be before its start."))
            elif (end - start).days > MAX_DAYS:
                self.add_error("end", _("A period of three years at most, please."))
            elif start.year < FIRST_YEAR:
                self.add_error("start", _("The indicators start in %(year)s.") % {"year": FIRST_YEAR})
        return data

    def period(self):
        data = self.cleaned_data
        kind = data["kind"]
        if kind == "custom":
            return Period(data["start"], data["end"])
        if kind == "quarter":
            return Period.quarter(data["year"], data.get("quarter") or 1)
        if kind == "month":
            return Period.month(data["year"], data.get("month") or 1)
        return Period.year(data["year"])

    def centre_ids(self):
        """The centres to show: the one chosen, else all the user's (None: the whole network)."""
        chosen = self.cleaned_data.get("centre")
        if chosen:
            return [int(chosen)]
        return None if self.network else list(self.centres)


class CommentForm(DescribedForm):
    text = forms.CharField(
        label=_("Comments for the annual report"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("A few lines printed in the PDF: what the year brought, what the figures do not say."),
        error_messages={"max_length": _("3,000 characters at most (you typed %(show_value)d).")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()
