"""CSV export of a public list page."""

from django.http import StreamingHttpResponse

from cooperation.exports.records import EXPORTS
from cooperation.exports.stream import csv_response


def public_csv_response(request, queryset, record_type: str) -> StreamingHttpResponse:
    """The streamed CSV of a filtered list ("offices", "visits", ...); never a draft."""
    if hasattr(queryset, "published"):
        queryset = queryset.published()
    return csv_response(EXPORTS[record_type], queryset, request)
