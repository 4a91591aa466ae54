"""The document model as a Word file (python-docx): Title, Heading 1/2, List Bullet and Normal styles, French."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from . import HEADING, LIST, META, RIGHT, SUBHEADING, SUBJECT, TITLE

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BLUE = RGBColor(0x0B, 0x5A, 0x80)


def _french(style):
    """Spell-check and hyphenate in French: w:lang on the style's run properties."""
    rpr = style.element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:val"), "fr-FR")


def _setup(document):
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Sans"
    normal.font.size = Pt(10.5)
    _french(normal)
    for name in ("Title", "Heading 1", "Heading 2"):
        document.styles[name].font.color.rgb = BLUE
    section = document.sections[0]
    section.page_width, section.page_height = 7560310, 10692130  # A4, in EMU
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Pt(54))


def write(model):
    """.docx bytes of an OfficeDocument."""
    document = Document()
    _setup(document)
    properties = document.core_properties
    properties.title = model.title
    properties.author = model.author
    properties.subject = model.subject
    properties.language = "fr-FR"
    for block in model.blocks:
        if block.kind == TITLE:
            document.add_heading(block.text, level=0)
        elif block.kind == HEADING:
            document.add_heading(block.text, level=1)
        elif block.kind == SUBHEADING:
            document.add_heading(block.text, level=2)
        elif block.kind == LIST:
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        else:
            paragraph = document.add_paragraph(block.text)
            if block.role == RIGHT:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif block.role in (META, SUBJECT, "sender-name"):
                paragraph.runs[0].bold = block.role != META
                paragraph.runs[0].italic = block.role == META
            elif block.role == "signature":
                paragraph.paragraph_format.space_before = Pt(18)
            if block.role in ("sender", "sender-name", RIGHT):
                paragraph.paragraph_format.space_after = Pt(0)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
