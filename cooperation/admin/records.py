"""Admins of the cooperation records: liaison offices, visits, events, agreements."""

from functools import partial

from django.contrib import admin
from django.db.models import Prefetch
from simple_history.models import to_historic

from cooperation.admin.actions import publish, return_to_draft, submit_for_review
from cooperation.admin.base import FIRST, LAST, NAME_SEARCH, TIMESTAMPS, MainModelAdmin, row_id
from cooperation.admin.change_form import (
    article_parts,
    dates_section,
    fieldsets_of,
    inlines_of,
)
from cooperation.admin.forms import (
    AgreementForm,
    EventForm,
    LiaisonOfficeForm,
    StatusField,
    VisitForm,
)
from cooperation.admin.inlines import (
    AgreementCitationsInline,
    AgreementPartyInline,
    AgreementSignatoryInline,
    AgreementSourcesInline,
    AgreementStatusInline,
    CitationsInline,
    EventCitationsInline,
    EventOrganizerInline,
    EventParticipantInline,
    EventSourcesInline,
    OfficeAliasesInline,
    OfficeCitationsInline,
    OfficeSourcesInline,
    OfficeStaffInline,
    VisitCitationsInline,
    VisitParticipantInline,
    VisitPlaceInline,
    VisitSourcesInline,
)
from cooperation.admin.quality import QualityFilter
from cooperation.admin.years import YearFilter
from cooperation.models import (
    Agreement,
    AgreementParty,
    Event,
    EventOrganizer,
    LiaisonOffice,
    PublicationStatus,
    Source,
    Visit,
    VisitPlace,
)
from cooperation.records.workflow import allowed_statuses, can_publish, check_status_change

EVIDENCE = "Evidence"
# The grade; the inlines of the sources cited and of the citations follow it.
EVIDENCE_SECTION = (EVIDENCE, {"fields": ["evidence"]})
PUBLICATION = ("Publication", {"fields": ["status", *TIMESTAMPS, *LAST]})


def titled(*fields: str) -> tuple[None, dict]:
    """The first section: what the record is called (the duplicate confirmation first, hidden
    until a warning shows)."""
    return (None, {"fields": [*FIRST, *fields]})


