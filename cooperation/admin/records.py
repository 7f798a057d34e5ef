"""Admins of the cooperation records: liaison offices, visits, agreements."""

from django.contrib import admin
from django.db.models import Prefetch

from cooperation.admin.actions import publish, return_to_draft, submit_for_review
from cooperation.admin.base import NAME_SEARCH, MainModelAdmin, partial_date_column, row_id
from cooperation.admin.forms import AgreementForm, LiaisonOfficeForm, VisitForm
from cooperation.admin.inlines import (
    AgreementPartyInline,
    OfficeStaffInline,
    VisitParticipantInline,
    sources_cited_inline,
)
from cooperation.models import Agreement, AgreementParty, LiaisonOffice, Source, Visit
from cooperation.records.workflow import can_publish


class RecordAdmin(MainModelAdmin):
    """Sources are cited in an inline (the `cite` parameter fills in the first row), except on
    the page of an earlier version; the publishing actions show to those allowed to take
    each step."""

    exclude = ["sources"]
    actions = [submit_for_review, publish, return_to_draft]

    def get_exclude(self, request, obj=None):
        """The page of an earlier version shows no inlines: there, sources are a field."""
        if hasattr(request, "version_links"):
            return []
        return super().get_exclude(request, obj)

    def get_autocomplete_fields(self, request):
        return [*super().get_autocomplete_fields(request), "sources"]

    def has_publish_permission(self, request):
        return can_publish(request.user, self.model)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        adding = request.method == "GET" and obj.pk is None
        if adding and inline.model is self.model.sources.through:
            cited = row_id(Source, request.GET.get("cite", ""))
            if cited is not None and Source.objects.filter(pk=cited).exists():
                kwargs["initial"] = [{"source": cited}]
        return kwargs


@admin.register(LiaisonOffice)
class LiaisonOfficeAdmin(RecordAdmin):
    form = LiaisonOfficeForm
    list_display = [
        "name",
        "sponsor",
        "host",
        "operating_status",
        partial_date_column("opened", "Opened"),
        "status",
    ]
    list_filter = [
        "status",
        "operating_status",
        "sectors",
        ("host", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["sponsor", "host"]
    search_fields = [*NAME_SEARCH, "sponsor__name", "host__name", "sponsor__native_name"]
    autocomplete_fields = ["sponsor", "sponsor_organization", "host", "sectors"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "opened_date"
    inlines = [sources_cited_inline(LiaisonOffice), OfficeStaffInline]


@admin.register(Visit)
class VisitAdmin(RecordAdmin):
    form = VisitForm
    list_display = ["title", "origin", "dates", "leader", "status"]
    list_filter = ["status", "sectors", ("origin", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["origin", "leader"]
    search_fields = ["title", "slug", "origin__name", "origin__native_name", "origin__aliases"]
    autocomplete_fields = ["origin", "destinations", "leader", "sectors"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "start_date"
    inlines = [sources_cited_inline(Visit), VisitParticipantInline]

    @admin.display(description="Dates", ordering="start_date")
    def dates(self, visit):
        return visit.dates


@admin.register(Agreement)
class AgreementAdmin(RecordAdmin):
    form = AgreementForm
    list_display = [
        "title",
        "kind",
        partial_date_column("signed", "Signed"),
        "party_names",
        "status",
    ]
    list_filter = ["status", "kind", "sectors"]
    list_select_related = ["visit"]
    search_fields = [
        "title",
        "slug",
        "parties__municipality__name",
        "parties__organization__name",
    ]
    autocomplete_fields = ["visit", "sectors"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "signed_date"
    inlines = [sources_cited_inline(Agreement), AgreementPartyInline]

    def get_queryset(self, request):
        parties = AgreementParty.objects.select_related("municipality", "organization")
        return super().get_queryset(request).prefetch_related(Prefetch("parties", parties))

    @admin.display(description="Parties")
    def party_names(self, agreement):
        return ", ".join(str(party) for party in agreement.parties.all())
