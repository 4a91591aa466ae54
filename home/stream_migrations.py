"""Stream data operations used by migrations (kept importable: migrations reference them by path)."""

from django.utils.deconstruct import deconstructible
from wagtail.blocks.migrations.operations import BaseBlockOperation


@deconstructible
class ImageToWagtailImageBlock(BaseBlockOperation):
    """The home-made image block {image, alt_text, caption} becomes {image: Wagtail's ImageBlock, caption}.

    An image without alt text was decorative (the old help text said to leave it empty then).
    """

    def apply(self, block_value):
        image = block_value.get("image")
        if isinstance(image, dict):  # already migrated
            return block_value
        alt_text = (block_value.get("alt_text") or "").strip()
        return {
            "image": {"image": image, "alt_text": alt_text, "decorative": not alt_text},
            "caption": block_value.get("caption") or "",
        }

    @property
    def operation_name_fragment(self):
        return "image_to_wagtail_image_block"
