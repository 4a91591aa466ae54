"""The one staff-only Wagtail admin menu item: shown to the people a permission check accepts."""

from wagtail.admin.menu import MenuItem

from home.permissions import is_any_centre_staff


class StaffMenuItem(MenuItem):
    """A menu item shown only when `shown_to(user)` is true (by default: staff of any centre)."""

    def __init__(self, label, url, *, shown_to=is_any_centre_staff, **kwargs):
        self.shown_to = shown_to
        super().__init__(label, url, **kwargs)

    def is_shown(self, request):
        return self.shown_to(request.user)
