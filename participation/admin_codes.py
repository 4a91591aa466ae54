"""A workshop's voting codes: print a batch (a PDF, once), revoke one code or a whole batch after a
confirmation page saying what will be lost. Scoped like every workshop screen (admin_scope)."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from participation.admin_paper import codes_pdf_response
from participation.admin_scope import WorkshopScopedMixin, WorkshopView
from participation.forms import CodeBatchForm, RevokeCodeForm
from participation.models import VotingCode
from participation.models.codes import normalise_code


class GenerateCodesView(WorkshopScopedMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        form = CodeBatchForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose between 1 and 400 codes."))
            return redirect("participation_admin:workshop", pk=pk)
        batch = form.cleaned_data["batch"] or timezone.localtime().strftime("%d/%m/%Y %H:%M")
        with transaction.atomic():
            count = form.cleaned_data["count"]
            codes = VotingCode.create_batch(self.workshop, count, batch=batch, created_by=request.user)
        return codes_pdf_response(request, self.workshop, codes, batch, per_page=int(form.cleaned_data["per_page"]))


class RevokeView(WorkshopView):
    """GET (the form on the workshop page): what will be lost, and one button; POST: revoke."""

    template_name = "participation/admin/confirm.html"

    def get(self, request, pk):
        return self.render_to_response(self.get_context_data(action=request.path))

    def back(self):
        return redirect("participation_admin:workshop", pk=self.workshop.pk)


def _code_lookup(raw):
    full = normalise_code(raw)
    return (full or "".join(ch for ch in (raw or "").upper() if ch.isalnum()))[:4]


class RevokeCodeView(RevokeView):
    def dispatch(self, request, *args, **kwargs):
        form = RevokeCodeForm(request.POST if request.method == "POST" else request.GET)
        self.lookup = _code_lookup(form.cleaned_data["code"]) if form.is_valid() else None
        return super().dispatch(request, *args, **kwargs)

    def none_active(self):
        message = _("No active code of this workshop starts with %(start)s.") % {"start": self.lookup}
        messages.error(self.request, message)
        return self.back()

    def active(self):
        return VotingCode.objects.filter(workshop=self.workshop, lookup=self.lookup, revoked_at__isnull=True)

    def get(self, request, pk):
        if self.lookup is None:
            messages.error(request, _("Type the first four characters of the code to revoke."))
            return self.back()
        self.code = self.active().first()
        if self.code is None:
            return self.none_active()
        return super().get(request, pk)

    def get_page_title(self):
        return _("Revoke the code %(start)s?") % {"start": self.lookup}

    def get_context_data(self, **kwargs):
        lost = [
            _("The code starting with %(start)s (batch “%(batch)s”) will no longer let anyone vote.")
            % {"start": self.lookup, "batch": self.code.batch or "—"},
            _("Supports already given with it stay counted."),
            _("It cannot be undone, and a revoked code cannot be printed again."),
        ]
        return super().get_context_data(lost=lost, hidden={"code": self.lookup}, **kwargs)

    def post(self, request, pk):
        if self.lookup is None:
            messages.error(request, _("Type the first four characters of the code to revoke."))
            return self.back()
        updated = 0
        for code in self.active():
            code.revoked_at = timezone.now()
            code.save(update_fields=["revoked_at"])
            updated += 1
        if updated:
            messages.success(request, _("The code starting with %(start)s is revoked.") % {"start": self.lookup})
            return self.back()
        return self.none_active()


class RevokeBatchView(RevokeView):
    """A revoked batch stays listed on the workshop page, marked revoked."""

    def dispatch(self, request, *args, **kwargs):
        self.batch = (request.POST if request.method == "POST" else request.GET).get("batch", "")
        return super().dispatch(request, *args, **kwargs)

    def active(self):
        return VotingCode.objects.filter(workshop=self.workshop, batch=self.batch, revoked_at__isnull=True)

    def get_page_title(self):
        return _("Revoke the batch “%(batch)s”?") % {"batch": self.batch or "—"}

    def get(self, request, pk):
        count = self.active().count()
        lost = [
            _("%(n)d codes of the batch “%(batch)s” that have not been revoked yet will no longer let anyone vote.")
            % {"n": count, "batch": self.batch or "—"},
            _("Supports already given with them stay counted; the batch stays in the list, marked revoked."),
            _("It cannot be undone: codes are printed once and cannot be printed again."),
        ]
        context = self.get_context_data(action=request.path, lost=lost, hidden={"batch": self.batch})
        return self.render_to_response(context, status=200 if count else 404)

    def post(self, request, pk):
        updated = self.active().update(revoked_at=timezone.now())
        messages.success(request, _("%(n)d codes revoked.") % {"n": updated})
        return self.back()


def urlpatterns(workshop):
    return [
        path(f"{workshop}codes/", GenerateCodesView.as_view(), name="generate_codes"),
        path(f"{workshop}codes/revoquer/", RevokeCodeView.as_view(), name="revoke_code"),
        path(f"{workshop}codes/revoquer-lot/", RevokeBatchView.as_view(), name="revoke_batch"),
    ]
