"""Word (.docx) and OpenDocument (.odt) exports of CVs and cover letters, from one small document model.

A CV or a letter is first turned into an `OfficeDocument`: a list of blocks (title, headings, paragraphs,
bullet lists), each with a role. `docx.write` and `odt.write` then map every role to a real named style of
the format (Title, Heading 1/2, List Bullet...), so the file opens as an editable document with a
structure, never as an image.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..sections.base import visible_document
from ..templatetags.cv_tags import cv_date, date_range

TITLE, HEADING, SUBHEADING, PARAGRAPH, LIST = "title", "heading", "subheading", "paragraph", "list"
# Paragraph roles beyond the body text: how the writers align or emphasise them.
RIGHT, SUBJECT, META = "right", "subject", "meta"


@dataclass
class Block:
    kind: str
    text: str = ""
    items: list = field(default_factory=list)
    role: str = ""


@dataclass
class OfficeDocument:
    title: str
    author: str = ""
    subject: str = ""
    blocks: list = field(default_factory=list)

    def add(self, kind, text="", items=None, role=""):
        if text or items:
            self.blocks.append(Block(kind, text, list(items or ()), role))


def _entry_line(*parts, sep=" — "):
    return sep.join(part for part in parts if part)


def _entries(document, title, entries, head, dates="open"):
    if not entries:
        return
    document.add(HEADING, title)
    for item in entries:
        document.add(SUBHEADING, head(item))
        document.add(PARAGRAPH, date_range(item, dates), role=META)
        for paragraph in (item.get("summary") or item.get("description") or "").splitlines():
            document.add(PARAGRAPH, paragraph.strip())
        document.add(LIST, items=item.get("highlights") or ())


def cv_document(cv):
    doc = visible_document(cv.data)
    basics = doc.get("basics") or {}
    location = basics.get("location") or {}
    name = basics.get("name") or cv.title
    document = OfficeDocument(title=f"CV – {name}", author=basics.get("name", ""), subject=basics.get("label", ""))
    document.add(TITLE, name)
    document.add(PARAGRAPH, basics.get("label", ""), role=SUBJECT)
    place = _entry_line(
        location.get("address", ""),
        " ".join(part for part in (location.get("postalCode", ""), location.get("city", "")) if part),
        sep=", ",
    )
    phone = f"{_('Phone:')} {basics['phone']}" if basics.get("phone") else ""
    document.add(PARAGRAPH, _entry_line(phone, basics.get("email", ""), place, sep=" · "), role=META)
    for paragraph in (basics.get("summary") or "").splitlines():
        document.add(PARAGRAPH, paragraph.strip())
    _entries(
        document,
        _("Experience"),
        doc.get("work"),
        lambda i: _entry_line(i.get("position"), i.get("name"), i.get("location")),
    )
    _entries(
        document,
        _("Training and diplomas"),
        doc.get("education"),
        lambda i: _entry_line(i.get("studyType"), i.get("area"), i.get("institution")),
        dates="",
    )
    _entries(
        document,
        _("Volunteering"),
        doc.get("volunteer"),
        lambda i: _entry_line(i.get("position"), i.get("organization")),
    )
    _entries(document, _("Projects"), doc.get("projects"), lambda i: i.get("name", ""), dates="")
    lists = [
        (
            _("Skills"),
            [
                _entry_line(s.get("name"), s.get("level") and f"({s['level']})", sep=" ")
                for s in doc.get("skills") or ()
            ],
        ),
        (
            _("Certificates and licences"),
            [
                _entry_line(c.get("name"), c.get("issuer"), c.get("date") and f"({cv_date(c['date'])})")
                for c in doc.get("certificates") or ()
            ],
        ),
        (
            _("Languages"),
            [_entry_line(item.get("language"), item.get("fluency"), sep=" : ") for item in doc.get("languages") or ()],
        ),
        (_("Driving licence and mobility"), _mobility(basics)),
        (_("Interests"), [item.get("name", "") for item in doc.get("interests") or ()]),
        (_("Awards"), [_entry_line(a.get("title"), a.get("awarder")) for a in doc.get("awards") or ()]),
    ]
    for heading, items in lists:
        items = [item for item in items if item]
        if items:
            document.add(HEADING, heading)
            document.add(LIST, items=items)
    return document


def _mobility(basics):
    items = []
    if basics.get("drivingLicences"):
        items.append(f"{_('Driving licence:')} {', '.join(basics['drivingLicences'])}")
    if basics.get("vehicle"):
        items.append(_("Own vehicle"))
    if basics.get("mobility"):
        items.append(basics["mobility"])
    return items


def letter_document(composed):
    """The composed letter (cv_builder/letters/compose.py) in the French letter order."""
    sender, recipient = composed["sender"], composed["recipient"]
    document = OfficeDocument(title=composed["title"], author=sender["name"], subject=composed["subject"])
    document.add(PARAGRAPH, sender["name"], role="sender-name")
    for line in [*sender["lines"], sender["phone"], sender["email"]]:
        document.add(PARAGRAPH, line, role="sender")
    for line in [recipient["person"], recipient["company"], *recipient["lines"]]:
        document.add(PARAGRAPH, line, role=RIGHT)
    document.add(PARAGRAPH, composed["place_date"], role=RIGHT)
    document.add(HEADING, composed["subject"], role=SUBJECT)
    document.add(PARAGRAPH, composed["salutation"])
    for kind, value in composed["body"]:
        if kind == "ul":
            document.add(LIST, items=value)
        else:
            document.add(PARAGRAPH, value)
    document.add(PARAGRAPH, composed["signature"], role="signature")
    return document
