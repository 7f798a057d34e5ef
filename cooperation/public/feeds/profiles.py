"""The feed of a municipality's profile, `/municipalities/<slug>/feed.atom`: every published
record the profile lists (its own, and those of the places inside it), newest first.

The records are what the profile view reads (`municipality_context`,
cooperation/public/views/details.py), so the page and its feed cannot disagree; a visit
both from and to the area is one entry. A municipality the public cannot see (named only
by drafts) has no feed, as it has no profile: 404.
"""

from django.shortcuts import get_object_or_404

from cooperation.models import Municipality
from cooperation.public import stored
from cooperation.public.feeds.records import MAX_ENTRIES, RecordFeed, with_public_times
from cooperation.public.views.details import municipality_context

RECORD_LISTS = ("offices", "visits_out", "visits_in", "agreements", "events")


def profile_records(municipality) -> list:
    """The profile's records with their public times, newest first, at most 50: one
    query per record type for the times."""
    context = municipality_context(municipality)
    records = {
        (type(record), record.pk): record for name in RECORD_LISTS for record in context[name]
    }
    for model in {model for model, _ in records}:
        chosen = model.objects.filter(pk__in=[pk for kind, pk in records if kind is model])
        times = with_public_times(chosen).values_list("pk", "public_updated", "public_since")
        for pk, updated, since in times:
            records[model, pk].public_updated, records[model, pk].public_since = updated, since
    newest = sorted(records.values(), key=lambda r: (r.public_updated, r.pk), reverse=True)
    return newest[:MAX_ENTRIES]


class MunicipalityFeed(RecordFeed):
    def get_object(self, request, slug):
        return get_object_or_404(stored.published(Municipality), slug=slug)

    def title(self, municipality):
        return f"Records involving {municipality.name}"

    def subtitle(self, municipality):
        return (
            f"Published liaison offices, visits, agreements and events of {municipality.name} "
            "and the places inside it, latest change first."
        )

    def link(self, municipality):
        return municipality.get_absolute_url()

    def items(self, municipality):
        return profile_records(municipality)


municipality = MunicipalityFeed()
