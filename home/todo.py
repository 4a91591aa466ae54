"""The "À faire" panel of the admin dashboard: what needs the user today, from every app.

`home` imports no feature app, so each app registers a *todo provider* (in its AppConfig.ready or
wagtail_hooks): a function `provider(user) -> list[TodoLine]`, each line with a plain-French label,
a count and the URL of the place to act. Providers scope by the user themselves (a staff member's
own centres only) and must run a fixed number of queries whatever the data: the panel and the
menu counts are on every admin page.

`todo_lines(request)` runs every provider once per request (cached on the request), so the panel and
the menu items that show counts (`todo_count(request, key)`) share the same queries.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

_providers = {}


@dataclass(frozen=True)
class TodoLine:
    key: str
    label: str
    count: int
    url: str
    order: int = 100


def register_todo_provider(name, provider, order=100):
    """Idempotent: registering the same name again replaces the provider (tests, autoreload)."""
    _providers[name] = (order, provider)


def todo_lines(request):
    cached = getattr(request, "_todo_lines", None)
    if cached is not None:
        return cached
    lines = []
    user = request.user
    if user.is_authenticated and user.is_active:
        for _order, provider in sorted(_providers.values(), key=lambda item: item[0]):
            lines.extend(line for line in provider(user) if line.count)
    lines.sort(key=lambda line: line.order)
    request._todo_lines = lines
    return lines


def todo_count(request, *keys):
    return sum(line.count for line in todo_lines(request) if line.key in keys)


class TodoPanel(Component):
    name = "todo"
    template_name = "home/admin/todo_panel.html"
    order = 10

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        return {"lines": todo_lines(self.request), "title": _("To do")}


def add_todo_panel(request, panels):
    panels.insert(0, TodoPanel(request))


def label_with_count(label, count):
    """A menu label with what waits there: « Participation (3) »."""
    return f"{label} ({count})" if count else label


QUIET_AFTER_DAYS = 60
MAX_QUIET_CENTRES = 5


def quiet_centres_lines():
    """One query: the centres with nothing published under their page for QUIET_AFTER_DAYS days."""
    from datetime import timedelta

    from django.db.models import OuterRef, Q, Subquery
    from django.urls import reverse
    from django.utils import timezone
    from django.utils.translation import gettext as _
    from wagtail.models import Page

    from home.models import CentrePage

    cutoff = timezone.now() - timedelta(days=QUIET_AFTER_DAYS)
    latest = (
        Page.objects.filter(path__startswith=OuterRef("path"), live=True, last_published_at__isnull=False)
        .order_by("-last_published_at")
        .values("last_published_at")[:1]
    )
    centres = (
        CentrePage.objects.annotate(last_published=Subquery(latest))
        .filter(Q(last_published__lt=cutoff) | Q(last_published__isnull=True))
        .order_by("last_published", "title")
        .only("pk", "title")[:MAX_QUIET_CENTRES]
    )
    lines = []
    for centre in centres:
        if centre.last_published:
            label = _("%(centre)s: nothing published since %(date)s") % {
                "centre": centre.title,
                "date": timezone.localtime(centre.last_published).strftime("%d/%m/%Y"),
            }
        else:
            label = _("%(centre)s: nothing published yet") % {"centre": centre.title}
        lines.append(TodoLine("quiet_centres", label, 1, reverse("wagtailadmin_explore", args=[centre.pk]), order=70))
    return lines
