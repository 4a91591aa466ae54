"""The document model as an OpenDocument text (odfpy): real headings (text:h with outline levels), bullet lists
(text:list with a list style) and named paragraph styles, in French."""

import io

from odf import dc, meta, style, text
from odf.opendocument import OpenDocumentText

from . import HEADING, LIST, META, RIGHT, SUBHEADING, SUBJECT, TITLE

CONTENT_TYPE = "application/vnd.oasis.opendocument.text"
BLUE = "#0b5a80"


def _paragraph_style(name, display, *, size="10.5pt", bold=False, italic=False, color=None, align=None, parent=None,
                     space_after="0.15cm", space_before="0cm", outline=None):  # fmt: skip
    attributes = {"name": name, "displayname": display, "family": "paragraph"}
    if parent:
        attributes["parentstylename"] = parent
    if outline:
        attributes["defaultoutlinelevel"] = str(outline)
    result = style.Style(**attributes)
    paragraph = {"marginbottom": space_after, "margintop": space_before}
    if align:
        paragraph["textalign"] = align
    result.addElement(style.ParagraphProperties(**paragraph))
    text_props = {"fontsize": size, "fontname": "Liberation Sans", "language": "fr", "country": "FR"}
    if bold:
        text_props["fontweight"] = "bold"
    if italic:
        text_props["fontstyle"] = "italic"
    if color:
        text_props["color"] = color
    result.addElement(style.TextProperties(**text_props))
    return result


def _styles(document):
    document.fontfacedecls.addElement(style.FontFace(name="Liberation Sans", fontfamily="'Liberation Sans'"))
    named = {
        "Standard": _paragraph_style("Standard", "Default Paragraph Style"),
        TITLE: _paragraph_style("Title", "Title", size="20pt", bold=True, color=BLUE),
        HEADING: _paragraph_style(
            "Heading_20_1", "Heading 1", size="13pt", bold=True, color=BLUE, space_before="0.4cm", outline=1
        ),  # fmt: skip
        SUBHEADING: _paragraph_style(
            "Heading_20_2", "Heading 2", size="11pt", bold=True, space_before="0.2cm", outline=2
        ),  # fmt: skip
        "": _paragraph_style("Text_20_body", "Text body"),
        META: _paragraph_style("Meta", "Meta", italic=True),
        SUBJECT: _paragraph_style("Subject", "Subject", bold=True),
        RIGHT: _paragraph_style("Recipient", "Recipient", align="end", space_after="0cm"),
        "sender": _paragraph_style("Sender", "Sender", space_after="0cm"),
        "sender-name": _paragraph_style("Sender_20_name", "Sender name", bold=True, space_after="0cm"),
        "signature": _paragraph_style("Signature", "Signature", space_before="0.6cm"),
        LIST: _paragraph_style("List_20_Bullet", "List Bullet"),
    }
    for item in named.values():
        document.styles.addElement(item)
    bullets = text.ListStyle(name="Bullets", displayname="Bullets")
    level = text.ListLevelStyleBullet(level="1", bulletchar="•")
    level.addElement(style.ListLevelProperties(spacebefore="0.3cm", minlabelwidth="0.4cm"))
    bullets.addElement(level)
    document.styles.addElement(bullets)
    return named, bullets


def write(model):
    """.odt bytes of an OfficeDocument."""
    document = OpenDocumentText()
    named, bullets = _styles(document)
    document.meta.addElement(dc.Title(text=model.title))
    document.meta.addElement(dc.Language(text="fr-FR"))
    if model.author:
        document.meta.addElement(meta.InitialCreator(text=model.author))
    if model.subject:
        document.meta.addElement(dc.Subject(text=model.subject))
    body = document.text
    for block in model.blocks:
        if block.kind == TITLE:
            body.addElement(text.P(stylename=named[TITLE], text=block.text))
        elif block.kind in (HEADING, SUBHEADING):
            level = 1 if block.kind == HEADING else 2
            body.addElement(text.H(outlinelevel=level, stylename=named[block.kind], text=block.text))
        elif block.kind == LIST:
            items = text.List(stylename=bullets)
            for item in block.items:
                entry = text.ListItem()
                entry.addElement(text.P(stylename=named[LIST], text=item))
                items.addElement(entry)
            body.addElement(items)
        else:
            body.addElement(text.P(stylename=named.get(block.role, named[""]), text=block.text))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()
