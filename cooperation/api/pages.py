"""Cursor pages for harvesting: rows in the order of their last change, then id, and a
`next` link that carries the last row's place in that order.

The order is stable under inserts and edits: a new or corrected record takes its place at
the end, so a harvester that follows `next` to the end sees every record once, and one that
comes back with `updated_since` (or the last `next`) sees what changed since. An offset
would skip or repeat rows whenever a record before it is added or withdrawn.
"""

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import QuerySet
from django.utils.dateparse import parse_datetime

DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 500
CURSOR_HELP = "Copy it from a page's `next`: it is not meant to be written by hand."


class BadParameter(ValueError):
    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def page_size(text: str | None) -> int:
    if text in (None, ""):
        return DEFAULT_PAGE_SIZE
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= MAX_PAGE_SIZE:
        raise BadParameter("page_size", f"Give a whole number from 1 to {MAX_PAGE_SIZE}.")
    return int(text)


def changed_since(text: str | None) -> datetime | None:
    """`updated_since`: an ISO 8601 date-time; without a time zone it is UTC."""
    if text in (None, ""):
        return None
    try:
        moment = parse_datetime(text)
    except ValueError:
        moment = None
    if moment is None:
        raise BadParameter(
            "updated_since", "Give an ISO 8601 date-time, e.g. 2026-01-31T00:00:00Z."
        )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)  # the database's time zone
    except OverflowError:  # "0001-01-01T00:00:00+05:00" is before the first day there is
        raise BadParameter("updated_since", "Give a date-time from year 1 to 9999.") from None


@dataclass(frozen=True)
class Cursor:
    """The place after a row in the order (updated_at, id)."""

    updated_at: datetime
    id: int

    def encode(self) -> str:
        text = f"{self.updated_at.isoformat()}|{self.id}"
        return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> "Cursor":
        try:
            text = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
            moment, row_id = text.split("|")
            updated_at = parse_datetime(moment)
            if updated_at is None or updated_at.tzinfo is None:
                raise ValueError
            return cls(updated_at, int(row_id))
        except (ValueError, UnicodeDecodeError, binascii.Error):
            raise BadParameter("cursor", f"This cursor cannot be read. {CURSOR_HELP}") from None


def page_of(queryset: QuerySet, *, size: int, cursor: Cursor | None) -> tuple[list, Cursor | None]:
    """The rows of one page (dicts of `values()`, with `id` and `updated_at`), and the
    cursor after it when more rows follow."""
    ordered = queryset.order_by("updated_at", "pk")
    if cursor is None:
        rows = list(ordered[: size + 1])
    else:
        # The rows after the cursor's place: those of its moment with a higher id, then
        # those of later moments. Two queries, each a range of the index (status,
        # updated_at, id); one query with an OR of the two is a filter over every row
        # before the place, so each page of a harvest took longer than the one before.
        rows = list(ordered.filter(updated_at=cursor.updated_at, pk__gt=cursor.id)[: size + 1])
        if len(rows) <= size:
            later = ordered.filter(updated_at__gt=cursor.updated_at)
            rows += later[: size + 1 - len(rows)]
    if len(rows) <= size:
        return rows, None
    last = rows[size - 1]
    return rows[:size], Cursor(last["updated_at"], last["id"])
