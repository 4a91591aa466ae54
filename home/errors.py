"""Error pages that need nothing but the template files: they show when the database is down.

`server_error` is the project's handler500. Django calls it for any uncaught exception, in a view
or in a middleware. A lost database connection becomes a 503 ("come back in a few minutes") with
Retry-After, so the balancer and the visitor both know it is temporary. Nothing here touches the
database, the session or the user, and no traceback is shown (it goes to the logs).
Once the database answers again the next request works: Django opens a fresh connection per
request, and CONN_HEALTH_CHECKS drops a persistent connection that went stale.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader

RETRY_AFTER_SECONDS = 30


def database_is_unreachable(error):
    return isinstance(error, OperationalError | InterfaceError)


def server_error(request):
    error = sys.exc_info()[1]
    if database_is_unreachable(error):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
