from django.urls import reverse


def section_url(cv, slug):
    return reverse("cv_builder:section", args=[cv.pk, slug])


def section_post(version, main=None, entries=None, action="", initial=0):
    """POST data of a section form, as the browser sends it."""
    data = {"version": str(version), "action": action}
    for key, value in (main or {}).items():
        data[f"main-{key}"] = value
    if entries is not None:
        data["entries-TOTAL_FORMS"] = str(len(entries))
        data["entries-INITIAL_FORMS"] = str(initial)
        data["entries-MIN_NUM_FORMS"] = "0"
        data["entries-MAX_NUM_FORMS"] = "30"
        for index, entry in enumerate(entries):
            for key, value in entry.items():
                data[f"entries-{index}-{key}"] = value
    return data
