"""CV and cover-letter PDFs: tagged (PDF/UA-1, language and title set), and never a last page holding two lost lines.

A CV whose last page would hold fewer than MIN_LAST_PAGE_LINES lines is laid out again a little tighter
(smaller type and spacing, the `fit-*` classes of pdf/base.html); the first layout without such a page wins.
"""

from django.core.cache import cache
from weasyprint.formatting_structure import boxes

from home.pdf import render_document

MIN_LAST_PAGE_LINES = 6
FITS = ("", "tight", "tighter")
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}
MAX_PAGES_ADVISED = 2


def text_lines(page):
    """How many lines of text a laid-out page holds."""
    count = 0
    stack = [page._page_box]
    while stack:
        box = stack.pop()
        if isinstance(box, boxes.LineBox):
            if any(isinstance(child, boxes.TextBox | boxes.InlineBox) for child in box.children):
                count += 1
            continue
        stack.extend(getattr(box, "children", ()))
    return count


def _nearly_empty_last_page(document):
    return len(document.pages) > 1 and text_lines(document.pages[-1]) < MIN_LAST_PAGE_LINES


def layout(template, context, request=None):
    """(WeasyPrint document, fit) of the CV: the first fit whose last page is not nearly empty."""
    best = None
    for fit in FITS:
        document = render_document(f"cv_builder/pdf/{template}.html", {**context, "fit": fit}, request)
        if not _nearly_empty_last_page(document):
            return document, fit
        if best is None or len(document.pages) < len(best[0].pages):
            best = (document, fit)
    return best


def render_cv_pdf(template, context, request=None):
    """PDF bytes of the CV in `template`."""
    document, _fit = layout(template, context, request)
    return document.write_pdf(**PDF_OPTIONS)


def render_letter_pdf(template, context, request=None):
    """PDF bytes of a cover letter in the `template` family: one page, laid out tighter if it would run over."""
    document = None
    for fit in FITS:
        document = render_document(f"cv_builder/pdf/letter_{template}.html", {**context, "fit": fit}, request)
        if len(document.pages) == 1:
            break
    return document.write_pdf(**PDF_OPTIONS)


def page_count(cv, template, context):
    """Pages of the CV's PDF in `template`, cached for this exact version of the CV."""
    key = f"cv-pages:{cv.pk}:{cv.version}:{template}:{cv.photo.name if cv.photo else ''}:{cv.updated_at.timestamp()}"
    pages = cache.get(key)
    if pages is None:
        document, _fit = layout(template, context)
        pages = len(document.pages)
        cache.set(key, pages, 24 * 3600)
    return pages
