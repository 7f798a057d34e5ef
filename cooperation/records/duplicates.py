"""Finding records that probably describe the same thing as one being saved.

Each function takes the values about to be saved (not a saved object, since the form may
be adding) and the primary key to leave out, and returns the likely duplicates.
"""

from urllib.parse import urlsplit

from django.db.models import Q

from cooperation.models import (
    Agreement,
    LiaisonOffice,
    Municipality,
    PlaceRole,
    Source,
    Visit,
    VisitPlace,
)
from cooperation.partial_dates import PartialDate
from cooperation.scripts import name_key


def similar_named(model, *, names, exclude_pk=None) -> list:
    """Saved municipalities, organizations or people that share a name (English, Chinese,
    Hebrew or another name, compared by `name_key`) with `names`."""
    wanted = {name_key(name) for name in names} - {""}
    if not wanted:
        return []
    candidates = model.objects.exclude(pk=exclude_pk).only("pk", "name", "search_names")
    return [
        other
        for other in candidates
        if wanted & {name_key(line) for line in other.search_names.splitlines()}
    ]


def unique_slug(model, slug: str, *, exclude_pk=None) -> str:
    """`slug`, or `slug-2`, `slug-3`... when another row of `model` has it already."""
    taken = set(
        model.objects.exclude(pk=exclude_pk)
        .filter(slug__startswith=slug)
        .values_list("slug", flat=True)
    )
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def offices_with_same_sponsor_and_host(*, sponsor, host, exclude_pk=None) -> list:
    return list(LiaisonOffice.objects.filter(sponsor=sponsor, host=host).exclude(pk=exclude_pk))


def overlapping_visits(*, origins: set, start: PartialDate, end: PartialDate, exclude_pk=None):
    """Visits sharing a "from" place or body (municipalities and organizations, as model
    instances) whose period shares at least one day with this one."""
    if not start or not origins:
        return []
    since, until = start.first_day(), (end or start).last_day()
    shared = Q()
    for party in origins:
        field = "municipality" if isinstance(party, Municipality) else "organization"
        shared |= Q(**{field: party})
    from_same = VisitPlace.objects.filter(shared, role=PlaceRole.ORIGIN).values("visit")
    candidates = Visit.objects.filter(pk__in=from_same, start_date__lte=until).exclude(
        pk=exclude_pk
    )
    return [other for other in candidates if (other.end or other.start).last_day() >= since]


def agreements_with_same_parties(*, kind, parties: set, exclude_pk=None) -> list:
    """Agreements of the same kind between exactly the same parties (municipalities and
    organizations, as model instances)."""
    candidates = (
        Agreement.objects.filter(kind=kind)
        .exclude(pk=exclude_pk)
        .prefetch_related("parties__municipality", "parties__organization")
    )
    return [
        other for other in candidates if {party.party for party in other.parties.all()} == parties
    ]


def url_key(url: str) -> str:
    """An article's address without scheme, "www.", query-less trailing slash or fragment."""
    parts = urlsplit(url.strip())
    host = parts.netloc.casefold().removeprefix("www.")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{parts.path.rstrip('/')}{query}"


def sources_with_same_url(*, url: str, exclude_pk=None) -> list:
    """Sources whose URL is this one up to http/https, "www." and a trailing slash."""
    key = url_key(url)
    path = urlsplit(url.strip()).path.rstrip("/")
    candidates = Source.objects.filter(url__icontains=path or key).exclude(pk=exclude_pk)
    return [source for source in candidates if url_key(source.url) == key]