class RecordAdmin(MainModelAdmin):
    """The change form reads like an article (`article`, cooperation/admin/change_form.py).
    Sources are cited in an inline (the `cite` parameter fills in the first row), except on
    the page of an earlier version; the publishing actions show to those allowed to take
    each step."""

    exclude = ["sources"]
    actions = [submit_for_review, publish, return_to_draft]
    # The most recently changed first, read from an index (`changed_index`), as a status
    # filter reads from the harvest index: an analyst's work is mostly what just changed.
    ordering = ["-updated_at", "-pk"]
    # The change form's sections in reading order: fieldsets, (name, options), and inlines.
    article: list = []

    def get_fieldsets(self, request, obj=None):
        """The article's fieldsets; on the page of an earlier version, which shows no
        inlines, the sources cited are a field of the evidence section."""
        fieldsets = fieldsets_of(self.article)
        if "sources" in self.get_exclude(request, obj):
            return fieldsets
        return [
            (name, {**options, "fields": [*options["fields"], "sources"]})
            if name == EVIDENCE
            else (name, options)
            for name, options in fieldsets
        ]

    def get_inlines(self, request, obj):
        return inlines_of(self.article)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        """The template shows the fieldsets and the inlines in the article's order."""
        context = {
            **context,
            "article": article_parts(
                self.article, context["adminform"], context["inline_admin_formsets"]
            ),
        }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "evidence"]

    @admin.display(description="Evidence grade")
    def evidence(self, record):
        if not record.evidence_grade:
            return "Graded once saved."
        return f"{record.get_evidence_grade_display()}: {record.evidence_reason}"

    def get_exclude(self, request, obj=None):
        """The page of an earlier version shows no inlines: there, sources are a field."""
        if obj is not None and to_historic(obj) is not None:
            return []
        return super().get_exclude(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        """The status select offers and accepts only what this user may set (the rule of
        records/workflow.py), given through the form field, not stored on the form."""
        current = obj.status if obj is not None else PublicationStatus.DRAFT
        kwargs["formfield_callback"] = partial(
            self.formfield_with_status_rule, request=request, current=current
        )
        return super().get_form(request, obj, change, **kwargs)

    def formfield_with_status_rule(self, db_field, request, current, **kwargs):
        if db_field.name != "status":
            return self.formfield_for_dbfield(db_field, request, **kwargs)
        user, model = request.user, self.model
        field_class = partial(
            StatusField,
            allowed=allowed_statuses(user=user, model=model, current=current),
            rule=partial(check_status_change, user=user, model=model, current=current),
        )
        return self.formfield_for_choice_field(
            db_field, request, choices_form_class=field_class, **kwargs
        )

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
        if isinstance(inline, CitationsInline):
            saved = obj.pk and self.model.objects.with_facts().filter(pk=obj.pk).first()
            kwargs["form_kwargs"] = {
                **kwargs.get("form_kwargs", {}),
                "facts": (saved or obj).facts(),
            }
        return kwargs


@admin.register(LiaisonOffice)
class LiaisonOfficeAdmin(RecordAdmin):
    form = LiaisonOfficeForm
    list_display = [
        "name",
        "sponsor",
        "host",
        "operating_status",
        "opened_as_written",
        "evidence_grade",
        "status",
    ]
    list_filter = [
        "status",
        "evidence_grade",
        QualityFilter,
        YearFilter,
        "operating_status",
        "sectors",
        ("host", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["sponsor", "host"]
    search_fields = NAME_SEARCH
    name_search_paths = ("", "sponsor__", "host__")
    autocomplete_fields = ["sponsor", "sponsor_organization", "host", "sectors"]
    prepopulated_fields = {"slug": ["name"]}
    article = [
        titled("name", "name_zh", "name_he", "slug"),
        OfficeAliasesInline,
        ("Who", {"fields": ["sponsor", "sponsor_organization"]}),
        OfficeStaffInline,
        ("Where", {"fields": ["host", "address", "website"]}),
        dates_section("announced", "opened", "closed", before=("operating_status",)),
        ("What", {"fields": ["sectors", "description"]}),
        EVIDENCE_SECTION,
        OfficeSourcesInline,
        OfficeCitationsInline,
        PUBLICATION,
    ]

    @admin.display(description="Opened", ordering="opened_date")
    def opened_as_written(self, office):
        return str(office.opened)


@admin.register(Visit)
class VisitAdmin(RecordAdmin):
    form = VisitForm
    list_display = ["title", "from_places", "dates", "leader", "evidence_grade", "status"]
    list_filter = ["status", "evidence_grade", QualityFilter, YearFilter, "sectors"]
    list_select_related = ["leader"]
    search_fields = ["title", "slug"]
    name_search_rows = ((VisitPlace, "visit", "municipality__", "organization__"),)
    autocomplete_fields = ["leader", "sectors"]
    prepopulated_fields = {"slug": ["title"]}
    article = [
        titled("title", "slug"),
        ("Who", {"fields": ["leader"]}),
        VisitPlaceInline,
        VisitParticipantInline,
        dates_section("dates"),
        ("What", {"fields": ["purpose", "sectors", "description"]}),
        EVIDENCE_SECTION,
        VisitSourcesInline,
        VisitCitationsInline,
        PUBLICATION,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_places()

    @admin.display(description="From")
    def from_places(self, visit):
        return ", ".join(str(place) for place in visit.origins)

    @admin.display(description="Dates", ordering="start_date")
    def dates(self, visit):
        return visit.dates


@admin.register(Event)
class EventAdmin(RecordAdmin):
    form = EventForm
    list_display = ["title", "kind", "place", "dates", "evidence_grade", "status"]
    list_filter = ["status", "evidence_grade", QualityFilter, YearFilter, "kind", "sectors"]
    list_select_related = ["place"]
    search_fields = ["title", "slug"]
    name_search_paths = ("place__",)
    name_search_rows = ((EventOrganizer, "event", "municipality__", "organization__"),)
    autocomplete_fields = ["place", "sectors"]
    prepopulated_fields = {"slug": ["title"]}
    article = [
        titled("title", "slug"),
        EventOrganizerInline,
        EventParticipantInline,
        ("Where", {"fields": ["place"]}),
        dates_section("dates"),
        ("What", {"fields": ["kind", "sectors", "description"]}),
        EVIDENCE_SECTION,
        EventSourcesInline,
        EventCitationsInline,
        PUBLICATION,
    ]

    @admin.display(description="Dates", ordering="start_date")
    def dates(self, event):
        return event.dates


@admin.register(Agreement)
class AgreementAdmin(RecordAdmin):
    form = AgreementForm
    list_display = [
        "title",
        "kind",
        "signed_as_written",
        "party_names",
        "evidence_grade",
        "status",
    ]
    list_filter = ["status", "evidence_grade", QualityFilter, YearFilter, "kind", "sectors"]
    list_select_related = ["visit"]
    search_fields = [
        "title",
        "slug",
        "parties__municipality__name",
        "parties__organization__name",
    ]
    autocomplete_fields = ["visit", "event", "sectors"]
    prepopulated_fields = {"slug": ["title"]}
    article = [
        titled("title", "slug"),
        AgreementPartyInline,
        AgreementSignatoryInline,
        ("Where", {"fields": ["visit", "event"]}),
        dates_section("signed", "ended"),
        AgreementStatusInline,
        ("What", {"fields": ["kind", "sectors", "description"]}),
        EVIDENCE_SECTION,
        AgreementSourcesInline,
        AgreementCitationsInline,
        PUBLICATION,
    ]

    @admin.display(description="Signed", ordering="signed_date")
    def signed_as_written(self, agreement):
        return str(agreement.signed)

    def get_queryset(self, request):
        parties = AgreementParty.objects.select_related("municipality", "organization")
        return super().get_queryset(request).prefetch_related(Prefetch("parties", parties))

    @admin.display(description="Parties")
    def party_names(self, agreement):
        return ", ".join(str(party) for party in agreement.parties.all())
