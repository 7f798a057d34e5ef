"""CSV export of a public list page: published rows, and nothing that only a draft holds.

Two gates. The rows are `published()`, whatever queryset the caller gives. And a column that
follows a relation to another record with a publication status (an agreement's "Signed
during visit") shows that record's value only while it is published: a published agreement
may point at a draft visit. What a published row names directly (its sponsor, parties,
people, sectors, sources) is public by definition (`NamedByRecordsQuerySet`).
"""

from dataclasses import replace

from django.db.models import Case, F, When
from django.db.models.constants import LOOKUP_SEP
from django.http import StreamingHttpResponse

from cooperation.exports.records import EXPORTS, RecordExport
from cooperation.exports.stream import csv_response
from cooperation.models import PublicationStatus
from cooperation.models.base import Record


def record_on_path(model, path: str) -> str | None:
    """The leading part of `path` that reaches another record (a model with a status)."""
    parts = path.split(LOOKUP_SEP)
    for index, part in enumerate(parts):
        field = model._meta.get_field(part)
        if not field.is_relation:
            return None
        model = field.related_model
        if issubclass(model, Record):
            return LOOKUP_SEP.join(parts[: index + 1])
    return None


def published_value(model, source):
    """`source`, or for a path through another record, its value only when that record is
    published (else empty)."""
    if not isinstance(source, str):
        return source
    record = record_on_path(model, source)
    if record is None:
        return source
    return Case(When(**{f"{record}__status": PublicationStatus.PUBLISHED}, then=F(source)))


def public_export(export: RecordExport) -> RecordExport:
    """`export` with every column reading through the publication gate."""
    columns = tuple(
        replace(
            column,
            sources=tuple(published_value(export.model, source) for source in column.sources),
        )
        for column in export.columns
    )
    return replace(export, columns=columns)


def public_csv_response(request, queryset, record_type: str) -> StreamingHttpResponse:
    """The streamed CSV of a filtered list ("offices", "visits", ...); never a draft."""
    return csv_response(public_export(EXPORTS[record_type]), queryset.published(), request)
