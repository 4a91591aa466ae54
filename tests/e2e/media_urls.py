"""The site's URLs plus the public pictures, for browser tests that must see them load.

Tests keep files in Django's in-memory storage and run with DEBUG off, so /media/ is not served;
here it is, from that storage, for the same public folders as in development.
"""

import mimetypes
import posixpath

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.urls import re_path

from config.urls import PUBLIC_MEDIA_FOLDERS
from config.urls import urlpatterns as site_urlpatterns


def public_media(request, path):
    clean = posixpath.normpath(path).lstrip("/")
    if clean.split("/", 1)[0] not in PUBLIC_MEDIA_FOLDERS or not default_storage.exists(clean):
        raise Http404
    return FileResponse(default_storage.open(clean), content_type=mimetypes.guess_type(clean)[0])


urlpatterns = [re_path(r"^media/(?P<path>.*)$", public_media), *site_urlpatterns]
