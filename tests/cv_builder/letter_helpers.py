from django.urls import reverse


def step_url(letter, slug):
    return reverse("cv_builder:letter_step", args=[letter.pk, slug])


def step_post(version, action="", **fields):
    """POST data of a letter step, as the browser sends it (lists for checkboxes)."""
    data = {"version": str(version), "action": action}
    for key, value in fields.items():
        data[f"main-{key}"] = value
    return data
