"""The page explorer of a centre's staff member at 320 px: the "add a page" button is written out
("Ajouter une page ici"), visible, and the page passes axe like the other admin screens."""

import re

import pytest

from home.models import CentrePage
from tests.e2e.test_accessibility import STAFF, Audit


@pytest.mark.usefixtures("demo")
def test_the_explorer_add_button_is_written_out_at_320px(page, live_server):
    centre = CentrePage.objects.get(slug="belencontre")
    audit = Audit(page, live_server, width=320)
    audit.log_in(*STAFF)
    audit.visit("page explorer of a centre", f"/admin/pages/{centre.pk}/")
    button = page.get_by_role("link", name="Ajouter une page ici")
    assert button.is_visible()
    box = button.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    button.click()
    # Wagtail's choice of page type (or straight to the form when only one type fits).
    page.wait_for_url(re.compile(rf"/admin/pages/({centre.pk}/add_subpage/|add/)"))
    audit.assert_clean()
