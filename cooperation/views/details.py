"""Detail pages of published records, and municipality profiles."""

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, render

from cooperation import published
from cooperation.models import (
    AgreementKind,
    AgreementParty,
    Municipality,
    Organization,
    PublicationStatus,
)

CITED = ("sources", "sectors")


def with_party(municipality):
    return AgreementParty.objects.filter(municipality=municipality).values("agreement")


def office_detail(request, slug):
    office = get_object_or_404(
        published.offices().prefetch_related(*CITED, "staff_roles__person"), slug=slug
    )
    context = {
        "office": office,
        "related_visits": published.visits().filter(
            origin=office.sponsor_id, destinations=office.host_id
        ),
        "related_agreements": published.agreements()
        .filter(pk__in=with_party(office.sponsor_id))
        .filter(pk__in=with_party(office.host_id)),
    }
    return render(request, "cooperation/office_detail.html", context)


def visit_detail(request, slug):
    visit = get_object_or_404(
        published.visits().prefetch_related(
            *CITED, "destinations", "participations__person", "participations__organization"
        ),
        slug=slug,
    )
    context = {"visit": visit, "agreements": published.agreements().filter(visit=visit)}
    return render(request, "cooperation/visit_detail.html", context)


def agreement_detail(request, slug):
    agreement = get_object_or_404(
        published.agreements().select_related("visit").prefetch_related(*CITED), slug=slug
    )
    visit_is_public = (
        agreement.visit is not None and agreement.visit.status == PublicationStatus.PUBLISHED
    )
    return render(
        request,
        "cooperation/agreement_detail.html",
        {"agreement": agreement, "visit_is_public": visit_is_public},
    )


def twin_cities(municipality, agreements):
    """The other municipalities of its published twinnings."""
    return [
        party.municipality
        for agreement in agreements
        if agreement.kind == AgreementKind.TWINNING
        for party in agreement.parties.all()
        if party.municipality and party.municipality != municipality
    ]


def municipality_detail(request, slug):
    municipality = get_object_or_404(
        Municipality.objects.published()
        .select_related("parent")
        .prefetch_related(
            Prefetch("children", Municipality.objects.published()),
            Prefetch("organizations", Organization.objects.published()),
        ),
        slug=slug,
    )
    agreements = list(published.agreements().filter(pk__in=with_party(municipality)))
    context = {
        "municipality": municipality,
        "offices": published.offices().filter(Q(sponsor=municipality) | Q(host=municipality)),
        "visits_out": published.visits().filter(origin=municipality),
        "visits_in": published.visits().filter(destinations=municipality),
        "agreements": agreements,
        "twin_cities": twin_cities(municipality, agreements),
    }
    return render(request, "cooperation/municipality_detail.html", context)
