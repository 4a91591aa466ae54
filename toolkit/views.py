"""Views behind the toolkit's routes: the list, the join form, and feedback on a sheet."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from toolkit.forms import FeedbackForm, JoinForm
from toolkit.listing import build_listing, status_choices, type_choices
from toolkit.models import JoinRequest, ResourceFeedback
from toolkit.rate_limit import count_submission, too_many

JOIN_SESSION_KEY = "toolkit_join_request"
FEEDBACK_SESSION_KEY = "toolkit_feedback"
PRESELECT_PARAMETER = "ressource"


def toolkit_index(request, index_page):
    listing = build_listing(request, index_page)
    context = index_page.get_context(request)
    context.update({"listing": listing, "type_choices": type_choices(), "status_choices": status_choices()})
    return TemplateResponse(request, "toolkit/toolkit_index_page.html", context)


def _refusal(request, form, name):
    """(message, status) when the send is refused before validation, else ("", 200)."""
    if too_many(request, name):
        return (
            _(
                "Too many requests were sent from this connection. Please wait an hour and try again, "
                "or call the network's team."
            ),
            429,
        )
    if form.honeypot_filled:
        count_submission(request, name)
        return (
            _(
                "Your request could not be sent: the field “Leave this field empty” must stay empty. "
                "Empty it and send again."
            ),
            400,
        )
    return "", 200


def _never_cached(response):
    add_never_cache_headers(response)
    return response


def join_view(request, index_page):
    status = 200
    refusal = ""
    if request.method == "POST":
        form = JoinForm(request.POST, index_page=index_page)
        refusal, status = _refusal(request, form, "join")
        if not refusal:
            if form.is_valid():
                count_submission(request, "join")
                join_request = form.save()
                request.session[JOIN_SESSION_KEY] = join_request.pk
                return HttpResponseRedirect(index_page.url + index_page.reverse_subpage("join_thanks"), status=303)
            status = 400
    else:
        form = JoinForm(index_page=index_page, preselected=request.GET.getlist(PRESELECT_PARAMETER))
    context = index_page.get_context(request)
    context.update({"form": form, "refusal": refusal, "chosen": form.chosen_resources()})
    return _never_cached(TemplateResponse(request, "toolkit/join.html", context, status=status))


def join_thanks_view(request, index_page):
    context = index_page.get_context(request)
    reference = request.session.pop(JOIN_SESSION_KEY, None)
    context["reference"] = reference
    join_request = JoinRequest.objects.filter(pk=reference).first() if reference else None
    context["chosen"] = [page.title for page in join_request.wanted.order_by("title")] if join_request else []
    # Shows this visitor's request number: never cached for anyone else.
    return _never_cached(TemplateResponse(request, "toolkit/join_thanks.html", context))


def feedback_view(request, resource):
    status = 200
    refusal = ""
    if request.method == "POST":
        form = FeedbackForm(request.POST, instance=ResourceFeedback(resource=resource))
        refusal, status = _refusal(request, form, "feedback")
        if not refusal:
            if form.is_valid():
                count_submission(request, "feedback")
                form.save()
                request.session[FEEDBACK_SESSION_KEY] = resource.pk
                return HttpResponseRedirect(resource.url + resource.reverse_subpage("feedback_thanks"), status=303)
            status = 400
    else:
        form = FeedbackForm()
    context = {
        "page": resource,
        "self": resource,
        "index_page": resource.get_parent().specific_deferred,
        "form": form,
        "refusal": refusal,
    }
    return _never_cached(TemplateResponse(request, "toolkit/feedback.html", context, status=status))


def feedback_thanks_view(request, resource):
    context = {
        "page": resource,
        "self": resource,
        "index_page": resource.get_parent().specific_deferred,
        "sent": request.session.pop(FEEDBACK_SESSION_KEY, None) == resource.pk,
    }
    return _never_cached(TemplateResponse(request, "toolkit/feedback_thanks.html", context))
