"""Filterable list pages. The URL is the state: every filtered view can be shared.

An invalid filter or page answers 400 with the form and a message beside the field.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import InvalidPage
from django.db.models import F, QuerySet
from django.shortcuts import render

from cooperation.exports.public import public_csv_response
from cooperation.models import Municipality
from cooperation.public import filters, queries, stored
from cooperation.public.paginator import ListPaginator

PAGE_SIZE = 25
# The lists' default order: latest first, records without a date last, as the `ordering`
# parameter sorts them (PostgreSQL would put them first).
LATEST_FIRST = F("main_date").desc(nulls_last=True)


@dataclass(frozen=True, kw_only=True)
class ListPage:
    """What one list shows: its filters, its published rows in their default order, its
    template, how it names a row, and the record type of its CSV."""

    filterset_class: type
    queryset: Callable[[], QuerySet]
    default_ordering: tuple
    template_name: str
    noun: str
    noun_plural: str
    record_type: str

    def filterset(self, request):
        return self.filterset_class(
            request.GET, queryset=self.queryset().order_by(*self.default_ordering)
        )


OFFICES = ListPage(
    filterset_class=filters.OfficeFilterSet,
    queryset=queries.offices,
    default_ordering=(LATEST_FIRST, "name", "pk"),
    template_name="cooperation/office_list.html",
    noun="liaison office",
    noun_plural="liaison offices",
    record_type="offices",
)
VISITS = ListPage(
    filterset_class=filters.VisitFilterSet,
    queryset=queries.visits,
    default_ordering=(LATEST_FIRST, "title", "pk"),
    template_name="cooperation/visit_list.html",
    noun="visit",
    noun_plural="visits",
    record_type="visits",
)
AGREEMENTS = ListPage(
    filterset_class=filters.AgreementFilterSet,
    queryset=queries.agreements,
    default_ordering=(LATEST_FIRST, "title", "pk"),
    template_name="cooperation/agreement_list.html",
    noun="agreement",
    noun_plural="agreements",
    record_type="agreements",
)
EVENTS = ListPage(
    filterset_class=filters.EventFilterSet,
    queryset=queries.events,
    default_ordering=(LATEST_FIRST, "title", "pk"),
    template_name="cooperation/event_list.html",
    noun="event",
    noun_plural="events",
    record_type="events",
)
MUNICIPALITIES = ListPage(
    filterset_class=filters.MunicipalityFilterSet,
    queryset=lambda: stored.published(Municipality).select_related("parent"),
    default_ordering=("name", "pk"),
    template_name="cooperation/municipality_list.html",
    noun="municipality",
    noun_plural="municipalities",
    record_type="municipalities",
)


def invalid(request, page: ListPage, filterset, page_error=""):
    context = {"filterset": filterset, "list": page, "page_obj": None, "page_error": page_error}
    return render(request, page.template_name, context, status=400)


def list_response(request, page: ListPage):
    """A page of the filtered rows; invalid filters or page numbers answer 400."""
    filterset = page.filterset(request)
    if not filterset.is_valid():
        return invalid(request, page, filterset)
    paginator = ListPaginator(filterset.qs, PAGE_SIZE)
    try:
        page_obj = paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        return invalid(
            request,
            page,
            filterset,
            f"There is no page “{request.GET['page'][:20]}”: "
            f"choose a page from 1 to {paginator.num_pages}.",
        )
    context = {"filterset": filterset, "list": page, "page_obj": page_obj, "page_error": ""}
    return render(request, page.template_name, context)


def export_response(request, page: ListPage):
    """The CSV of the same filters, every matching row; invalid filters answer 400."""
    filterset = page.filterset(request)
    if not filterset.is_valid():
        return invalid(request, page, filterset)
    return public_csv_response(request, filterset.qs.prefetch_related(None), page.record_type)


def office_list(request):
    return list_response(request, OFFICES)


def office_export(request):
    return export_response(request, OFFICES)


def visit_list(request):
    return list_response(request, VISITS)


def visit_export(request):
    return export_response(request, VISITS)


def agreement_list(request):
    return list_response(request, AGREEMENTS)


def agreement_export(request):
    return export_response(request, AGREEMENTS)


def event_list(request):
    return list_response(request, EVENTS)


def event_export(request):
    return export_response(request, EVENTS)


def municipality_list(request):
    return list_response(request, MUNICIPALITIES)


def municipality_export(request):
    return export_response(request, MUNICIPALITIES)
