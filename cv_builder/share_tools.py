"""What the share page offers for each link: SMS and e-mail addresses prefilled with the link, and a QR code."""

from urllib.parse import quote

import segno
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from home.french_words import of_name


def qr_svg(url):
    """An inline SVG QR code of `url`, to show on the screen for a counsellor's phone to scan."""
    svg = segno.make(url, error="m").svg_inline(scale=4, border=2, dark="#000", light="#fff", svgclass="cv-qr")
    label = escape(_("QR code of the link"))
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))  # noqa: S308 - segno's own markup


def share_targets(url, name):
    body = _("Here is my CV: %(url)s") % {"url": url}
    subject = _("CV %(of_name)s") % {"of_name": of_name(name)} if name else _("My CV")
    return {
        # "sms:?&body=" is understood by both Android and iPhone messaging apps.
        "sms": f"sms:?&body={quote(body)}",
        "mailto": f"mailto:?subject={quote(subject)}&body={quote(body)}",
        "qr": qr_svg(url),
    }
