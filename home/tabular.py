"""The one place the project writes CSV and XLSX files for people to open in a spreadsheet.

A cell typed by a resident (a proposal title, a feedback text) may start with `=`, `+`, `-`, `@`,
a tab or a carriage return: spreadsheet software would run it as a formula (`=HYPERLINK(...)`,
`=cmd|...`). Such cells are prefixed with an apostrophe so they show as text (OWASP "CSV injection").
Numbers (int, float) are written as numbers, so a negative count stays a number.

CSV: UTF-8 with a byte-order mark (so Excel reads the accents) and `;` (French spreadsheets).
"""

import csv
import io
from datetime import date, datetime

from django.http import HttpResponse

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """The value as a spreadsheet must receive it: text that cannot start a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return value
    text = value.isoformat() if isinstance(value, (date, datetime)) else str(value)
    if text.startswith(DANGEROUS_STARTS):
        return "'" + text
    return text


def safe_row(row):
    return [safe_cell(value) for value in row]


def _attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(filename, header, rows):
    """An attachment response with the header row and `rows` (any iterable of sequences)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(safe_row(header))
    for row in rows:
        writer.writerow(safe_row(row))
    return _attachment(response, filename)


def xlsx_bytes(header, rows, title="Export"):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(safe_row(header))
    for row in rows:
        # openpyxl would store a string starting with "=" as a formula: safe_cell prefixes it first.
        sheet.append(safe_row(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(filename, header, rows, title="Export"):
    response = HttpResponse(xlsx_bytes(header, rows, title=title), content_type=XLSX_CONTENT_TYPE)
    return _attachment(response, filename)
