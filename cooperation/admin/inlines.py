"""Rows entered with their record: other names, sources cited, office staff, participants,
parties, citations.

Each row's autocomplete field shows the object it points to. Django's widget looks that
object up once per row; here the rows come with their related objects already joined
(`select_related`), and the widget shows those, so an inline costs the same queries for
1 row or 50.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.db import models

from cooperation.admin.dates import DateBoxesInlineMixin, DateBoxesMixin, PartialDateField
from cooperation.admin.formsets import (
    AgreementPartyFormSet,
    SourcesCitedFormSet,
    VisitPlaceFormSet,
)
from cooperation.models import (
    Agreement,
    AgreementCitation,
    AgreementParty,
    AgreementSignatory,
    AgreementStatus,
    Event,
    EventCitation,
    EventOrganizer,
    EventParticipant,
    LiaisonOffice,
    MunicipalityAlias,
    OfficeAlias,
    OfficeCitation,
    OfficeStaff,
    OrganizationAlias,
    PersonAlias,
    Visit,
    VisitCitation,
    VisitParticipant,
    VisitPlace,
)


class PreloadedAutocompleteSelect(AutocompleteSelect):
    preloaded = None  # the chosen object, when the row already holds it

    def optgroups(self, name, value, attr=None):
        chosen = self.preloaded
        if chosen is None or [str(v) for v in value if v] != [str(chosen.pk)]:
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        label = self.choices.field.label_from_instance(chosen)
        options.append(self.create_option(name, chosen.pk, label, True, len(options)))
        return [(None, options, 0)]


class PreloadedChoicesForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)  # inside the "+" wrapper
            if isinstance(widget, PreloadedAutocompleteSelect):
                relation = self._meta.model._meta.get_field(name)
                widget.preloaded = relation.get_cached_value(self.instance, None)


class RowsInline(admin.TabularInline):
    form = PreloadedChoicesForm
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                PreloadedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using")),
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.autocomplete_fields)


class SourcesCitedInline(RowsInline):
    """The articles a record cites (rows of its `sources` many-to-many)."""

    formset = SourcesCitedFormSet
    autocomplete_fields = ["source"]
    verbose_name = "source cited"
    verbose_name_plural = "sources cited"

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj else 1


class OfficeSourcesInline(SourcesCitedInline):
    model = LiaisonOffice.sources.through


class VisitSourcesInline(SourcesCitedInline):
    model = Visit.sources.through


class AgreementSourcesInline(SourcesCitedInline):
    model = Agreement.sources.through


class EventSourcesInline(SourcesCitedInline):
    model = Event.sources.through


class AliasesInline(admin.TabularInline):
    """Other names, each with its language (read from the script when left empty)."""

    fields = ["name", "language"]
    extra = 1
    verbose_name = "other name"
    verbose_name_plural = "other names (spellings, short forms, traditional characters)"


class MunicipalityAliasesInline(AliasesInline):
    model = MunicipalityAlias


class OrganizationAliasesInline(AliasesInline):
    model = OrganizationAlias


class PersonAliasesInline(AliasesInline):
    model = PersonAlias


class OfficeAliasesInline(AliasesInline):
    model = OfficeAlias


class OfficeStaffInline(RowsInline):
    model = OfficeStaff
    autocomplete_fields = ["person"]


class VisitPlaceInline(RowsInline):
    """Where the delegation came from and went to, who hosted and invited it."""

    model = VisitPlace
    formset = VisitPlaceFormSet
    fields = ["role", "municipality", "organization"]
    autocomplete_fields = ["municipality", "organization"]
    verbose_name = "place or body"
    verbose_name_plural = "from, to, hosted and invited by (each a municipality or an organization)"

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj else 2


class VisitParticipantInline(RowsInline):
    model = VisitParticipant
    fields = ["person", "role", "side", "organization"]
    autocomplete_fields = ["person", "organization"]


class EventOrganizerInline(RowsInline):
    model = EventOrganizer
    fields = ["municipality", "organization"]
    autocomplete_fields = ["municipality", "organization"]
    verbose_name = "organizer"


class EventParticipantInline(RowsInline):
    model = EventParticipant
    fields = ["person", "role", "side", "organization"]
    autocomplete_fields = ["person", "organization"]


class AgreementPartyInline(RowsInline):
    """Each party a municipality or an organization, or the article's words for it."""

    model = AgreementParty
    formset = AgreementPartyFormSet
    fields = ["municipality", "organization", "name_as_written"]
    autocomplete_fields = ["municipality", "organization"]

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj else 2


class AgreementSignatoryInline(RowsInline):
    """Who signed, as what, and for which party."""

    model = AgreementSignatory
    fields = ["person", "role", "municipality", "organization"]
    autocomplete_fields = ["person", "municipality", "organization"]


class AgreementStatusForm(DateBoxesMixin, PreloadedChoicesForm):
    as_of = PartialDateField(label="As of", columns=("as_of",))


class AgreementStatusInline(DateBoxesInlineMixin, RowsInline):
    """The status over time (signed, in force, dormant, terminated), each as of a date; it
    follows the agreement's dates, whose section explains how a date is typed."""

    model = AgreementStatus
    form = AgreementStatusForm
    fields = ["state", "as_of", "source"]
    autocomplete_fields = ["source"]
    verbose_name_plural = "status over time"


class CitationForm(PreloadedChoicesForm):
    """A citation's fact is chosen among the facts the record states as saved (`facts`,
    given by the record admin's `get_formset_kwargs`); a fact the record no longer states
    stays choosable on its row, marked, so saving the page changes nothing unasked."""

    fact = forms.ChoiceField(help_text="Save the record first to cite its places and people.")

    def __init__(self, *args, facts=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = list(facts)
        current = self.instance.fact
        if current and current not in dict(choices):
            choices.append((current, f"No longer on the record: {current}"))
        self.fields["fact"].choices = [("", "---------"), *choices]


class CitationsInline(RowsInline):
    """Evidence: for each fact, the words of a source that support it."""

    form = CitationForm
    fields = ["fact", "source", "quote", "quote_en"]
    autocomplete_fields = ["source"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}
    verbose_name = "cited fact"
    verbose_name_plural = "evidence: each fact with the words of the source that support it"


class OfficeCitationsInline(CitationsInline):
    model = OfficeCitation


class VisitCitationsInline(CitationsInline):
    model = VisitCitation


class EventCitationsInline(CitationsInline):
    model = EventCitation


class AgreementCitationsInline(CitationsInline):
    model = AgreementCitation
