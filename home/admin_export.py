"""`list_export` of Wagtail's admin listings written through the one safe writer (home.tabular).

Wagtail's own CSV writer neutralises no formula and writes commas; ours prefixes `=`, `+`, `-`,
`@` cells, writes `;` and a BOM for French spreadsheets, and shows dates the French way. Mix
`TabularExportMixin` into any `IndexView` that has `list_export`.
"""

from datetime import date, datetime

from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import gettext as _

from home.tabular import csv_response, xlsx_response


def readable(value):
    """A cell as people read it: Oui/Non, French dates, labels (choices already resolved)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
            if timezone.is_aware(value)
            else value.strftime("%d/%m/%Y %H:%M")
        )
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, (int, float)):
        return value
    return force_str(value)


class TabularExportMixin:
    def export_value(self, item, field):
        getter = getattr(item, f"get_{field}_display", None)
        if callable(getter):
            return getter()
        value = item
        for part in field.split("."):
            value = getattr(value, part, None)
            if callable(value):
                value = value()
        return value

    def as_spreadsheet(self, queryset, spreadsheet_format):
        header = [self.get_heading(queryset, field) for field in self.list_export]
        rows = ([readable(self.export_value(item, field)) for field in self.list_export] for item in queryset)
        filename = f"{self.get_filename()}.{spreadsheet_format}"
        if spreadsheet_format == self.FORMAT_XLSX:
            return xlsx_response(filename, header, rows, title=force_str(self.verbose_name_plural))
        return csv_response(filename, header, rows)
