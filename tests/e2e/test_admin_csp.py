"""The Wagtail admin must keep working under the site's Content-Security-Policy."""

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.e2e


def test_admin_page_editor_runs_without_csp_violations(desktop_page, live_server, superuser, centre_a):
    messages = []
    desktop_page.on("console", lambda msg: messages.append(msg.text))
    desktop_page.goto(f"{live_server.url}/admin/login/")
    desktop_page.fill("input[name=username]", superuser.username)
    desktop_page.fill("input[name=password]", PASSWORD)
    desktop_page.click("button[type=submit]")
    desktop_page.wait_for_url(f"{live_server.url}/admin/")
    desktop_page.goto(f"{live_server.url}/admin/pages/{centre_a.pk}/edit/")
    # The editor's JavaScript builds the StreamField and the tabs: a CSP block would leave them empty.
    desktop_page.wait_for_selector("[data-streamfield-stream-container], .w-tabs", timeout=10_000)
    assert [text for text in messages if "Content Security Policy" in text] == []
