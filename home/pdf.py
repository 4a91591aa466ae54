"""The project's one WeasyPrint setup: render a template to PDF bytes.

Images and stylesheets are read from the static files and the media storage directly,
never over the network (the server may have none, and it keeps rendering fast).
"""

import mimetypes
import threading
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage, storages
from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

PDF_BASE_URL = "http://pdf.invalid/"


class LocalFilesFetcher(URLFetcher):
    """Serves /static/ and /media/ URLs from disk or storage; refuses everything else."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = unquote(urlparse(url).path)
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        if path.startswith(settings.STATIC_URL):
            found = finders.find(path.removeprefix(settings.STATIC_URL))
            if found is None:
                raise ValueError(f"Static file not found: {path}")
            with open(found, "rb") as handle:
                return URLFetcherResponse(url, handle.read(), {"Content-Type": content_type})
        # Media by path (/media/...) or by the bucket's own URL (public or signed): read from storage.
        name_from_url = getattr(storages["default"], "name_from_url", None)  # home.storage.MediaStorage
        name = name_from_url(url) if name_from_url else None
        if name is None and path.startswith(settings.MEDIA_URL):
            name = path.removeprefix(settings.MEDIA_URL)
        if name is not None:
            with default_storage.open(name) as handle:
                return URLFetcherResponse(url, handle.read(), {"Content-Type": content_type})
        raise ValueError(f"Refusing to fetch {url} while rendering a PDF")


_per_thread = threading.local()


def _fetcher():
    # Building a fetcher sets up urllib's handlers (an SSL context among them): tens of
    # milliseconds. One per thread, since a fetcher keeps per-request state.
    if not hasattr(_per_thread, "fetcher"):
        _per_thread.fetcher = LocalFilesFetcher()
    return _per_thread.fetcher


def render_document(template_name, context, request=None):
    """The laid-out WeasyPrint document (pages known, PDF not written yet): for callers that check the layout."""
    html = render_to_string(template_name, context, request=request)
    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=_fetcher()).render()


def render_pdf(template_name, context, request=None):
    """PDF bytes of a Django template rendered with `context`."""
    html = render_to_string(template_name, context, request=request)
    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=_fetcher()).write_pdf()


def pdf_response(template_name, context, filename, request=None, inline=False):
    response = HttpResponse(render_pdf(template_name, context, request), content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
