"""schema.org JSON-LD of the public pages, built from the records the page shows.

- a visit and an event are an `Event`: name, dates, where (a visit's destinations, an
  event's place), and who organized it where known (a visit's hosts, else those who invited
  it; an event's organizers);
- a municipality profile is a `Place`: its name, its Chinese and Hebrew names as
  `alternateName` tagged with their language, its country, `geo` when its coordinates are
  known, the region it lies in as `containedInPlace`, its Wikidata item as `sameAs`;
- every detail page has a `BreadcrumbList`: home, the list, the record.

Dates keep the precision the record has: "2018-06-05", "2018-06", "2018". A date the
record holds only roughly ("c. 1998") or as a bound ("by 2015") is left out: schema.org has
no way to say so, and a reader of the data would take it as stated.

Only what the page shows goes in, from the objects it already fetched (no query of its
own): the page shows published records only, and a staff preview shows what it previews.
"""

import json

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst

from cooperation.models import Agreement, Event, LiaisonOffice, Municipality, PlaceRole, Visit
from cooperation.partial_dates import PartialDate, Precision, Qualifier
from cooperation.public.views import lists

CONTEXT = "https://schema.org"
# A date's ISO 8601 form cut to its precision: "2018-06-05"[:7] is "2018-06".
ISO_LENGTH = {Precision.DAY: 10, Precision.MONTH: 7, Precision.YEAR: 4}
STATED = {Qualifier.EXACT, Qualifier.INFERRED}
# The list each record's page belongs to, for the breadcrumbs.
LISTS = {
    LiaisonOffice: ("cooperation:office-list", lists.OFFICES),
    Visit: ("cooperation:visit-list", lists.VISITS),
    Event: ("cooperation:event-list", lists.EVENTS),
    Agreement: ("cooperation:agreement-list", lists.AGREEMENTS),
    Municipality: ("cooperation:municipality-list", lists.MUNICIPALITIES),
}
# <, > and & written as JSON escapes, as Django's `json_script` does: a title holding
# "</script>" cannot end the element, and the JSON reads the same.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def schema_date(date: PartialDate) -> str | None:
    """The date in ISO 8601 to its precision, if the record states it."""
    if not date or date.qualifier not in STATED:
        return None
    return date.value.isoformat()[: ISO_LENGTH[date.precision]]


def without_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def named(request, thing, *, municipality_type: str, body_type: str) -> dict:
    """A municipality (with its profile's URL) or a body, by name, as a schema.org type."""
    if isinstance(thing, Municipality):
        url = request.build_absolute_uri(thing.get_absolute_url())
        return {"@type": municipality_type, "name": thing.name, "url": url}
    return {"@type": body_type, "name": thing.name}


def place(request, thing) -> dict:
    return named(request, thing, municipality_type="Place", body_type="Place")


def organization(request, thing) -> dict:
    """Who organized something: a municipality's government, or a body."""
    return named(
        request, thing, municipality_type="GovernmentOrganization", body_type="Organization"
    )


def gathering(request, record, *, where: list, organizers: list) -> dict:
    """A visit or an event as a schema.org `Event`."""
    return without_empty(
        {
            "@context": CONTEXT,
            "@type": "Event",
            "name": record.title,
            "url": request.build_absolute_uri(record.get_absolute_url()),
            "startDate": schema_date(record.start),
            "endDate": schema_date(record.end),
            "location": [place(request, thing) for thing in where],
            "organizer": [organization(request, thing) for thing in organizers],
        }
    )


def visit_event(request, visit) -> dict:
    organizers = visit.places_in(PlaceRole.HOST) or visit.places_in(PlaceRole.INVITER)
    return gathering(request, visit, where=visit.destinations, organizers=organizers)


def event_event(request, event) -> dict:
    where = [event.place] if event.place else []
    return gathering(request, event, where=where, organizers=event.organizer_list)


def municipality_place(request, municipality) -> dict:
    names = [
        {"@value": name, "@language": language}
        for name, language in municipality.names_in_other_scripts()
    ]
    geo = None
    if municipality.latitude is not None and municipality.longitude is not None:
        geo = {
            "@type": "GeoCoordinates",
            "latitude": float(municipality.latitude),
            "longitude": float(municipality.longitude),
        }
    wikidata = municipality.wikidata_id
    return without_empty(
        {
            "@context": CONTEXT,
            "@type": "Place",
            "name": municipality.name,
            "alternateName": names,
            "url": request.build_absolute_uri(municipality.get_absolute_url()),
            "address": {"@type": "PostalAddress", "addressCountry": municipality.country},
            "geo": geo,
            "containedInPlace": municipality.parent and place(request, municipality.parent),
            "sameAs": wikidata and f"https://www.wikidata.org/wiki/{wikidata}",
        }
    )


def breadcrumbs(request, record) -> dict:
    """Home, the record's list, the record."""
    url_name, page = LISTS[type(record)]
    trail = [
        ("Home", reverse("cooperation:home")),
        (capfirst(page.noun_plural), reverse(url_name)),
        (str(record), record.get_absolute_url()),
    ]
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": request.build_absolute_uri(path),
            }
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }


def documents(request, record) -> list[dict]:
    """The JSON-LD documents of a record's page."""
    main = {
        Visit: visit_event,
        Event: event_event,
        Municipality: municipality_place,
    }.get(type(record))
    return [*([main(request, record)] if main else []), breadcrumbs(request, record)]


def script(document: dict) -> SafeString:
    """One `<script type="application/ld+json">`: data, never run, so the site's CSP
    (script-src 'self') lets it be; `SCRIPT_ESCAPES` keep a record's text inside it."""
    text = json.dumps(document, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
