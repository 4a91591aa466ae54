"""Wagtail's image library form, with the site's one image check (home.images) on new uploads."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from wagtail.images.forms import BaseImageForm

from .images import MAX_IMAGE_PIXELS, check_decodes


class CheckedImageForm(BaseImageForm):
    """Wagtail already refuses too many bytes and pixels (its settings); this also refuses damaged files,
    which would otherwise be stored and then break every page and listing that shows them."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            check_decodes(
                upload,
                max_bytes=settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE,
                max_pixels=getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", MAX_IMAGE_PIXELS),
            )
        return upload
