"""A paper proposal typed in by staff *in the name of an account*: only under that person's consent.

Without an account named, a paper proposal stays anonymous ("on behalf of" is free text) and
needs no consent. With one, the person must have given the workshop's centre a current consent
for the task "proposal"; the proposal then counts as theirs and the person's journal shows it.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from accounts.consent import Action, Task, has_consent, record_action
from participation.forms import PaperProposalForm


class OnBehalfProposalForm(PaperProposalForm):
    account = forms.CharField(
        label=_("Account of the person (optional)"),
        max_length=150,
        required=False,
        help_text=_(
            "Exact username, only if the person has an account and gave your centre consent to type "
            "proposals in their name. Leave empty otherwise."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}),
    )

    def __init__(self, *args, centre, **kwargs):
        self.centre = centre
        self.consent_refused = False
        super().__init__(*args, **kwargs)

    def clean_account(self):
        username = (self.cleaned_data.get("account") or "").strip()
        if not username:
            return None
        person = get_user_model().objects.filter(username__iexact=username, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("No account has this exact username. Leave the field empty if unsure."))
        if not has_consent(person, self.centre, Task.PROPOSAL):
            self.consent_refused = True
            raise forms.ValidationError(
                _("This person has not given your centre consent to type proposals in their name.")
            )
        return person


def journal_proposal(staff, proposal, person, centre):
    record_action(staff, person, centre, Action.PROPOSAL_ENTERED, target=f"{proposal.reference} — {proposal.title}")
