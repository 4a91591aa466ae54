"""How many pages the CV prints on, with advice past two pages (the PDF itself never carries the warning)."""

from django.shortcuts import render

from ..access import get_cv
from ..models.cv import TEMPLATE_CHOICES
from ..pdf import MAX_PAGES_ADVISED, page_count
from .common import editor_nav, pdf_context
from .pdf import LAYOUT_MAX_CHARACTERS, laid_out_characters

TEMPLATE_NAMES = dict(TEMPLATE_CHOICES)


def cv_length(request, pk):
    """An htmx fragment on the CV page, or a small page of its own without JavaScript."""
    cv = get_cv(request, pk)
    template = request.GET.get("modele", cv.template)
    if template not in TEMPLATE_NAMES:
        template = cv.template
    size = laid_out_characters(cv.data)
    if size > LAYOUT_MAX_CHARACTERS:
        # Too long to lay out on request (the PDF download refuses it too): about 4,300 characters a page.
        pages = max(MAX_PAGES_ADVISED + 1, size // 4300)
    else:
        pages = page_count(cv, template, pdf_context(cv, template))
    context = {
        "cv": cv,
        "pages": pages,
        "too_long": pages > MAX_PAGES_ADVISED,
        "template_label": TEMPLATE_NAMES[template],
        "is_compact": template == "compact",
    }
    if request.headers.get("HX-Request") == "true":
        return render(request, "cv_builder/includes/length_notice.html", context)
    return render(request, "cv_builder/cv_length.html", {**context, **editor_nav(cv)})
