"""Public pages. Only published records are ever shown."""

from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from cooperation.models import Agreement, LiaisonOffice, Municipality, Visit


def published_offices():
    return LiaisonOffice.objects.published().select_related("sponsor", "host")


def published_visits():
    return Visit.objects.published().select_related("origin", "leader")


def published_agreements():
    return Agreement.objects.published().prefetch_related(
        "parties__municipality", "parties__organization"
    )


def home(request):
    return render(
        request,
        "cooperation/home.html",
        {
            "offices": published_offices(),
            "visits": published_visits(),
            "agreements": published_agreements(),
        },
    )


def office_detail(request, slug):
    office = get_object_or_404(
        published_offices().prefetch_related("sources", "sectors", "staff_roles__person"),
        slug=slug,
    )
    return render(request, "cooperation/office_detail.html", {"office": office})


def visit_detail(request, slug):
    visit = get_object_or_404(
        published_visits().prefetch_related(
            "sources", "sectors", "destinations", "participations__person"
        ),
        slug=slug,
    )
    return render(request, "cooperation/visit_detail.html", {"visit": visit})


def agreement_detail(request, slug):
    agreement = get_object_or_404(
        published_agreements().prefetch_related("sources", "sectors"), slug=slug
    )
    return render(request, "cooperation/agreement_detail.html", {"agreement": agreement})


def municipality_detail(request, slug):
    municipality = get_object_or_404(
        Municipality.objects.select_related("parent").prefetch_related("children"), slug=slug
    )
    return render(
        request,
        "cooperation/municipality_detail.html",
        {
            "municipality": municipality,
            "offices": published_offices().filter(Q(sponsor=municipality) | Q(host=municipality)),
            "visits": published_visits()
            .filter(Q(origin=municipality) | Q(destinations=municipality))
            .distinct(),
            "agreements": published_agreements().filter(parties__municipality=municipality),
        },
    )
