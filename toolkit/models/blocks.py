"""Blocks of the toolkit sheets: numbered steps, downloadable files."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step title"), max_length=160)
    text = blocks.RichTextBlock(label=_("What to do"), features=["bold", "italic", "link", "ol", "ul"], required=False)
    image = ImageChooserBlock(label=_("Picture"), required=False)
    image_alt = blocks.CharBlock(
        label=_("Picture description"),
        required=False,
        max_length=250,
        help_text=_("Describe the picture for people who cannot see it."),
    )

    class Meta:
        icon = "list-ol"
        template = "toolkit/blocks/step_block.html"


class StepsBlock(blocks.StreamBlock):
    step = StepBlock(label=_("Step"))

    class Meta:
        block_counts = {}


class FileBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("File"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=160)

    class Meta:
        icon = "doc-full"
        template = "toolkit/blocks/file_block.html"


class FilesBlock(blocks.StreamBlock):
    file = FileBlock(label=_("File"))
