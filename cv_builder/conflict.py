"""The conflict page compares field by field: only what differs between the saved step and the typed one."""

from django import forms
from django.utils.translation import gettext as _


def _shown(field, value):
    if isinstance(field, forms.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(value, list | tuple):
        choices = dict(getattr(field, "choices", ()))
        return ", ".join(str(choices.get(item, item)) for item in value)
    return "" if value is None else str(value)


def _fields(section, data):
    """[(label, value)] of everything the step's forms show for `data`, in form order."""
    form, formset = section.build(data)
    rows = []
    if form is not None:
        for name, field in form.fields.items():
            rows.append((str(field.label), _shown(field, form.initial.get(name))))
    if formset is not None:
        for number, entry in enumerate(formset.initial_forms, start=1):
            for name, field in entry.fields.items():
                if name == "extra":
                    continue
                label = f"{section.entry_label} {number} – {field.label}"
                rows.append((label, _shown(field, entry.initial.get(name))))
    return rows


def differences(section, mine, saved):
    """[(label, mine, saved)] for the fields of the step whose values differ; entries compared by position."""
    mine_rows = dict(_fields(section, mine))
    saved_rows = dict(_fields(section, saved))
    labels = list(dict.fromkeys([*saved_rows, *mine_rows]))
    return [
        (label, mine_rows.get(label, ""), saved_rows.get(label, ""))
        for label in labels
        if mine_rows.get(label, "") != saved_rows.get(label, "")
    ]
