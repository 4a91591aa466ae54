"""Share in one tap: copy, SMS, e-mail and a QR code of the link; stopping it is apart, behind a confirmation."""

import re
from urllib.parse import quote, unquote

import pytest
import segno
from django.urls import reverse

from .test_sharing import create_link

pytestmark = pytest.mark.django_db


def test_share_page_offers_copy_sms_email_and_qr_of_the_link(owner_client, cv):
    link = create_link(owner_client, cv)
    page = owner_client.get(reverse("cv_builder:share", args=[cv.pk])).content.decode()
    url = f"http://testserver/mon-cv/partage/{link.token}/"
    assert f'<textarea id="lien-{link.pk}" readonly rows="3" class="cv-link-input">{url}</textarea>' in page
    assert "Copier le lien" in page and "js/cv_share.js" in page
    sms = re.search(r'href="(sms:[^"]+)"', page)[1]
    assert unquote(sms.replace("&amp;", "&")) == f"sms:?&body=Voici mon CV : {url}"
    mailto = re.search(r'href="(mailto:[^"]+)"', page)[1].replace("&amp;", "&")
    assert mailto.startswith("mailto:?subject=" + quote("CV de Samia Benaïssa")) and quote(url, safe="") in quote(
        unquote(mailto), safe=""
    )
    # The QR code is the one of this very link (same modules as segno draws for the URL).
    expected = re.search(r' d="([^"]+)"', segno.make(url, error="m").svg_inline(scale=4, border=2))[1]
    assert f'd="{expected}"' in page and 'role="img" aria-label="QR code du lien"' in page


def test_stop_button_sits_apart_behind_a_confirmation(owner_client, cv):
    link = create_link(owner_client, cv)
    page = owner_client.get(reverse("cv_builder:share", args=[cv.pk])).content.decode()
    revoke = reverse("cv_builder:link_revoke", args=[cv.pk, link.pk])
    details = page.split('<details class="cv-danger-zone">')[1].split("</details>")[0]
    assert "Arrêter ce lien…" in details and f'action="{revoke}"' in details
    assert page.count(f'action="{revoke}"') == 1
    assert page.index("Envoyer par SMS") < page.index('<details class="cv-danger-zone">')
    owner_client.post(revoke)
    link.refresh_from_db()
    assert link.revoked_at is not None
    assert "sms:" not in owner_client.get(reverse("cv_builder:share", args=[cv.pk])).content.decode()
