"""The shared CSV/XLSX writer: formula cells come out as text, read back with a CSV reader and openpyxl."""

import csv
import io

from openpyxl import load_workbook

from home.tabular import csv_response, safe_cell, xlsx_response

DANGEROUS = ['=HYPERLINK("http://x","clic")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]


def read_csv(response):
    assert response.content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_every_dangerous_cell_is_prefixed_and_ordinary_cells_are_untouched():
    response = csv_response("x.csv", ["=Titre", "Nombre"], [[cell, 3] for cell in DANGEROUS] + [["Des bancs", -4]])
    rows = read_csv(response)
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    assert rows[0] == ["'=Titre", "Nombre"]
    for row, typed in zip(rows[1:], DANGEROUS, strict=False):
        assert row[0] == "'" + typed
        assert not row[0].startswith(("=", "+", "-", "@", "\t", "\r"))
    # Text that is not dangerous, and numbers (even negative), are written as they are.
    assert rows[-1] == ["Des bancs", "-4"]


def test_safe_cell_keeps_numbers_and_empties_none():
    assert safe_cell(None) == "" and safe_cell(-3) == -3 and safe_cell(2.5) == 2.5 and safe_cell("-3") == "'-3"


def test_xlsx_cells_are_text_not_formulas():
    response = xlsx_response("x.xlsx", ["Titre"], [[cell] for cell in DANGEROUS] + [[7]])
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [row[0].value for row in sheet.iter_rows(min_row=2)]
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    # (XML stores a carriage return as a line feed: what matters is the apostrophe in front.)
    assert [value.replace("\n", "\r") for value in values[:-1]] == ["'" + cell for cell in DANGEROUS]
    assert all(cell.data_type == "s" for cell in cells[:-1])  # strings, not formulas ("f")
    assert values[-1] == 7
