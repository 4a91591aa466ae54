"""The cover-letter editor's steps: which form each one uses, how it reads and writes the letter's `data`.

A step has the interface of a CV editor section (cv_builder/sections/base.py) where the CV machinery
needs it: `build(data)` returns (form, formset) for the conflict page (cv_builder/conflict.py), and
`snapshot(data)` tells whether two saves overlap (cv_builder/versions.py `base_record`).
"""

from dataclasses import dataclass, field, replace

from django.utils.translation import gettext_lazy as _

from ..models.letter import OFFER, SPONTANEOUS
from . import forms as f


def cv_choices(cv_data):
    """(experiences, skills) of the CV as checkbox choices; the value is the text the letter prints."""
    work = []
    for item in cv_data.get("work") or ():
        label = " chez ".join(part for part in (item.get("position", ""), item.get("name", "")) if part)
        if label:
            work.append((label, label))
    skills = [(item["name"], item["name"]) for item in cv_data.get("skills") or () if item.get("name")]
    return work, skills


@dataclass
class Step:
    slug: str
    title: str
    intro: str
    form_class: type
    examples: dict = field(default_factory=dict)  # kind -> [example sentences]
    entry_label: str = ""
    cv_data: dict | None = None

    @property
    def keys(self):
        return tuple(self.form_class.base_fields)

    def for_cv(self, cv):
        """This step with the CV the letter goes with (its experiences and skills are choices)."""
        return replace(self, cv_data=cv.data)

    def form_kwargs(self, data):
        if self.form_class is not f.AssetsForm:
            return {}
        work, skills = cv_choices(self.cv_data or {})
        # Items picked earlier stay choosable even if the CV changed since.
        work += [(value, value) for value in data.get("work", ()) if (value, value) not in work]
        skills += [(value, value) for value in data.get("skills", ()) if (value, value) not in skills]
        return {"work_choices": work, "skill_choices": skills}

    def build(self, data, post=None):
        initial = {key: data[key] for key in self.keys if key in data}
        if self.slug == "offre":
            initial.setdefault("kind", OFFER)
        if self.slug == "formule":
            initial.setdefault("closing", "distinguees")
            city = ((self.cv_data or {}).get("basics") or {}).get("location", {}).get("city", "")
            if city:
                initial.setdefault("place", city)
        form = self.form_class(post, initial=initial, prefix="main", **self.form_kwargs(data))
        if self.form_class is f.AssetsForm:
            for name in ("work", "skills"):
                if not form.fields[name].choices:
                    del form.fields[name]  # nothing in the CV to pick: no empty group of boxes
            form.nothing_to_pick = "work" not in form.fields and "skills" not in form.fields
        return form, None

    def read(self, data, post):
        """(form, new data) from a POST; new data is None when the form is invalid."""
        form, _formset = self.build(data, post)
        if not form.is_valid():
            return form, None
        new_data = {**data}
        for key in self.keys:
            value = form.cleaned_data.get(key)
            if isinstance(value, str):
                value = value.strip()
            if value in ("", None, []):
                new_data.pop(key, None)
            else:
                new_data[key] = value
        new_data.setdefault("kind", OFFER)
        return form, new_data

    def snapshot(self, data):
        return {key: data.get(key) for key in self.keys}

    def restore(self, current, old):
        restored = {key: value for key, value in current.items() if key not in self.keys}
        restored.update({key: old[key] for key in self.keys if key in old})
        return restored

    def is_done(self, data):
        return any(data.get(key) for key in self.keys if key != "kind")

    def examples_for(self, kind):
        return self.examples.get(kind) or self.examples.get(OFFER, [])


STEPS = [
    Step(
        "offre",
        _("The offer"),
        _("Which company do you write to, and for which job? Answer to an offer, or write without one."),
        f.OfferForm,
    ),
    Step(
        "motivation",
        _("Why this job"),
        _("Tell the employer why you want this job, and why at their place."),
        f.MotivationForm,
        examples={
            OFFER: [
                _("I have liked working with the public for years, and your shop is known in the neighbourhood."),
                _("This job matches what I learnt in my training, and I want to keep going in this trade."),
            ],
            SPONTANEOUS: [
                _("I know your company through its work in the neighbourhood, and I would like to join it."),
                _("I am looking for a job near home, and your team often hires people who want to learn."),
            ],
        },
    ),
    Step(
        "atouts",
        _("What I bring"),
        _("Tick what, in your CV, is useful for this job. Add a sentence in your own words if you wish."),
        f.AssetsForm,
        examples={
            OFFER: [
                _("In my last job, I cleaned offices on my own and managed the stock of products."),
                _("I am on time, I like work done well, and I get on well in a team."),
            ],
        },
    ),
    Step(
        "souhaits",
        _("What I want"),
        _("When can you start, and which contract are you looking for?"),
        f.WishesForm,
    ),
    Step(
        "formule",
        _("Closing and signature"),
        _("Choose how to end the letter. Your name, from the CV, signs it."),
        f.ClosingForm,
    ),
]
STEPS_BY_SLUG = {step.slug: step for step in STEPS}


def neighbours(step):
    index = next(i for i, item in enumerate(STEPS) if item.slug == step.slug)
    previous = STEPS[index - 1] if index > 0 else None
    following = STEPS[index + 1] if index + 1 < len(STEPS) else None
    return previous, following


def progress(data):
    return [(step, step.is_done(data)) for step in STEPS]
