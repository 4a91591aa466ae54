"""The Wagtail admin must keep working under the site's Content-Security-Policy."""

import pytest

from tests.conftest import PASSWORD
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e


def test_admin_page_editor_runs_without_csp_violations(desktop_page, live_server, superuser, centre_a):
    messages = []
    desktop_page.on("console", lambda msg: messages.append(msg.text))
    log_in(desktop_page, live_server, superuser.username, PASSWORD)
    desktop_page.goto(f"{live_server.url}/admin/pages/{centre_a.pk}/edit/")
    # The editor's JavaScript builds the StreamField and the tabs: a CSP block would leave them empty.
    desktop_page.wait_for_selector("[data-streamfield-stream-container], .w-tabs", timeout=10_000)
    assert [text for text in messages if "Content Security Policy" in text] == []
