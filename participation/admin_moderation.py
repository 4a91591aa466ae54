"""One proposal in the admin: Wagtail's `EditView` of the proposals viewset, whose form is the
outcome and official answer, plus the moderation decision (publish, refuse, dismiss the reports);
and the form for a proposal collected on paper. The rules are the model's (Proposal.publish/refuse/answer).
"""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic import EditView, WagtailAdminTemplateMixin

from home.history import readable_history
from home.page_cache import invalidate_page_cache
from participation.admin_scope import WorkshopScopedMixin, another_centre
from participation.forms import ModerationForm, OutcomeForm
from participation.models import Proposal
from participation.on_behalf import OnBehalfProposalForm, journal_proposal
from participation.reports import dismiss_reports


class ProposalEditView(EditView):
    form_class = OutcomeForm
    template_name = "participation/admin/proposal.html"
    error_message = gettext_lazy("Nothing was saved: see what to correct below.")

    def get_queryset(self):
        return Proposal.objects.select_related("workshop", "workshop__centre", "author", "entered_by")

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self.user_has_permission_for_instance("change", self.object):
            return another_centre(request)
        self.moderation_form = ModerationForm(request.POST if "mod-action" in request.POST else None, prefix="mod")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())  # the object is already loaded

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "prefix": "out"}

    def get_page_title(self):
        return self.object.reference

    def get_page_subtitle(self):
        return self.object.title

    def post(self, request, *args, **kwargs):
        if "mod-action" not in request.POST:
            return super().post(request, *args, **kwargs)
        if not self.moderation_form.is_valid():
            self.form = OutcomeForm(instance=self.object, prefix="out")  # not sent: no errors on it
            return self.render_to_response(self.get_context_data(), status=400)
        proposal, data = self.object, self.moderation_form.cleaned_data
        if data["action"] == "dismiss":
            dismiss_reports(proposal, request.user)
            messages.success(request, _("Reports dismissed for %(ref)s.") % {"ref": proposal.reference})
        else:
            if data["action"] == "publish":
                proposal.publish(request.user)
            else:
                proposal.refuse(request.user, data["reason"])
            invalidate_page_cache()
            messages.success(request, _("Decision saved for %(ref)s.") % {"ref": proposal.reference})
        return redirect(self.get_success_url())

    def save_instance(self):
        data = self.form.cleaned_data
        self.object.answer(self.request.user, data["outcome"], data["official_answer"])
        invalidate_page_cache()
        return self.object

    def get_success_message(self):
        return _("Outcome saved for %(ref)s.") % {"ref": self.object.reference}

    def get_success_buttons(self):
        return []  # the success page is this page

    def get_success_url(self):
        return reverse("participation_admin:proposal", args=[self.object.pk])

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        records = self.object.history.select_related("history_user").order_by("-history_date", "-history_id")
        context.update(
            proposal=self.object,
            moderation_form=self.moderation_form,
            outcome_form=context["form"],
            history=readable_history(records, Proposal),
            reports=self.object.reports.select_related("reporter").order_by("-created_at"),
        )
        return context


class PaperProposalView(WorkshopScopedMixin, WagtailAdminTemplateMixin, FormView):
    """A proposal collected on paper, typed in by the staff (for an account, with its consent)."""

    form_class = OnBehalfProposalForm
    template_name = "participation/admin/form.html"

    def get_page_title(self):
        return _("Type in a paper proposal")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "centre": self.workshop.centre or self.workshop.find_centre()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(multipart=True, **kwargs)

    def form_valid(self, form):
        proposal = form.save(commit=False)
        proposal.workshop, proposal.on_paper, proposal.entered_by = self.workshop, True, self.request.user
        proposal._history_user = self.request.user
        person = form.cleaned_data.get("account")
        if person is not None:
            proposal.author = person
        with transaction.atomic():
            proposal.save()
            if person is not None:
                journal_proposal(self.request.user, proposal, person, form.centre)
        messages.success(self.request, _("Paper proposal saved with reference %(ref)s.") % {"ref": proposal.reference})
        return redirect("participation_admin:proposal", pk=proposal.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=403 if form.consent_refused else 400)
