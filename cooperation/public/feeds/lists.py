"""A feed for each public list of records, at `<list path>feed.atom`, with the list's own
filters.

The parameters are read by the list's FilterSet (`ListPage.filterset`,
cooperation/public/views/lists.py), so a filter means the same in a feed, on the page and
in its CSV, and a value the page refuses is refused here: 400, in plain text naming the
parameter (a feed reader shows no form). `page` is ignored and `ordering` is checked but
does not apply: a feed is always newest first.

The municipalities' list has no feed. Its rows are places, which are never published or
corrected themselves: what is new about a place is its records, and those are in its
profile's feed (feeds/profiles.py) and in the record lists' feeds filtered by it
(`?province=yunnan`, `?party=haifa`, `?sponsor=beijing`).
"""

from dataclasses import dataclass

from django.http import HttpResponseBadRequest

from cooperation.public.feeds.records import RecordFeed, newest_first
from cooperation.public.typed_names import TypedNameField
from cooperation.public.views import lists


@dataclass(frozen=True)
class Filtered:
    """A list's valid filters, and the list page they give (without `page`)."""

    filterset: object
    page_url: str


class RefusedFilters(Exception):
    """The list's form refused a parameter: the feed answers 400 with its messages."""

    def __init__(self, form):
        super().__init__()
        self.form = form

    def message(self) -> str:
        lines = [
            f"Invalid value for “{name}”: {' '.join(errors)}"
            for name, errors in self.form.errors.items()
        ]
        return "\n".join(["The feed cannot use these filters.", *lines]) + "\n"


def in_words(form) -> str:
    """The filters a feed applies, as its title says them: "host Haifa, sector Water"."""
    parts = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if name == "ordering" or value in (None, "", [], ()):
            continue
        if name == "q":
            parts.append(f"matching “{value}”")
            continue
        if isinstance(field, TypedNameField):
            shown = field.name_of(value)
        else:
            shown = dict(getattr(field, "choices", ())).get(value, value)
        parts.append(f"{str(field.label).lower()} {shown}")
    return ", ".join(parts)


class ListFeed(RecordFeed):
    """The records of a `ListPage` that its filters keep, newest first."""

    def __init__(self, page: lists.ListPage):
        self.page = page

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except RefusedFilters as refused:
            return HttpResponseBadRequest(
                refused.message(), content_type="text/plain; charset=utf-8"
            )

    def get_object(self, request):
        filterset = self.page.filterset(request)
        if not filterset.is_valid():
            raise RefusedFilters(filterset.form)
        query = request.GET.copy()
        query.pop("page", None)
        page_url = request.path.removesuffix("feed.atom")
        return Filtered(filterset, page_url + (f"?{query.urlencode()}" if query else ""))

    def title(self, filtered):
        words = in_words(filtered.filterset.form)
        noun = self.page.noun_plural.capitalize()
        return f"{noun}: {words}" if words else noun

    def subtitle(self, filtered):
        return f"Published {self.page.noun_plural} these filters keep, latest change first."

    def link(self, filtered):
        return filtered.page_url

    def items(self, filtered):
        return newest_first(filtered.filterset.qs)


# One feed per list of records, served at `<record_type>/feed.atom` (feeds/urls.py).
FEEDS = [ListFeed(page) for page in (lists.OFFICES, lists.VISITS, lists.EVENTS, lists.AGREEMENTS)]
