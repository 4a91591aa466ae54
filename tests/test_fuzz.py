"""Fuzz every form and query string of the project with hostile text: no answer is ever a 500,
and a refused request (4xx) saves nothing.

The targets come from walking the project's URL patterns (plus the Wagtail pages that carry
forms). Each target is requested as the roles that can reach it (anonymous, resident, jobseeker,
centre staff, superuser); the fields posted are those of the forms on its page. Hypothesis draws
the hostile values: NUL bytes, lone surrogates, right-to-left overrides, 100,000 characters,
emoji, latin-1 bodies. A fixed, derandomised budget per target keeps the whole run short.
"""

from datetime import timedelta
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from wagtail.models import Site

from cv_builder.models import CV, CentreShare, ShareLink
from home.models import NetworkSettings
from participation.models import VotingCode
from tests.conftest import make_user
from tests.participation.conftest import make_proposal, make_workshop
from toolkit.models import ToolkitIndexPage

PROJECT_MODULES = ("home.", "accounts.", "participation.", "cv_builder.", "toolkit.", "allauth.account.")
PROJECT_APPS = ("home", "accounts", "participation", "cv_builder", "toolkit")
# Ends the session the fuzzing runs in; nothing to fuzz.
NOT_FUZZED = {"account_logout"}
GENERIC_FIELDS = ["title", "name", "q", "code", "batch", "centre", "person", "action", "version", "reason", "count"]
ROLES = ("resident", "staff", "superuser", "jobseeker", "anonymous")
LOGIN_PATHS = ("/compte/login/", "/admin/login/")


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            module = getattr(entry.callback, "__module__", "") + "."
            if module.startswith(PROJECT_MODULES):
                yield f"{namespace}{entry.name}"


URL_NAMES = sorted(set(_walk(get_resolver().url_patterns)) - NOT_FUZZED)
PAGE_TARGETS = ["page:home", "page:centre", "page:workshop", "page:toolkit", "page:toolkit-join"]


# --- the world the fuzzing runs in ---------------------------------------------------------------
@pytest.fixture
def world(db, home_page, centre_a, staff_a, resident, superuser):
    NetworkSettings.for_site(Site.objects.get(is_default_site=True))  # made on first page view otherwise
    jobseeker = make_user("chercheuse", display_name="Awa", created_by=staff_a)
    cv = CV.objects.create(owner=resident, title="Mon CV", data={"basics": {"name": "Samia"}, "work": [{"name": "A"}]})
    shared = CV.objects.create(owner=jobseeker, title="CV Awa", data={"basics": {"name": "Awa"}})
    share = CentreShare.objects.create(cv=cv, centre=centre_a)
    CentreShare.objects.create(cv=shared, centre=centre_a)
    link = ShareLink.objects.create(cv=cv, expires_at=timezone.now() + timedelta(days=7))
    voting = make_workshop(centre_a, "voting")
    proposal = make_proposal(voting)
    VotingCode.create_batch(voting, 2, batch="Marché")
    proposals = make_workshop(centre_a, "proposals")
    toolkit = home_page.add_child(instance=ToolkitIndexPage(title="Boîte à outils", slug="boite-a-outils"))
    users = {"resident": resident, "staff": staff_a, "superuser": superuser, "jobseeker": jobseeker}
    return {
        "users": users,
        "cv": cv,
        "share": share,
        "link": link,
        "voting": voting,
        "proposals": proposals,
        "proposal": proposal,
        "pages": {
            "page:home": home_page.url,
            "page:centre": centre_a.url,
            "page:workshop": voting.url,
            "page:toolkit": toolkit.url,
            "page:toolkit-join": toolkit.url + "rejoindre/",
        },
    }


def _path_of(name, world):
    if name in world["pages"]:
        return world["pages"][name]
    namespace = name.rpartition(":")[0]
    by_param = {
        "proposal_pk": world["proposal"].pk,
        "history_id": world["cv"].history.first().history_id,
        "link_id": world["link"].pk,
        "share_id": world["share"].pk,
        "token": world["link"].token,
        "reference": world["proposal"].reference,
        "slug": "experience",
        "key": "x-y",
        "uidb36": "1",
    }
    pk = {
        "cv_builder": world["cv"].pk,
        "participation": world["proposals"].pk,
        "participation_admin": world["voting"].pk,
        "accounts": world["users"]["jobseeker"].pk,
    }.get(namespace, 1)
    if name == "participation_admin:proposal":
        pk = world["proposal"].pk
    for params in _param_sets(name):
        try:
            return reverse(name, kwargs={p: (pk if p == "pk" else by_param.get(p, "1")) for p in params})
        except Exception:  # noqa: BLE001, S112  (another set of parameters of the same name)
            continue
    return None


def _param_sets(name):
    namespace, _sep, short = name.rpartition(":")
    resolver = get_resolver()
    for part in filter(None, namespace.split(":")):
        resolver = resolver.namespace_dict[part][1]
    sets = [params for possibilities, *_rest in resolver.reverse_dict.getlist(short) for _fmt, params in possibilities]
    return sets or [[]]


