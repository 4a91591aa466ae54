from django import forms

from .resume import parse_cv_date


class CVDateField(forms.CharField):
    """A year, a month and year, or "en cours" (when allowed)."""

    def __init__(self, *args, allow_ongoing=True, **kwargs):
        self.allow_ongoing = allow_ongoing
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        return parse_cv_date(value, allow_ongoing=self.allow_ongoing)
