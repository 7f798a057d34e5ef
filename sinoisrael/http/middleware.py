"""Middleware for malformed requests and database outages."""

from sinoisrael.http.errors import (
    PAGE_STATUSES,
    database_unavailable,
    error_page,
    is_database_unavailable,
)

ALLOWED_METHODS = ("GET", "HEAD", "POST")
# The JSON API answers every method itself: OPTIONS for a browser's preflight, 405 as JSON.
API_PREFIX = "/api/"


class ErrorPageMiddleware:
    """Refuses methods the site has no use for (the API answers its own), and dresses bare
    error responses.

    Django answers some errors (405 from `require_http_methods`, for one) with an empty
    body; those get the site's page for their status, keeping their headers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ALLOWED_METHODS and not request.path.startswith(API_PREFIX):
            response = error_page(405, request)
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            return response
        response = self.get_response(request)
        if (
            response.status_code in PAGE_STATUSES
            and not response.streaming
            and not response.content
        ):
            page = error_page(response.status_code, request)
            for header, value in response.items():
                if header.lower() not in {"content-type", "content-length"}:
                    page[header] = value
            return page
        return response


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database (down, pool exhausted, statement timeout)
    answers 503 with Retry-After and a friendly page instead of a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_unavailable(exception):
            return database_unavailable(request, exception)
        return None
