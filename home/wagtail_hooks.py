from wagtail import hooks

from home.page_cache import serve_with_page_cache


# Registered late so that it runs inside Wagtail's own checks (view restrictions, privacy):
# a visitor is always checked before a cached page is handed out.
@hooks.register("on_serve_page", order=100)
def anonymous_page_cache(serve):
    return serve_with_page_cache(serve)
