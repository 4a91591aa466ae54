"""The one image check of the site: every uploaded picture goes through here before it is kept.

Order matters for the server's memory: the size in bytes first, then the format and the pixel
count read from the file's header (Pillow opens lazily), and only then decoding. A 20 KB PNG
that claims 12000×12000 pixels is refused before it can take 500 MB of a worker's memory.
Pictures we keep are re-encoded (EXIF, GPS position and other metadata are dropped, and the
picture is turned upright); Wagtail's library keeps its originals but is refused damaged files.
"""

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_IMAGE_PIXELS = 40_000_000  # 40 megapixels: more than any phone photo, 160 MB once decoded
ALLOWED_FORMATS = ("JPEG", "PNG", "GIF", "WEBP")
FORMAT_NAMES = "JPEG, PNG, GIF, WebP"
_DECODE_ERRORS = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError)


def _not_a_picture(formats):
    names = ", ".join("WebP" if name == "WEBP" else name for name in formats)
    return ValidationError(
        _("This file is not a picture the site accepts. Choose a %(formats)s picture.") % {"formats": names},
        code="invalid_image",
    )


def _damaged():
    return ValidationError(
        _(
            "This picture is damaged or incomplete (the file may have been cut during the transfer). "
            "Open it on your device to check it, then send it again."
        ),
        code="damaged_image",
    )


def _too_many_pixels(max_pixels, width=None, height=None):
    if width is None:
        message = _(
            "This picture has too many pixels (%(max)s million at most). "
            "Take a smaller photo or reduce it on your device."
        ) % {"max": max_pixels // 1_000_000}
    else:
        message = _(
            "This picture has too many pixels (%(width)s × %(height)s, %(max)s million at most). "
            "Take a smaller photo or reduce it on your device."
        ) % {"width": width, "height": height, "max": max_pixels // 1_000_000}
    return ValidationError(message, code="too_many_pixels")


def open_checked(upload, *, max_bytes, max_pixels=MAX_IMAGE_PIXELS, formats=ALLOWED_FORMATS):
    """The picture, opened lazily (nothing decoded yet), once its bytes, format and pixels are within limits."""
    size = getattr(upload, "size", None)
    if size is None or size > max_bytes:
        raise ValidationError(
            _("This picture is too big (%(max)s MB at most). Choose a smaller one.") % {"max": max_bytes // 2**20},
            code="too_big",
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Our own limit (below) is lower than Pillow's warning threshold; Pillow's error (above
            # twice its threshold) still stops a bomb at the header.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=list(formats))
            width, height = image.size
    except Image.DecompressionBombError:
        raise _too_many_pixels(max_pixels)
    except _DECODE_ERRORS:
        raise _not_a_picture(formats)
    if image.format not in formats:
        raise _not_a_picture(formats)
    if width * height > max_pixels:
        raise _too_many_pixels(max_pixels, width, height)
    return image


def _check_complete(upload, image_format):
    """PNG: every chunk present and its checksum right, without decoding a pixel.

    Needed because WeasyPrint, once imported, sets Pillow's LOAD_TRUNCATED_IMAGES for the whole
    process: a cut PNG then "decodes" with grey rows and is stored. (A cut JPEG decodes padded,
    which harms nothing.)
    """
    if image_format != "PNG":
        return
    upload.seek(0)
    try:
        with Image.open(upload, formats=["PNG"]) as png:
            png.verify()
    except _DECODE_ERRORS:
        raise _damaged()
    finally:
        upload.seek(0)


def check_decodes(upload, *, max_bytes, max_pixels=MAX_IMAGE_PIXELS, formats=ALLOWED_FORMATS):
    """Refuses a picture that cannot be decoded to its end (e.g. a truncated file), keeping the file as is."""
    image = open_checked(upload, max_bytes=max_bytes, max_pixels=max_pixels, formats=formats)
    _check_complete(upload, image.format)
    try:
        with image:
            if image.format == "JPEG":
                # Decodes every byte of the stream, at 1/8 of the size in memory.
                image.draft("RGB", (image.width // 8 or 1, image.height // 8 or 1))
            image.load()
    except _DECODE_ERRORS:
        raise _damaged()
    finally:
        upload.seek(0)


def reencode(upload, *, max_bytes, box, max_pixels=MAX_IMAGE_PIXELS, formats=ALLOWED_FORMATS, name="photo.jpg"):
    """A JPEG of at most `box` pixels, upright, without metadata, from a checked upload."""
    image = open_checked(upload, max_bytes=max_bytes, max_pixels=max_pixels, formats=formats)
    _check_complete(upload, image.format)
    try:
        with image:
            if image.format == "JPEG":
                image.draft("RGB", box)  # decode a big JPEG directly at about the target size
            picture = ImageOps.exif_transpose(image)
            picture.thumbnail(box)
            if picture.mode in ("RGBA", "LA", "P", "PA"):
                picture = picture.convert("RGBA")
                flat = Image.new("RGB", picture.size, "white")
                flat.paste(picture, mask=picture.getchannel("A"))
                picture = flat
            else:
                picture = picture.convert("RGB")
            buffer = io.BytesIO()
            picture.save(buffer, format="JPEG", quality=85, optimize=True)
    except _DECODE_ERRORS:
        raise _damaged()
    finally:
        upload.seek(0)
    return ContentFile(buffer.getvalue(), name=name)


def resized(stored, *, box, quality=80):
    """A smaller JPEG copy of a picture already kept (checked and re-encoded on upload): the sizes
    visitors get (thumbnails in lists, a medium size on a page), so an original is never sent to them."""
    try:
        with Image.open(stored) as image:
            if image.format == "JPEG":
                image.draft("RGB", box)
            picture = ImageOps.exif_transpose(image)
            picture.thumbnail(box)
            picture = picture.convert("RGB")
            buffer = io.BytesIO()
            picture.save(buffer, format="JPEG", quality=quality, optimize=True, progressive=True)
    except _DECODE_ERRORS:
        raise _damaged()
    return buffer.getvalue()
