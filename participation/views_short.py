"""`/vote/`: the short address printed on voting-code cards, easy to type on a cheap keyboard.

It asks for the code, finds the workshop from the code's first four characters (stored in clear,
unique across workshops) and hands the request to that workshop's own code page, which checks the
code, its revocation and the rate limits as usual.
"""

from django.shortcuts import render
from django.utils.translation import gettext as _

from participation import guessing
from participation.forms import CodeForm
from participation.models import VotingCode, WorkshopPage
from participation.models.codes import LOOKUP_LENGTH, normalise_code
from participation.views_codes import enter_code


def vote_with_code(request):
    status = 200
    if request.method == "POST":
        form = CodeForm(request.POST)
        if guessing.short_address_blocked(request):
            form.is_valid()
            form.add_error(
                "code", _("Too many wrong codes were tried. Wait a quarter of an hour, or ask the centre's team.")
            )
            status = 429
        elif form.is_valid():
            code = normalise_code(form.cleaned_data["code"])
            workshop_id = None
            if code is not None:
                workshop_id = (
                    VotingCode.objects.filter(
                        lookup=code[:LOOKUP_LENGTH],
                        workshop__live=True,
                        workshop__voters__in=[WorkshopPage.Voters.CODES, WorkshopPage.Voters.BOTH],
                    )
                    .values_list("workshop_id", flat=True)
                    .first()
                )
            if workshop_id is not None:
                return enter_code(request, workshop_id)
            guessing.record_short_address_failure(request)
            form.add_error("code", _("This code is not valid. Check each character and try again."))
            status = 400
        else:
            status = 400
    else:
        form = CodeForm(initial={"code": request.GET.get("code", "")[:20]})
    return render(request, "participation/vote_short.html", {"form": form}, status=status)
