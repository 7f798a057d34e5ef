"""What every feed shares: its entries are published records, newest first by the time of
their latest published version, at most 50, each with its title, public URL, times and a
one-line summary.

The times come from the history (one entry per save, cooperation/records/history.py),
published versions only: a record's entry is dated when the public last saw it change, and
a save while it was a draft or in review does not count. A pending revision changes
nothing on the record until it is approved (cooperation/records/revisions.py), so an entry
shows the published version. Nothing in a feed names a member of staff: the author of
every feed is the tracker itself.
"""

from django.contrib.syndication.views import Feed
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils.feedgenerator import Atom1Feed

from cooperation.models import PublicationStatus

MAX_ENTRIES = 50
AUTHOR = "Sino-Israeli municipal cooperation tracker"


def published_version_times(model):
    """The record's published versions' times, a queryset for `OuterRef("pk")`."""
    return model.history.model.objects.filter(
        id=OuterRef("pk"), status=PublicationStatus.PUBLISHED
    ).values("history_date")


def latest_public_version(model):
    """When the record's latest published version was saved (its last change, else
    `updated_at` for a record with no history)."""
    latest = published_version_times(model).order_by("-history_date")[:1]
    return Coalesce(Subquery(latest), F("updated_at"))


def first_public_version(model):
    first = published_version_times(model).order_by("history_date")[:1]
    return Coalesce(Subquery(first), F("created_at"))


def with_public_times(queryset):
    """The records with `public_updated` and `public_since`, for a feed's entries."""
    model = queryset.model
    return queryset.annotate(
        public_updated=latest_public_version(model), public_since=first_public_version(model)
    )


def newest_first(queryset):
    return with_public_times(queryset).order_by(F("public_updated").desc(), "-pk")[:MAX_ENTRIES]


class RecordFeed(Feed):
    """An Atom feed of records (offices, visits, events, agreements) annotated by
    `with_public_times`."""

    feed_type = Atom1Feed
    author_name = AUTHOR

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        """Type, places and dates as the site writes them (templates/cooperation/feed_*.html)."""
        return render_to_string(f"cooperation/feed_{item._meta.model_name}.html", {"record": item})

    def item_updateddate(self, item):
        return item.public_updated

    def item_pubdate(self, item):
        return item.public_since
