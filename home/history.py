"""simple-history records as people read them: field labels, choice labels, Oui/Non, French dates.

`readable_history(records, model)` takes a model's historical records (newest first) and returns
[{"record", "fields": [(label, old, new)]}], each value as shown on a screen (« Publiée », not
« published »; 02/12/2026 14:05, not 2026-12-02T13:05:00+00:00).
"""

from datetime import date, datetime

from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.translation import gettext as _

from home.admin_export import readable


def field_value(model, name, value):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return readable(value)
    if value in (None, ""):
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, str) and field.get_internal_type() in ("DateTimeField", "DateField"):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, datetime) and timezone.is_naive(value) and field.get_internal_type() == "DateTimeField":
        value = timezone.make_aware(value, timezone.get_current_timezone())
    if isinstance(value, (bool, date, datetime)):
        return readable(value)
    if field.is_relation:
        return _("#%(pk)s") % {"pk": value}
    return str(value)


def field_label(model, name):
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def readable_history(records, model):
    records = list(records)
    changes = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        fields = []
        if previous is not None:
            for change in record.diff_against(previous).changes:
                fields.append(
                    (
                        field_label(model, change.field),
                        field_value(model, change.field, change.old),
                        field_value(model, change.field, change.new),
                    )
                )
        changes.append({"record": record, "fields": fields})
    return changes
