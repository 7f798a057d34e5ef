"""Error pages in the site's style: every 4xx/5xx a visitor can meet, never a bare page.

The 500 and 503 pages render without the request's context processors, so they still
render when whatever broke (often the database) is what those would touch.
"""

import contextlib
import logging
import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template import loader
from psycopg_pool import PoolTimeout

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
DATABASE_UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)
PAGE_STATUSES = {400, 403, 404, 405, 500, 503}


def error_page(status, request=None, *, template=None, context=None):
    """An HTML response for `status`, rendered from `<status>.html`."""
    body = loader.get_template(template or f"{status}.html").render(context or {}, request)
    response = HttpResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


def database_unavailable(request, exception):
    logger.warning("Database unavailable (%s): %s answered 503", exception, request.path)
    restart_connection_pool_after(exception)
    response = error_page(503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def restart_connection_pool_after(exception):
    """psycopg's pool retries a lost server with exponential backoff (1, 2, 4... s):
    a new pool tries at once, so the site is back as soon as the database is."""
    if isinstance(exception.__cause__, PoolTimeout):
        with contextlib.suppress(KeyError):  # another thread closed it first
            connection.close_pool()


def is_database_unavailable(exception):
    return isinstance(exception, DATABASE_UNAVAILABLE_ERRORS)


def bad_request(request, exception):
    return error_page(400, request)


def permission_denied(request, exception):
    return error_page(403, request)


def page_not_found(request, exception):
    return error_page(404, request)


def server_error(request):
    """handler500; also reached when middleware, not a view, hit a database outage."""
    exception = sys.exception()
    if is_database_unavailable(exception):
        return database_unavailable(request, exception)
    return error_page(500)


def csrf_failure(request, reason=""):
    return error_page(403, request, template="403_csrf.html")
