"""What the public may see: published records, with what their pages show fetched up front.

The `*_rows` functions fetch the same for any queryset of the model (a staff preview shows
unpublished records through them). `visits_with` and `with_parties`
select records by their many-valued links, for the lists' filters and the profiles alike.
"""

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce

from cooperation.models import (
    Agreement,
    AgreementParty,
    Event,
    EventOrganizer,
    LiaisonOffice,
    PlaceRole,
    Visit,
    VisitPlace,
)


def office_rows(queryset):
    return queryset.select_related("sponsor", "host", "sponsor_organization")


def offices():
    return office_rows(LiaisonOffice.objects.published())


def visit_rows(queryset):
    """Visits with their places and bodies, and `origin_name`, the first "from" place's
    name, which the lists order by."""
    first_origin = VisitPlace.objects.filter(visit=OuterRef("pk"), role=PlaceRole.ORIGIN)
    first_origin = first_origin.order_by("pk").values(
        name=Coalesce("municipality__name", "organization__name")
    )[:1]
    return (
        queryset.select_related("leader").with_places().annotate(origin_name=Subquery(first_origin))
    )


def visits():
    return visit_rows(Visit.objects.published())


def parties_prefetch():
    return Prefetch(
        "parties",
        queryset=AgreementParty.objects.select_related("municipality", "organization").order_by(
            "pk"
        ),
    )


def agreement_rows(queryset):
    return queryset.prefetch_related(parties_prefetch())


def agreements():
    return agreement_rows(Agreement.objects.published())


def event_rows(queryset):
    """Events with where they were held and who organized them."""
    organizers = EventOrganizer.objects.select_related("municipality", "organization")
    return queryset.select_related("place").prefetch_related(
        Prefetch("organizers", organizers.order_by("pk"))
    )


def events():
    return event_rows(Event.objects.published())


def events_in(places) -> Q:
    """Events held in `places`, or organized by one of them."""
    organized = EventOrganizer.objects.filter(municipality__in=places).values("event")
    return Q(place__in=places) | Q(pk__in=organized)


def visits_with(role: str, places) -> Q:
    """Visits with a place in `role` among `places` (municipalities or their ids): a
    subquery, so a visit to two of them is listed once."""
    rows = VisitPlace.objects.filter(role=role, municipality__in=places)
    return Q(pk__in=rows.values("visit"))


def visiting(places) -> Q:
    return visits_with(PlaceRole.DESTINATION, places)


def coming_from(places) -> Q:
    return visits_with(PlaceRole.ORIGIN, places)


def with_parties(condition: Q) -> Q:
    """Agreements with a party that meets `condition` (a Q over AgreementParty): a subquery,
    so an agreement with two such parties is listed once."""
    return Q(pk__in=AgreementParty.objects.filter(condition).values("agreement"))
