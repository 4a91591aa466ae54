"""Browser journeys in headless Chromium (Debian's package) driven by Playwright.

Skipped where Chromium is absent, except when REQUIRE_BROWSER_TESTS is set (CI), where a
missing browser is a failure. Tests use pytest-django's `live_server`.
"""

import io
import os
import shutil
import threading

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread


class OneRequestAtATimeServer(ThreadedWSGIServer):
    """The live server, answering one request at a time.

    On SQLite the test database lives in memory, as one connection that the server's threads
    share: two requests at once (a page and its pictures, say) break it ("bad parameter or other
    API misuse"). Connections are still accepted by threads, so a browser's idle keep-alive
    connection never blocks the others; only the application's work is serialised.
    """

    application_lock = threading.Lock()

    def set_app(self, application):
        def one_at_a_time(environ, start_response):
            with self.application_lock:
                response = application(environ, start_response)
                try:
                    return list(response)
                finally:
                    close = getattr(response, "close", None)
                    if close:
                        close()

        super().set_app(one_at_a_time)


LiveServerThread.server_class = OneRequestAtATimeServer

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


def chromium_path():
    for candidate in (os.environ.get("CHROMIUM_PATH"), *CHROMIUM_CANDIDATES, shutil.which("chromium")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("REQUIRE_BROWSER_TESTS"):
            pytest.fail("Chromium is required for browser tests here (apt-get install chromium).")
        pytest.skip("Chromium is not installed: browser tests skipped (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls the tests
    # make themselves are still plain synchronous calls, so Django's guard is lifted.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser context per test, phone-sized by default (360 px wide)."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo(live_server):
    """The full demo (the seeders of every app), as a resident would see it."""
    from wagtail.models import Locale, Page

    from home.management.commands.seed_demo import demo_modules

    # A transactional test before this one flushed the rows Wagtail's migrations made.
    Locale.objects.get_or_create(language_code="fr")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    for module in demo_modules():
        module.seed(io.StringIO())


def log_in(page, live_server, username, password):
    page.goto(f"{live_server.url}/compte/login/")
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
