"""Fill empty msgstr entries of a .po file from a Python dict file (developer helper).

Usage: python scripts/fill_po.py path/to/django.po translations.py
where translations.py defines TRANSLATIONS = {"English source": "Texte français", ...}.
Only single-line msgid/msgstr pairs are filled; plural entries stay for hand editing.
Run `make messages` afterwards to compile.
"""

import re
import runpy
import sys


def fill(po_path, translations):
    text = open(po_path, encoding="utf-8").read()
    text = text.replace('"Language: \\n"', '"Language: fr\\n"')

    def replace(match):
        msgid = match.group(1).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
        french = translations.get(msgid)
        if french is None:
            return match.group(0)
        escaped = french.replace("\\", "\\\\").replace('"', '\\"')
        return f'msgid "{match.group(1)}"\nmsgstr "{escaped}"'

    text = re.sub(r'^msgid "(.+)"\nmsgstr ""$', replace, text, flags=re.M)
    open(po_path, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    fill(sys.argv[1], runpy.run_path(sys.argv[2])["TRANSLATIONS"])
