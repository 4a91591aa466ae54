"""Read-only share links and sharing with a centre's staff."""

from datetime import timedelta

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.models import CentrePage

from ..access import get_cv
from ..forms import CentreShareForm, ShareLinkForm
from ..models import CentreShare, ShareLink
from ..share_tools import share_targets
from .common import document_context, not_found
from .pdf import cv_pdf_response


def _centres():
    return CentrePage.objects.live().order_by("title")


def _share_page(request, cv, link_form=None, centre_form=None, status=200):
    links = list(cv.share_links.all())
    for link in links:
        link.url = request.build_absolute_uri(reverse("cv_builder:shared", args=[link.token]))
        if link.is_active:
            link.targets = share_targets(link.url, cv.basics.get("name", ""))
    context = {
        "cv": cv,
        "links": links,
        "centre_shares": list(cv.centre_shares.select_related("centre")),
        "link_form": link_form or ShareLinkForm(),
        "centre_form": centre_form or CentreShareForm(centres=_centres()),
        "now": timezone.now(),
    }
    return render(request, "cv_builder/cv_share.html", context, status=status)


def cv_share(request, pk):
    cv = get_cv(request, pk, owner_only=True)
    if request.method != "POST":
        return _share_page(request, cv)
    if request.POST.get("action") == "centre":
        form = CentreShareForm(request.POST, centres=_centres())
        if not form.is_valid():
            return _share_page(request, cv, centre_form=form, status=400)
        CentreShare.objects.get_or_create(
            cv=cv, centre=form.cleaned_data["centre"], defaults={"shared_by": request.user}
        )
        messages.success(
            request,
            _("The staff of %(centre)s can now see and help edit this CV.")
            % {"centre": form.cleaned_data["centre"].title},
        )
        return redirect("cv_builder:share", pk=cv.pk)
    form = ShareLinkForm(request.POST)
    if not form.is_valid():
        return _share_page(request, cv, link_form=form, status=400)
    ShareLink.objects.create(
        cv=cv, label=form.cleaned_data["label"], expires_at=timezone.now() + timedelta(days=form.cleaned_data["days"])
    )
    messages.success(request, _("The link is ready. Copy it and send it."))
    return redirect("cv_builder:share", pk=cv.pk)


@require_POST
def link_revoke(request, pk, link_id):
    cv = get_cv(request, pk, owner_only=True)
    link = cv.share_links.filter(pk=link_id).first()
    if link is None:
        raise Http404
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    messages.success(request, _("The link no longer works."))
    return redirect("cv_builder:share", pk=cv.pk)


@require_POST
def centre_unshare(request, pk, share_id):
    cv = get_cv(request, pk, owner_only=True)
    deleted, _details = cv.centre_shares.filter(pk=share_id).delete()
    if not deleted:
        raise Http404
    messages.success(request, _("This centre no longer sees your CV."))
    return redirect("cv_builder:share", pk=cv.pk)


def _link_or_page(request, token):
    link = ShareLink.objects.select_related("cv").filter(token=token).first()
    if link is None:
        return None, not_found(request, "cv_builder/shared_gone.html", {"reason": "unknown"}, 404)
    if link.revoked_at is not None or link.cv.deleted_at is not None:
        return None, not_found(request, "cv_builder/shared_gone.html", {"reason": "revoked"}, 410)
    if link.expires_at <= timezone.now():
        return None, not_found(request, "cv_builder/shared_gone.html", {"reason": "expired", "link": link}, 410)
    return link, None


def _private(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    patch_cache_control(response, private=True, no_store=True)
    return response


def shared_view(request, token):
    link, gone = _link_or_page(request, token)
    if gone:
        return _private(gone)
    context = {**document_context(link.cv, token=token), "link": link}
    return _private(render(request, "cv_builder/shared_cv.html", context))


def shared_pdf(request, token):
    link, gone = _link_or_page(request, token)
    if gone:
        return _private(gone)
    return _private(cv_pdf_response(request, link.cv, link.cv.template, share_token=token))


def shared_photo(request, token):
    link, gone = _link_or_page(request, token)
    if gone or not link.cv.photo:
        raise Http404
    return _private(FileResponse(link.cv.photo.open("rb"), content_type="image/jpeg"))
