"""Filterable list pages. The URL is the state: every filtered view can be shared.

An invalid filter or page answers 400 with the form and a message beside the field.
"""

from dataclasses import dataclass

from django.core.paginator import InvalidPage, Paginator
from django.shortcuts import render

from cooperation.exports.public import public_csv_response
from cooperation.models import Municipality
from cooperation.public import filters, queries

PAGE_SIZE = 25


@dataclass(frozen=True)
class ListPage:
    filterset_class: type
    queryset: callable
    default_ordering: tuple
    template_name: str
    noun: str
    noun_plural: str
    record_type: str

    do_not_call_in_templates = True

    def filter(self, request):
        return self.filterset_class(
            request.GET, queryset=self.queryset().order_by(*self.default_ordering)
        )

    def invalid(self, request, filterset, page_error=""):
        context = {"filterset": filterset, "list": self, "page_obj": None, "page_error": page_error}
        return render(request, self.template_name, context, status=400)

    def export(self, request):
        """The CSV of the same filters, every matching row; invalid filters answer 400."""
        filterset = self.filter(request)
        if not filterset.is_valid():
            return self.invalid(request, filterset)
        return public_csv_response(request, filterset.qs.prefetch_related(None), self.record_type)

    def __call__(self, request):
        filterset = self.filter(request)
        if not filterset.is_valid():
            return self.invalid(request, filterset)
        context = {"filterset": filterset, "list": self, "page_error": ""}
        paginator = Paginator(filterset.qs, PAGE_SIZE)
        try:
            context["page_obj"] = paginator.page(request.GET.get("page") or 1)
        except InvalidPage:
            return self.invalid(
                request,
                filterset,
                f"There is no page “{request.GET['page'][:20]}”: "
                f"choose a page from 1 to {paginator.num_pages}.",
            )
        return render(request, self.template_name, context)


office_list = ListPage(
    filters.OfficeFilterSet,
    queries.offices,
    ("-main_date", "name", "pk"),
    "cooperation/office_list.html",
    "liaison office",
    "liaison offices",
    "offices",
)
visit_list = ListPage(
    filters.VisitFilterSet,
    lambda: queries.visits().prefetch_related("destinations"),
    ("-main_date", "title", "pk"),
    "cooperation/visit_list.html",
    "visit",
    "visits",
    "visits",
)
agreement_list = ListPage(
    filters.AgreementFilterSet,
    queries.agreements,
    ("-main_date", "title", "pk"),
    "cooperation/agreement_list.html",
    "agreement",
    "agreements",
    "agreements",
)
municipality_list = ListPage(
    filters.MunicipalityFilterSet,
    lambda: Municipality.objects.published().select_related("parent"),
    ("name", "pk"),
    "cooperation/municipality_list.html",
    "municipality",
    "municipalities",
    "municipalities",
)
