"""The ceiling: a WSGI app that does nothing but answer, served by the same gunicorn as the site.

Its body has the size of the page it is compared with (BARE_BODY_BYTES), so both move the same bytes.
"""

import os

BODY = b"x" * int(os.environ.get("BARE_BODY_BYTES", "20000"))
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
