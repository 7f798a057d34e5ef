"""The admin of sources, the articles records are taken from."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html_join

from cooperation.admin.base import FIRST, LAST, TIMESTAMPS, MainModelAdmin
from cooperation.admin.forms import SourceForm
from cooperation.models import Source

CITING = [
    ("liaisonoffice", "office"),
    ("visit", "visit"),
    ("event", "event"),
    ("agreement", "agreement"),
]


@admin.register(Source)
class SourceAdmin(MainModelAdmin):
    form = SourceForm
    list_display = [
        "title",
        "publisher",
        "published_as_written",
        "language",
        "publisher_kind",
        "publisher_country",
        "url",
    ]
    list_filter = ["language", "publisher_kind", "publisher_country", "publisher"]
    search_fields = ["title", "publisher", "url", "excerpt", "text"]
    # What an analyst citing a source types: its title, publisher or address, each served
    # by a trigram index (migration 0020); the article's text has none, and read whole it
    # made every keystroke wait for the size of the table.
    autocomplete_search_fields = ["title", "publisher", "url"]
    date_hierarchy = "published_date"
    fields = [
        *FIRST,
        "url",
        "title",
        "publisher",
        "published",
        "language",
        "publisher_kind",
        "publisher_country",
        "text",
        "excerpt",
        "notes",
        "cite_it",
        *TIMESTAMPS,
        *LAST,
    ]
    readonly_fields = ["cite_it", *TIMESTAMPS]

    def get_search_fields(self, request):
        if request.path == reverse("admin:autocomplete"):
            return self.autocomplete_search_fields
        return super().get_search_fields(request)

    @admin.display(description="Published", ordering="published_date")
    def published_as_written(self, source):
        return str(source.published)

    @admin.display(description="Cite it in")
    def cite_it(self, source):
        """Links to add a record that cites this source, with the source already filled in."""
        if source.pk is None:
            return "Save the source first, then add the records it reports from here."
        links = (
            (reverse(f"admin:cooperation_{model}_add"), source.pk, f"a new {label}")
            for model, label in CITING
        )
        return format_html_join(", ", '<a href="{}?cite={}">{}</a>', links)
