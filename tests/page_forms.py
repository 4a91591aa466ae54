"""Form data for Wagtail's page add and edit views, as the admin's own form posts it."""

from wagtail.test.utils.form_data import nested_form_data, streamfield


def news_form(**fields):
    """A news article published at once; `fields` replace the defaults."""
    data = {
        "title": "Repair café du samedi",
        "slug": "",
        "date": "2026-12-05",
        "intro": "Venez réparer.",
        "image": "",
        "image_alt": "",
        "body": streamfield([]),
        "action-publish": "publish",
    }
    data.update(fields)
    return nested_form_data(data)
