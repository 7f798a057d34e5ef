"""The public list filters: the GET parameters of the public contract (README, "The public
site").

Choices for municipalities, people, organizations and sectors are read once per generation
of the public data (`stored.kept`) and checked by the form, so an unknown slug is a form
error (HTTP 400) and costs no extra query. They offer only what the public may see
(`published()`): a slug named only in a draft is refused exactly like one that does not
exist. Municipalities, people and parties are typed, by name or slug, with suggestions
(cooperation/public/typed_names.py); sectors, being few, are chosen in a select.

A province or region stands for what lies in it (`Municipality.objects.within`): the
`province` filters, the visits' `origin` and `destination` and the agreements' `party`
match its cities and their districts too, and a search for its name finds their records.
An office's `sponsor` and `host` match exactly: `province` is the office list's way to ask
for a region.
"""

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import F, Q

from cooperation.models import (
    AgreementKind,
    AgreementParty,
    Country,
    EventKind,
    EventOrganizer,
    EventParticipant,
    Municipality,
    MunicipalityLevel,
    OfficeStaff,
    OperatingStatus,
    Organization,
    Person,
    Sector,
    VisitParticipant,
    VisitPlace,
)
from cooperation.models.base import EvidenceGrade, linked_names_contain, names_contain
from cooperation.models.places import SELF_AND_REGIONS
from cooperation.public import queries, search, stored
from cooperation.public.typed_names import (
    Choice,
    Suggestions,
    TypedNameFilter,
    refuse_control_characters,
)
from cooperation.public.widgets import OptionsSelect

SEARCH_MAX_LENGTH = 200
FIRST_YEAR, LAST_YEAR = 1900, 2100


