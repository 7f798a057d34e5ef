"""The editors' data-quality page: what to check or complete next, each count a link to the
changelist that lists those rows.

Each check is declared once (`Check`): the page counts its rows, and the changelist filter
`QualityFilter` ("data quality", `?quality=<key>`) lists them, so a count and its list
cannot disagree. Checks on names use the changelists' own filter ("name missing in").
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from cooperation.models import (
    Agreement,
    AgreementParty,
    Event,
    LiaisonOffice,
    Municipality,
    Organization,
    Person,
    PublicationStatus,
    PublisherKind,
    Visit,
)
from cooperation.records.revisions import may_review
from cooperation.scripts import name_key

STALE_DAYS = 30


@dataclass(frozen=True)
class Check:
    key: str
    label: str
    rows: Callable  # a queryset of the model -> those rows that fail the check
    query: dict = field(default_factory=dict)  # the changelist's parameters; default quality=key

    def link_query(self) -> dict:
        return self.query or {"quality": self.key}


def one_source(records):
    return records.annotate(source_count=Count("sources", distinct=True)).filter(source_count=1)


def no_official_source(records):
    return records.exclude(sources__publisher_kind=PublisherKind.GOVERNMENT)


def uncited_facts(records):
    return records.filter(facts_cited__lt=F("facts_stated"))


def unidentified_parties(agreements):
    return agreements.filter(
        pk__in=AgreementParty.objects.exclude(name_as_written="").values("agreement")
    )


def stale_drafts(records):
    since = timezone.now() - timedelta(days=STALE_DAYS)
    return records.filter(status=PublicationStatus.DRAFT, updated_at__lt=since)


def without_coordinates(places):
    return places.filter(Q(latitude__isnull=True) | Q(longitude__isnull=True))


def likely_duplicates(named):
    """Rows whose English name, folded (`name_key`), another row of the model has too."""
    groups = defaultdict(list)
    for pk, name in named.model._default_manager.values_list("pk", "name"):
        groups[name_key(name)].append(pk)
    return named.filter(pk__in=[pk for pks in groups.values() if len(pks) > 1 for pk in pks])


def missing_name(language: str, script: str) -> Check:
    field_name = {"zh": "name_zh", "he": "name_he"}[language]
    return Check(
        f"missing_{language}",
        f"no {script} name",
        lambda named: named.filter(**{field_name: ""}),
        query={"missing_name": language},
    )


RECORD_CHECKS = [
    Check("one_source", "one source only", one_source),
    Check("no_official", "no official source", no_official_source),
    Check("uncited", "facts without a quote", uncited_facts),
    Check("stale_draft", f"drafts untouched for {STALE_DAYS} days", stale_drafts),
]
NAME_CHECKS = [missing_name("zh", "Chinese"), missing_name("he", "Hebrew")]
CHECKS = {
    LiaisonOffice: RECORD_CHECKS,
    Visit: RECORD_CHECKS,
    Event: RECORD_CHECKS,
    Agreement: [
        *RECORD_CHECKS,
        Check("unidentified_party", "parties not identified", unidentified_parties),
    ],
    Municipality: [
        *NAME_CHECKS,
        Check("no_coordinates", "no coordinates", without_coordinates),
    ],
    Organization: [
        *NAME_CHECKS,
        Check("likely_duplicate", "likely duplicates", likely_duplicates),
    ],
    Person: [*NAME_CHECKS, Check("likely_duplicate", "likely duplicates", likely_duplicates)],
}


class QualityFilter(admin.SimpleListFilter):
    """The rows a data-quality check finds (the page's links lead here)."""

    title = "data quality"
    parameter_name = "quality"

    def checks(self, model):
        return {check.key: check for check in CHECKS[model] if not check.query}

    def lookups(self, request, model_admin):
        return [(key, check.label) for key, check in self.checks(model_admin.model).items()]

    def queryset(self, request, queryset):
        check = self.checks(queryset.model).get(self.value())
        return check.rows(queryset) if check else queryset


@dataclass(frozen=True)
class Tally:
    label: str
    count: int
    url: str


def tallies(model) -> list[Tally]:
    changelist = reverse(f"admin:cooperation_{model._meta.model_name}_changelist")
    return [
        Tally(
            check.label,
            check.rows(model._default_manager.all()).count(),
            f"{changelist}?{urlencode(check.link_query())}",
        )
        for check in CHECKS[model]
    ]


def data_quality_view(request, admin_site):
    """The counts of every check, by model; editors only (they decide what is fixed)."""
    if not may_review(request.user):
        raise PermissionDenied("The data-quality page is for editors.")
    sections = [(model._meta.verbose_name_plural, tallies(model)) for model in CHECKS]
    context = {**admin_site.each_context(request), "title": "Data quality", "sections": sections}
    return TemplateResponse(request, "admin/cooperation/data_quality.html", context)
