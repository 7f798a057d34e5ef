"""/sitemap.xml: every published record and municipality with when it last changed, and
the home and list pages (django.contrib.sitemaps).

/sitemap.xml is an index of one sitemap per section (`/sitemap-offices.xml`...). A section
holds at most 50,000 URLs, the protocol's limit per file (`Sitemap.limit`); past it the
section is split into pages (`/sitemap-offices.xml?p=2`), each listed in the index, so the
sitemap grows by files, not by the size of one. Each file costs a fixed number of queries
whatever its size: two for a page of a section (its count, and its rows with their slug
and time of change only), two per section of records for the index (its count and its
latest change).
"""

from functools import partial

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from cooperation.models import Agreement, Event, LiaisonOffice, Municipality, Visit

PAGES = (
    "cooperation:home",
    "cooperation:office-list",
    "cooperation:visit-list",
    "cooperation:event-list",
    "cooperation:agreement-list",
    "cooperation:municipality-list",
    "cooperation:data",
)


class PageSitemap(Sitemap):
    """The home page and the lists, unfiltered."""

    def items(self):
        return PAGES

    def location(self, item):
        return reverse(item)


class PublishedSitemap(Sitemap):
    """The published rows of `model`, each at its page, with its time of last change."""

    def __init__(self, model):
        self.model = model

    def items(self):
        return (
            self.model._default_manager.published().order_by("pk").only("pk", "slug", "updated_at")
        )

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        """The index's lastmod of the section, in one aggregate (Django would read every row)."""
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


SITEMAPS = {
    "pages": PageSitemap,
    # A new instance per request: a sitemap keeps what it read on itself.
    "offices": partial(PublishedSitemap, LiaisonOffice),
    "visits": partial(PublishedSitemap, Visit),
    "events": partial(PublishedSitemap, Event),
    "agreements": partial(PublishedSitemap, Agreement),
    "municipalities": partial(PublishedSitemap, Municipality),
}