class YearField(forms.IntegerField):
    """A year typed as text, so an invalid entry stays in the box beside its message."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "size": 6})

    def __init__(self, **kwargs):
        super().__init__(
            validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
            error_messages={"invalid": "Enter a year as four digits, e.g. 2018."},
            **kwargs,
        )


class YearFilter(django_filters.NumberFilter):
    field_class = YearField


class PublicFilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def suggestion_lists(self) -> list[Suggestions]:
        """The datalists the typed boxes name, each once however many boxes share it."""
        lists = (getattr(field, "suggestions", None) for field in self.fields.values())
        return list({suggestions.id: suggestions for suggestions in lists if suggestions}.values())

    def clean(self):
        cleaned = super().clean()
        year_min, year_max = cleaned.get("year_min"), cleaned.get("year_max")
        if year_min and year_max and year_min > year_max:
            self.add_error("year_max", "The last year must not be before the first year.")
        return cleaned


class OrderingFilter(django_filters.OrderingFilter):
    """Empty values sort last both ways, on SQLite and PostgreSQL alike; ties by id.

    Empty items of the comma-separated list are skipped, as django-filter's own ordering
    does: "year," orders by year, "," keeps the default.
    """

    def filter(self, qs, value):
        names = [self.get_ordering_value(param) for param in value or () if param]
        if not names:
            return qs
        expressions = [
            F(name[1:]).desc(nulls_last=True)
            if name.startswith("-")
            else F(name).asc(nulls_last=True)
            for name in names
        ]
        return qs.order_by(*expressions, "pk")


def search_filter():
    return django_filters.CharFilter(
        label="Search",
        method="search",
        max_length=SEARCH_MAX_LENGTH,
        validators=[refuse_control_characters],
        help_text="Names in English, Chinese or Hebrew, e.g. Z-Park, 中关村, תל אביב.",
    )


def slug_choices(model):
    """(slug, name) of each published `model`, kept per generation of the public data."""
    return stored.kept(
        f"choices:{model._meta.label}",
        lambda: list(model.objects.published().values_list("slug", "name")),
    )


def choices_of(rows) -> tuple[Choice, ...]:
    return tuple(Choice.of(*row) for row in rows.values_list("slug", "name", "search_names"))


def named_choices(model) -> tuple[Choice, ...]:
    """Each published `model` with its names and aliases, kept per generation."""
    return stored.kept(f"names:{model._meta.label}", lambda: choices_of(model.objects.published()))


def municipality_suggestions() -> tuple[Suggestions, Suggestions]:
    """Every municipality the public may see, and the regions among them: those with a
    published city or district inside, which the `province` boxes suggest."""
    choices, regions = stored.kept(
        "names:municipalities", lambda: choices_and_regions(Municipality.objects.published())
    )
    return Suggestions("municipalities", choices), Suggestions("regions", regions)


def choices_and_regions(municipalities):
    rows = list(municipalities.values_list("slug", "name", "search_names", "pk", "parent"))
    parents = {row[4] for row in rows}
    choices = tuple(Choice.of(*row[:3]) for row in rows)
    regions = tuple(choice for choice, row in zip(choices, rows, strict=True) if row[3] in parents)
    return choices, regions


class PublicFilterSet(django_filters.FilterSet):
    """Search, sector, year range and ordering, shared by the office, visit and agreement lists."""

    q = search_filter()
    sector = django_filters.ChoiceFilter(
        label="Sector", field_name="sectors__slug", empty_label="Any sector", widget=OptionsSelect
    )
    year_min = YearFilter(label="From year", field_name="main_date__year", lookup_expr="gte")
    year_max = YearFilter(label="To year", field_name="main_date__year", lookup_expr="lte")
    evidence = django_filters.ChoiceFilter(
        label="Evidence",
        field_name="evidence_grade",
        choices=EvidenceGrade.choices,
        empty_label="Any evidence",
        help_text="A: well attested, down to D: a single uncited report.",
    )

    class Meta:
        form = PublicFilterForm
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["sector"].extra["choices"] = slug_choices(Sector)
        # The form shows the filters in the order of Meta.fields, ordering last.
        self.filters = {name: self.filters[name] for name in [*self.Meta.fields, "ordering"]}

    def offer(self, names, suggestions: Suggestions, choices: tuple[Choice, ...] | None = None):
        """Typed boxes that take one of `choices` (by default the suggestions' own)."""
        for name in names:
            self.filters[name].extra.update(
                suggestions=suggestions,
                choices=suggestions.choices if choices is None else choices,
            )

    def offer_municipalities(self, names) -> Suggestions:
        """`names` take any published municipality, and so does `province`, which suggests
        only regions. Returns the municipalities' suggestions."""
        municipalities, regions = municipality_suggestions()
        self.offer(names, municipalities)
        self.offer(["province"], regions, municipalities.choices)
        return municipalities

    def search(self, queryset, name, value):
        return queryset.filter(self.search_q(value))


INCLUDES_INSIDE = "A province or region includes its cities and their districts."


def typed_name_filter(
    label, placeholder, *, noun="municipality", field_name=None, method=None, help_text=""
):
    """A box for a municipality (or `noun`) typed by name or slug; its choices and
    suggestions are set per request (`PublicFilterSet.offer`)."""
    return TypedNameFilter(
        label=label,
        noun=noun,
        placeholder=placeholder,
        field_name=field_name,
        method=method,
        help_text=help_text,
        max_length=SEARCH_MAX_LENGTH,
    )


def province_filter(help_text):
    """The office, visit and agreement lists' `province`: records of the region or of a
    municipality inside it, matched by each list's `in_province`."""
    return typed_name_filter(
        "Province or region", "Any province", method="in_province", help_text=help_text
    )


def with_regions(*relations: str) -> tuple[str, ...]:
    """Lookup prefixes of municipality relations for a search, each followed by its region's
    and that region's ("sponsor__", "sponsor__parent__", "sponsor__parent__parent__"): a
    search for a province's name finds its cities' and districts' records, as its slug in a
    filter does."""
    return tuple(f"{relation}{path}" for relation in relations for path in SELF_AND_REGIONS)


class OfficeFilterSet(PublicFilterSet):
    sponsor = typed_name_filter("Sponsor", "Any sponsor", field_name="sponsor__slug")
    host = typed_name_filter("Host", "Any host", field_name="host__slug")
    province = province_filter("Offices sponsored by it or by a municipality inside it.")
    status = django_filters.ChoiceFilter(
        label="Status",
        field_name="operating_status",
        choices=OperatingStatus.choices,
        empty_label="Any status",
    )
    ordering = OrderingFilter(
        fields=(
            ("main_date", "year"),
            ("name", "name"),
            ("sponsor__name", "sponsor"),
            ("host__name", "host"),
        ),
        label="Order by",
        empty_label="Latest first",
    )

    class Meta(PublicFilterSet.Meta):
        fields = [
            "q",
            "sponsor",
            "host",
            "province",
            "status",
            "sector",
            "year_min",
            "year_max",
            "evidence",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer_municipalities(["sponsor", "host"])

    @staticmethod
    def in_province(queryset, name, value):
        return queryset.filter(sponsor__in=Municipality.objects.within(value))

    @staticmethod
    def search_q(text):
        return names_contain(
            text, "", *with_regions("sponsor__", "host__"), "sponsor_organization__"
        ) | linked_names_contain(OfficeStaff, "office", text, "person__")


class VisitFilterSet(PublicFilterSet):
    origin = typed_name_filter(
        "From", "Any origin", method="from_origin", help_text=INCLUDES_INSIDE
    )
    destination = typed_name_filter(
        "To", "Any destination", method="to_destination", help_text=INCLUDES_INSIDE
    )
    province = province_filter("Visits from or to it or a municipality inside it.")
    person = typed_name_filter("Person", "Anyone", noun="person", method="with_person")
    ordering = OrderingFilter(
        fields=(("main_date", "year"), ("title", "title"), ("origin_name", "origin")),
        label="Order by",
        empty_label="Latest first",
    )

    class Meta(PublicFilterSet.Meta):
        fields = [
            "q",
            "origin",
            "destination",
            "province",
            "person",
            "sector",
            "year_min",
            "year_max",
            "evidence",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer_municipalities(["origin", "destination"])
        self.offer(["person"], Suggestions("people", named_choices(Person)))

    @staticmethod
    def from_origin(queryset, name, value):
        return queryset.filter(queries.coming_from(Municipality.objects.within(value)))

    @staticmethod
    def to_destination(queryset, name, value):
        return queryset.filter(queries.visiting(Municipality.objects.within(value)))

    @staticmethod
    def in_province(queryset, name, value):
        places = Municipality.objects.within(value)
        return queryset.filter(queries.coming_from(places) | queries.visiting(places))

    @staticmethod
    def with_person(queryset, name, value):
        return queryset.filter(
            Q(leader__slug=value)
            | Q(pk__in=VisitParticipant.objects.filter(person__slug=value).values("visit"))
        )

    @staticmethod
    def search_q(text):
        return (
            search.titles_match(text, "title")
            | names_contain(text, "leader__")
            | linked_names_contain(
                VisitPlace, "visit", text, *with_regions("municipality__"), "organization__"
            )
            | linked_names_contain(VisitParticipant, "visit", text, "person__", "organization__")
        )


class AgreementFilterSet(PublicFilterSet):
    kind = django_filters.ChoiceFilter(
        label="Kind", choices=AgreementKind.choices, empty_label="Any kind"
    )
    party = typed_name_filter(
        "Party",
        "Any party",
        noun="municipality or organization",
        method="with_party",
        help_text=INCLUDES_INSIDE,
    )
    province = province_filter("Agreements to which it or a municipality inside it is a party.")
    ordering = OrderingFilter(
        fields=(("main_date", "year"), ("title", "title"), ("kind", "kind")),
        label="Order by",
        empty_label="Latest first",
    )

    class Meta(PublicFilterSet.Meta):
        fields = ["q", "kind", "party", "province", "sector", "year_min", "year_max", "evidence"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        municipalities = self.offer_municipalities([])
        bodies = named_choices(Organization)
        parties = sorted(municipalities.choices + bodies, key=lambda choice: choice.name)
        self.offer(["party"], Suggestions("parties", tuple(parties)))

    @staticmethod
    def with_party(queryset, name, value):
        return queryset.filter(
            queries.with_parties(
                Q(municipality__in=Municipality.objects.within(value)) | Q(organization__slug=value)
            )
        )

    @staticmethod
    def in_province(queryset, name, value):
        return queryset.filter(
            queries.with_parties(Q(municipality__in=Municipality.objects.within(value)))
        )

    @staticmethod
    def search_q(text):
        return search.titles_match(text, "title") | linked_names_contain(
            AgreementParty, "agreement", text, *with_regions("municipality__"), "organization__"
        )


class EventFilterSet(PublicFilterSet):
    kind = django_filters.ChoiceFilter(
        label="Kind", choices=EventKind.choices, empty_label="Any kind"
    )
    place = typed_name_filter("Held in", "Anywhere", method="held_in", help_text=INCLUDES_INSIDE)
    province = province_filter("Events held in it, or organized by it, or by a place inside it.")
    ordering = OrderingFilter(
        fields=(("main_date", "year"), ("title", "title"), ("place__name", "place")),
        label="Order by",
        empty_label="Latest first",
    )

    class Meta(PublicFilterSet.Meta):
        fields = ["q", "kind", "place", "province", "sector", "year_min", "year_max", "evidence"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer_municipalities(["place"])

    @staticmethod
    def held_in(queryset, name, value):
        return queryset.filter(place__in=Municipality.objects.within(value))

    @staticmethod
    def in_province(queryset, name, value):
        return queryset.filter(queries.events_in(Municipality.objects.within(value)))

    @staticmethod
    def search_q(text):
        return (
            search.titles_match(text, "title")
            | names_contain(text, *with_regions("place__"))
            | linked_names_contain(
                EventOrganizer, "event", text, *with_regions("municipality__"), "organization__"
            )
            | linked_names_contain(EventParticipant, "event", text, "person__", "organization__")
        )


class MunicipalityFilterSet(django_filters.FilterSet):
    q = search_filter()
    country = django_filters.ChoiceFilter(
        label="Country", choices=Country.choices, empty_label="Any country"
    )
    level = django_filters.ChoiceFilter(
        label="Level", choices=MunicipalityLevel.choices, empty_label="Any level"
    )
    ordering = OrderingFilter(
        fields=(("name", "name"), ("country", "country"), ("level", "level")),
        label="Order by",
        empty_label="Name",
    )

    class Meta:
        form = PublicFilterForm
        fields = ["q", "country", "level"]

    @staticmethod
    def search(queryset, name, value):
        return queryset.filter(names_contain(value, ""))