# --- what a page offers ----------------------------------------------------------------------------
class FormFields(HTMLParser):
    """(method, action, [field names]) of every form of a page."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(((attrs.get("method") or "get").lower(), attrs.get("action") or "", []))
        elif tag in {"input", "textarea", "select"} and self.forms and attrs.get("name"):
            if attrs.get("type") not in {"submit", "file", "button", "image"}:
                self.forms[-1][2].append(attrs["name"])


def _forms(response, url):
    if "html" not in response.get("Content-Type", ""):
        return []
    parser = FormFields()
    parser.feed(response.content.decode("utf-8", "replace"))
    own = urlsplit(url).path
    found = []
    for method, action, fields in parser.forms:
        target = urlsplit(urljoin(url, action)).path if action else own
        if target == own and fields:
            found.append((method, [f for f in fields if f != "csrfmiddlewaretoken"]))
    return found


def _client(world, role):
    client = Client(raise_request_exception=False)
    if role != "anonymous":
        client.force_login(world["users"][role])
    return client


def _reachable(response):
    if response.status_code in {401, 403, 404, 410}:
        return False
    return not (response.status_code == 302 and response["Location"].startswith(LOGIN_PATHS))


def _plan(name, world):
    """[(role, client, url, forms)]: every role GETs the target; the first that reaches it is fuzzed."""
    url = _path_of(name, world)
    assert url is not None, f"could not build a URL for {name}"
    plan = []
    for role in ROLES:
        client = _client(world, role)
        response = client.get(url)
        assert response.status_code < 500, (name, role, response.status_code)
        if _reachable(response) and not plan:
            # Fuzzed as the first role that reaches it (the others' GETs above are checked too).
            plan.append((role, client, url, _forms(response, url)[:2]))
    return plan or [("staff", _client(world, "staff"), url, [])]


# --- nothing saved -----------------------------------------------------------------------------------
def _fingerprint_sql():
    """One query: row count and latest change of every project model (and the users, pages, images)."""
    models = [m for label in PROJECT_APPS for m in apps.get_app_config(label).get_models()]
    models += [apps.get_model("wagtailcore", "Page"), apps.get_model("wagtailimages", "Image")]
    parts = []
    for model in models:
        if model._meta.proxy:
            continue
        table = connection.ops.quote_name(model._meta.db_table)
        parts.append(f"(SELECT COUNT(*) FROM {table})")
        for field in model._meta.concrete_fields:
            if field.name in {"updated_at", "revoked_at", "version", "password", "last_login"}:
                parts.append(f"(SELECT MAX({connection.ops.quote_name(field.column)}) FROM {table})")
    return "SELECT " + ", ".join(parts)


def fingerprint():
    with connection.cursor() as cursor:
        cursor.execute(_fingerprint_sql())
        return cursor.fetchone()


# --- hostile text -----------------------------------------------------------------------------------
SPECIALS = [
    "\x00",
    "a\x00b",
    "\ud800",
    "x\udfffy",
    "\u202egnp.exe",
    "😀" * 40,
    "A" * 100_000,
    "é",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "-1",
    "99999999999999999999999",
    "NaN",
    "[" * 300,
    "{{ 7|add:7 }}",
    "%00",
    "",
]
hostile_text = st.one_of(
    st.sampled_from(SPECIALS),
    st.text(max_size=30),
    st.text(st.characters(categories=["Cs", "Cc", "Cf"]), min_size=1, max_size=8),
)


def _encode(value, charset):
    raw = value.encode("latin-1", "replace") if charset == "latin-1" else value.encode("utf-8", "surrogatepass")
    return quote(raw, safe="")


def _body(fields, value, charset):
    return "&".join(f"{quote(field)}={_encode(value, charset)}" for field in fields).encode("ascii")


def _send(client, url, method, fields, value, charset):
    if method == "get":
        query = _body(fields or ["q", "page"], value, "utf-8").decode()
        return client.generic("GET", f"{url}?{query}")
    content_type = "application/x-www-form-urlencoded" + ("; charset=latin-1" if charset == "latin-1" else "")
    return client.generic("POST", url, _body(fields or GENERIC_FIELDS, value, charset), content_type=content_type)


FUZZ = settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize("target", URL_NAMES + PAGE_TARGETS)
def test_hostile_input_never_gets_a_500_and_refusals_save_nothing(world, target):
    plan = _plan(target, world)

    @FUZZ
    @given(value=hostile_text, charset=st.sampled_from(["utf-8", "latin-1"]))
    @example(value="a\x00b", charset="utf-8")
    @example(value="\ud800", charset="utf-8")
    @example(value="Café", charset="latin-1")
    def fuzz(value, charset):
        for role, client, url, forms in plan:
            requests = forms or [("get", []), ("post", [])]
            for method, fields in requests:
                before = fingerprint()
                response = _send(client, url, method, fields, value, charset)
                assert response.status_code < 500, (target, role, method, fields, repr(value[:40]), charset)
                if response.status_code >= 400:
                    assert fingerprint() == before, (target, role, method, repr(value[:40]), response.status_code)

    fuzz()


def test_the_fuzzing_reaches_the_project_forms():
    """The walk finds the forms this file is about (a refactoring of the URL tree must not empty it)."""
    for name in ("cv_builder:import", "cv_builder:section", "participation:submit", "participation:code"):
        assert name in URL_NAMES
    assert "accounts:desk_create" in URL_NAMES and "participation_admin:revoke_batch" in URL_NAMES
