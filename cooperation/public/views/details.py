"""Detail pages of published records, and municipality profiles.

Each page is declared once (`DetailPage`: its model, what it fetches, what it shows);
`detail_page` serves it to the public, and to staff as a preview (public/views/preview.py).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, render

from cooperation.models import (
    Agreement,
    AgreementKind,
    Event,
    LiaisonOffice,
    Municipality,
    Organization,
    PublicationStatus,
    Visit,
)
from cooperation.models.agreements import signatories_and_statuses
from cooperation.public import queries, stored
from cooperation.public.evidence import evidence_of
from cooperation.public.history import public_history
from cooperation.public.views.preview import (
    Preview,
    kept_private,
    may_preview,
    pending_revision,
    revision_preview,
    unpublished_preview,
)
from cooperation.records.revisions import applied_for_preview, is_public


def cited(model) -> tuple:
    """What every record page shows: its sources, sectors, and citations with their source."""
    citations = model.citations.rel.related_model.objects.select_related("source")
    return ("sources", "sectors", Prefetch("citations", queryset=citations))


@dataclass(frozen=True)
class DetailPage:
    model: type
    rows: Callable  # a queryset of the model -> the same with what the page shows
    context: Callable  # the record -> the template's context
    template: str
    public: Callable | None = None  # the model's public rows, when not its `published()`


def office_context(office) -> dict:
    return {
        "office": office,
        "evidence": evidence_of(office),
        "public_history": public_history(office),
        "related_visits": queries.visits()
        .filter(queries.coming_from([office.sponsor_id]))
        .filter(queries.visiting([office.host_id])),
        "related_agreements": queries.agreements()
        .filter(queries.with_parties(Q(municipality=office.sponsor_id)))
        .filter(queries.with_parties(Q(municipality=office.host_id))),
    }


def visit_context(visit) -> dict:
    return {
        "visit": visit,
        "evidence": evidence_of(visit),
        "public_history": public_history(visit),
        "agreements": queries.agreements().filter(visit=visit),
    }


def event_context(event) -> dict:
    return {
        "event": event,
        "evidence": evidence_of(event),
        "public_history": public_history(event),
        "agreements": queries.agreements().filter(event=event),
    }


def is_published(record) -> bool:
    return record is not None and record.status == PublicationStatus.PUBLISHED


def agreement_context(agreement) -> dict:
    return {
        "agreement": agreement,
        "evidence": evidence_of(agreement),
        "public_history": public_history(agreement),
        "visit_is_public": is_published(agreement.visit),
        "event_is_public": is_published(agreement.event),
    }


def twin_cities(municipality, agreements):
    """The other municipalities of its own published twinnings: a city's twin is not its
    province's, though the province's page lists the city's twinning."""
    own = [
        agreement
        for agreement in agreements
        if agreement.kind == AgreementKind.TWINNING
        and any(party.municipality_id == municipality.pk for party in agreement.parties.all())
    ]
    return [
        party.municipality
        for agreement in own
        for party in agreement.parties.all()
        if party.municipality and party.municipality != municipality
    ]


def municipalities(parties) -> list:
    """The municipalities among a record's places and bodies."""
    return [party for party in parties if isinstance(party, Municipality)]


def pks(things) -> set[int]:
    return {thing.pk for thing in things}


def with_places_inside(records, inside: set, places_of: Callable) -> list:
    """The records, each with `places_inside`: those of its municipalities (`places_of`)
    whose ids are in `inside`, in the record's order, so a region's page says which of
    its cities a record involves ("Pu'er") rather than read as the region's own."""
    records = list(records)
    for record in records:
        record.places_inside = [place for place in places_of(record) if place.pk in inside]
    return records


