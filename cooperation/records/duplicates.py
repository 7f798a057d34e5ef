"""Finding records that probably describe the same thing as one being saved.

Each function takes the values about to be saved (not a saved object, since the form may
be adding) and the primary key to leave out, and returns the likely duplicates.
"""

import re
import unicodedata
from urllib.parse import urlsplit

from cooperation.models import Agreement, LiaisonOffice, Municipality, Source, Visit
from cooperation.partial_dates import PartialDate


def name_key(text: str) -> str:
    """A name with case, accents and punctuation ignored: "Tel-Aviv" and "tel aviv" match."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[\W_]+", " ", bare.casefold()).split())


def name_keys(*, name: str = "", native_name: str = "", aliases: str = "") -> set[str]:
    keys = {name_key(text) for text in [name, native_name, *aliases.splitlines()]}
    return keys - {""}


def similar_municipalities(*, name, native_name, aliases, exclude_pk=None) -> list:
    wanted = name_keys(name=name, native_name=native_name, aliases=aliases)
    candidates = Municipality.objects.exclude(pk=exclude_pk).only(
        "pk", "name", "native_name", "aliases"
    )
    return [
        other
        for other in candidates
        if wanted & name_keys(name=other.name, native_name=other.native_name, aliases=other.aliases)
    ]


def offices_with_same_sponsor_and_host(*, sponsor, host, exclude_pk=None) -> list:
    return list(LiaisonOffice.objects.filter(sponsor=sponsor, host=host).exclude(pk=exclude_pk))


def overlapping_visits(*, origin, start: PartialDate, end: PartialDate, exclude_pk=None) -> list:
    """Visits from the same origin whose period shares at least one day with this one."""
    if not start:
        return []
    since, until = start.first_day(), (end or start).last_day()
    candidates = Visit.objects.filter(origin=origin, start_date__lte=until).exclude(pk=exclude_pk)
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
