"""The API's views: a list and a record of each resource, the OpenAPI document and its
human page. Read-only: GET (and HEAD) from any origin, OPTIONS for a browser's preflight,
every other method 405.

A list takes its public list's filters through the same FilterSet, so a parameter means
what it means on the HTML list and is refused with the same message (as JSON, 400, naming
the parameter); parameters it does not know are ignored. `ordering` is one of those: API
pages come in the order of their last change (pages.py).

Every response has an ETag (its body's hash) and a Last-Modified (the latest change among
the records it shows); a conditional GET that matches answers 304. The ETag is exact; a
withdrawn record moves no record's time, so a client that relies on Last-Modified alone may
miss a withdrawal until another record of the page changes.
"""

from functools import wraps

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import conditional_page

from cooperation.api import openapi
from cooperation.api.fields import Links
from cooperation.api.pages import BadParameter, Cursor, changed_since, page_of, page_size

# The API's own parameters, and `ordering` (pages follow the last change): not filters.
API_PARAMETERS = ("cursor", "page_size", "updated_since", "ordering")
LARGEST_ID = 2**63 - 1  # the id columns' range; a larger id names no record


def json_response(data, *, status=200, last_modified=None) -> HttpResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    patch_cache_control(response, public=True, max_age=60)
    return response


def bad_request(errors: dict[str, list[str]]) -> HttpResponse:
    return json_response({"errors": errors}, status=400)


def read_only(view):
    """GET and HEAD, with the preflight a browser sends before a cross-origin GET; every
    answer, a 304 included, says that any origin may read it."""
    conditional = conditional_page(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
        elif request.method not in ("GET", "HEAD"):
            message = f"{request.method} is not allowed: the API only reads."
            response = json_response({"errors": {"method": [message]}}, status=405)
            response["Allow"] = "GET, HEAD, OPTIONS"
        else:
            response = conditional(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


def latest_change(rows) -> object | None:
    return max((row["updated_at"] for row in rows), default=None)


@read_only
def record_list(request, resource):
    try:
        size = page_size(request.GET.get("page_size"))
        since = changed_since(request.GET.get("updated_since"))
        cursor = Cursor.decode(request.GET["cursor"]) if request.GET.get("cursor") else None
    except BadParameter as bad:
        return bad_request({bad.parameter: [bad.message]})
    queryset = resource.rows()
    data = request.GET.copy()
    for name in API_PARAMETERS:
        data.pop(name, None)
    # Without a filter there is nothing to check: the FilterSet's choices (every published
    # municipality's slug) would cost a query for nothing.
    if resource.filterset_class is not None and any(data.values()):
        filterset = resource.filterset_class(data, queryset=queryset)
        if not filterset.is_valid():
            errors = {name: list(messages) for name, messages in filterset.errors.items()}
            return bad_request(errors)
        queryset = filterset.qs
    if since is not None:
        queryset = queryset.filter(updated_at__gte=since)
    rows, after = page_of(resource.values(queryset), size=size, cursor=cursor)
    next_url = None
    if after is not None:
        query = request.GET.copy()
        query["cursor"] = after.encode()
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return json_response(
        {
            "results": resource.represent(rows, Links(request)),
            "next": next_url,
        },
        last_modified=latest_change(rows),
    )


@read_only
def record_detail(request, resource, pk):
    rows = list(resource.values(resource.rows().filter(pk=pk))) if 1 <= pk <= LARGEST_ID else []
    if not rows:
        return json_response(
            {"errors": {"id": [f"No published {resource.noun} {pk}."]}}, status=404
        )
    [record] = resource.represent(rows, Links(request))
    return json_response(record, last_modified=rows[0]["updated_at"])


@read_only
def openapi_document(request):
    return json_response(openapi.document(request))


def documentation(request):
    """The document for people: every path with its parameters and an example call."""
    document = openapi.document(request)
    return render(
        request,
        "cooperation/api_docs.html",
        {"document": document, "document_url": reverse("api:openapi")},
    )


@read_only
def not_found(request, path):
    return json_response(
        {"errors": {"path": [f"No such API path: /api/v1/{path[:100]}. See /api/v1/."]}},
        status=404,
    )
