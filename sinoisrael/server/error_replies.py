"""gunicorn's own error replies as the site's pages, with the headers of Django's responses.

gunicorn answers a request it cannot parse (414 for a request line over
`limit_request_line`, 400 for a malformed one, 431 for too many headers) without calling
Django. Its reply keeps its status and gets the page of that status from templates/
(`<status>.html`; a 4xx without one gets 400.html, a 5xx 500.html), passed through the
response half of Django's own header middleware, so the headers come from the same
settings as on every other response (SECURE_CSP, SECURE_*, X_FRAME_OPTIONS).

The request could not be read, so it counts as https (the proxy terminates TLS): HSTS
is sent, and a browser ignores it over plain http anyway.
"""

import io
import logging

from django.core.handlers.wsgi import WSGIRequest
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.csp import ContentSecurityPolicyMiddleware
from django.middleware.security import SecurityMiddleware
from django.template.exceptions import TemplateDoesNotExist

from sinoisrael.http.errors import error_page

logger = logging.getLogger(__name__)

HEADER_MIDDLEWARE = (SecurityMiddleware, XFrameOptionsMiddleware, ContentSecurityPolicyMiddleware)


def never_called(request):
    raise AssertionError("only the response half of the header middleware runs")


def unreadable_request() -> WSGIRequest:
    """What the header middleware is shown in place of a request gunicorn could not read."""
    return WSGIRequest(
        {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": "/",
            "wsgi.input": io.BytesIO(),
            "wsgi.url_scheme": "https",
        }
    )


def site_page(status: int) -> bytes:
    """The headers and body of the site's page for `status`, as Django would send them."""
    try:
        response = error_page(status)
    except TemplateDoesNotExist:
        response = error_page(status, template="400.html" if status < 500 else "500.html")
    request = unreadable_request()
    for middleware in HEADER_MIDDLEWARE:
        response = middleware(never_called).process_response(request, response)
    response["Content-Length"] = str(len(response.content))
    response["Connection"] = "close"
    return response.serialize()


def site_error_reply(gunicorn_reply: bytes) -> bytes:
    """gunicorn's error reply with the site's page and headers; gunicorn's own if the page
    cannot be made (whatever broke must not leave the client without an answer)."""
    status_line, _, _ = gunicorn_reply.partition(b"\r\n")
    try:
        status = int(status_line.split(b" ", 2)[1])
        return status_line + b"\r\n" + site_page(status)
    except Exception:
        logger.exception("Could not make the site's page for gunicorn's %r", status_line)
        return gunicorn_reply