def municipality_context(municipality) -> dict:
    """Its published records and those of the municipalities inside it (a province's cities
    and their districts, `Municipality.objects.within`): Yunnan's page lists Pu'er's
    agreement, marked with Pu'er."""
    inside = set(
        Municipality.objects.within(municipality)
        .exclude(pk=municipality.pk)
        .values_list("pk", flat=True)
    )
    area = {municipality.pk, *inside}
    # Visits out and in are read in one query (with their places), then told apart.
    visits = list(queries.visits().filter(queries.coming_from(area) | queries.visiting(area)))
    agreements = with_places_inside(
        queries.agreements().filter(queries.with_parties(Q(municipality__in=area))),
        inside,
        lambda agreement: [p.municipality for p in agreement.parties.all() if p.municipality],
    )
    return {
        "municipality": municipality,
        "offices": with_places_inside(
            queries.offices().filter(Q(sponsor__in=area) | Q(host__in=area)),
            inside,
            lambda office: [office.sponsor, office.host],
        ),
        "visits_out": with_places_inside(
            [visit for visit in visits if area & pks(municipalities(visit.origins))],
            inside,
            lambda visit: municipalities(visit.origins),
        ),
        "visits_in": with_places_inside(
            [visit for visit in visits if area & pks(municipalities(visit.destinations))],
            inside,
            lambda visit: municipalities(visit.destinations),
        ),
        "agreements": agreements,
        "events": with_places_inside(
            queries.events().filter(queries.events_in(area)),
            inside,
            lambda event: list(
                dict.fromkeys(filter(None, [event.place, *municipalities(event.organizer_list)]))
            ),
        ),
        "twin_cities": twin_cities(municipality, agreements),
    }


OFFICE = DetailPage(
    model=LiaisonOffice,
    rows=lambda offices: queries.office_rows(offices).prefetch_related(
        *cited(LiaisonOffice), "staff_roles__person"
    ),
    context=office_context,
    template="cooperation/office_detail.html",
)
VISIT = DetailPage(
    model=Visit,
    rows=lambda visits: queries.visit_rows(visits).prefetch_related(
        *cited(Visit), "participations__person", "participations__organization"
    ),
    context=visit_context,
    template="cooperation/visit_detail.html",
)
EVENT = DetailPage(
    model=Event,
    rows=lambda events: queries.event_rows(events).prefetch_related(
        *cited(Event), "participations__person", "participations__organization"
    ),
    context=event_context,
    template="cooperation/event_detail.html",
)
AGREEMENT = DetailPage(
    model=Agreement,
    rows=lambda agreements: (
        queries.agreement_rows(agreements)
        .select_related("visit", "event")
        .prefetch_related(*cited(Agreement), *signatories_and_statuses())
    ),
    context=agreement_context,
    template="cooperation/agreement_detail.html",
)
MUNICIPALITY = DetailPage(
    model=Municipality,
    rows=lambda places: places.select_related("parent").prefetch_related(
        Prefetch("children", stored.published(Municipality)),
        Prefetch("organizations", Organization.objects.published()),
    ),
    context=municipality_context,
    template="cooperation/municipality_detail.html",
    public=lambda: stored.published(Municipality),
)


def preview_response(request, page: DetailPage, slug: str):
    """The page of any record of the model, for staff: with a banner when what it shows is
    not public (an unpublished record, or a pending change applied for the preview)."""
    everything = page.model._default_manager.all()
    obj = get_object_or_404(page.rows(everything), slug=slug)
    revision = pending_revision(obj, request.GET.get("revision", ""))
    if revision is None and is_public(obj):
        return render(request, page.template, page.context(obj))
    preview = revision_preview(revision) if revision else unpublished_preview(obj)
    try:
        with applied_for_preview(revision, user=request.user):
            shown = page.rows(everything).get(pk=obj.pk) if revision else obj
            response = render(request, page.template, {**page.context(shown), "preview": preview})
    except ValidationError as error:
        refused = Preview(
            f"Change #{revision.pk} cannot be applied as things stand: " + " ".join(error.messages),
            preview.review_url,
        )
        response = render(request, page.template, {**page.context(obj), "preview": refused})
    return kept_private(response)


def detail_page(request, page: DetailPage, slug: str):
    if may_preview(request.user, page.model):
        return preview_response(request, page, slug)
    public = page.public() if page.public else page.model._default_manager.published()
    record = get_object_or_404(page.rows(public), slug=slug)
    return render(request, page.template, page.context(record))


def office_detail(request, slug):
    return detail_page(request, OFFICE, slug)


def visit_detail(request, slug):
    return detail_page(request, VISIT, slug)


def event_detail(request, slug):
    return detail_page(request, EVENT, slug)


def agreement_detail(request, slug):
    return detail_page(request, AGREEMENT, slug)


def municipality_detail(request, slug):
    return detail_page(request, MUNICIPALITY, slug)
