"""The shared StreamBlock used by every page body on the site."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
    )

    class Meta:
        description = _("A title that starts a part of the page.")
        preview_value = {"text": "Nos ateliers de la semaine", "level": "h2"}
        icon = "title"
        template = "blocks/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    """Wagtail's own ImageBlock (alt text, or the image marked decorative) with an optional caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        description = _("A photo or picture, with its alternative text and an optional caption.")
        icon = "image"
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    author = blocks.CharBlock(label=_("Author"), required=False, max_length=120)

    class Meta:
        description = _("Words someone said, with who said them.")
        preview_value = {"text": "On apprend ensemble, à notre rythme.", "author": "Une habitante"}
        icon = "openquote"
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Button text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or web address"), required=False)

    class Meta:
        description = _("A big button to a page of the site or another address.")
        preview_value = {"text": "Voir l'agenda", "page": None, "url": "https://example.org/"}
        icon = "link"
        template = "blocks/call_to_action_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=120)

    class Meta:
        description = _("A link to download a document (its type and size are shown).")
        icon = "doc-full"
        template = "blocks/document_link_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock(label=_("Heading"))
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="blocks/paragraph_block.html",
        description=_("Text, with bold, italic, links and lists."),
        preview_value="<p>Le centre est ouvert du <b>lundi</b> au vendredi, de 9 h à 18 h.</p>",
    )
    image = CaptionedImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
    call_to_action = CallToActionBlock(label=_("Call to action"))
    document = DocumentLinkBlock(label=_("Document"))
    table = TableBlock(
        label=_("Table"),
        template="blocks/table_block.html",
        description=_("A table with a caption, e.g. opening hours."),
        preview_value={
            "data": [["Jour", "Horaires"], ["Lundi", "9 h - 12 h"], ["Mercredi", "14 h - 18 h"]],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Horaires d'ouverture",
        },
    )
