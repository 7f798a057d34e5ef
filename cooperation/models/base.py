"""Abstract building blocks shared by the models: timestamps, names, publication."""

import re
import unicodedata
from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from simple_history.models import HistoricalRecords

from cooperation import scripts

# Embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI): invisible,
# they reorder the text after them. Marks (LRM, RLM) only attach to a character: allowed.
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def direction_control_error(text: str) -> str | None:
    match = DIRECTION_CONTROLS.search(text or "")
    if match is None:
        return None
    char = match.group()
    return (
        f"Remove the invisible direction control U+{ord(char):04X} "
        f"({unicodedata.name(char).lower()}) at character {match.start() + 1}: it would "
        "reverse the text around it on the site. Hebrew and Chinese need no control."
    )


class PlainText(models.Model):
    """Text fields refuse invisible direction controls (pasted from a web page, or planted
    to reverse a heading); the pages also isolate every name (templatetags/scripts.py)."""

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self._meta.concrete_fields:
            if field.name in errors or field.name in (exclude or ()):
                continue
            if isinstance(field, models.CharField | models.TextField):
                message = direction_control_error(getattr(self, field.attname))
                if message:
                    errors[field.name] = [message]
        if errors:
            raise ValidationError(errors)


class Tracked(PlainText):
    """Creation and last-change times, and the full history of every change."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # A record's `main_date` is the database's copy of its dates (list_order.py): the
    # history keeps the dates themselves.
    history = HistoricalRecords(inherit=True, excluded_fields=["main_date"])

    class Meta:
        abstract = True


class NameLanguage(models.TextChoices):
    ENGLISH = "en", "English or another Latin spelling"
    CHINESE = "zh", "Chinese"
    HEBREW = "he", "Hebrew"
    OTHER = "other", "Other"


def script_errors(obj, *, chinese: str = "", hebrew: str = "") -> dict:
    """A Chinese name needs Chinese characters, a Hebrew one Hebrew letters: a name typed in
    the wrong box would be shown and read out in the wrong language."""
    errors = {}
    if chinese and getattr(obj, chinese) and not scripts.is_chinese(getattr(obj, chinese)):
        errors[chinese] = "Write the Chinese name in Chinese characters, e.g. 北京."
    if hebrew and getattr(obj, hebrew) and not scripts.is_hebrew(getattr(obj, hebrew)):
        errors[hebrew] = "Write the Hebrew name in Hebrew letters, e.g. חיפה."
    return errors


class Named(Tracked):
    """A named thing with a public slug: its name in English (required), in Chinese and in
    Hebrew, and other names (`aliases`, rows of an `Alias` model tagged by language).

    `search_names` holds every one of those names folded (cooperation/scripts.py), so that
    search compares one column however the reader writes the name. It is written on every
    save, and again by `Alias` whenever an alias changes.
    """

    name = models.CharField("English name", max_length=200, help_text="The usual English name.")
    slug = models.SlugField(max_length=200, unique=True, help_text="Used in public URLs.")
    name_zh = models.CharField(
        "Chinese name",
        max_length=200,
        blank=True,
        help_text="In simplified characters, e.g. 北京; traditional forms are found as well.",
    )
    name_he = models.CharField(
        "Hebrew name", max_length=200, blank=True, help_text="Without vowel points, e.g. חיפה."
    )
    search_names = models.TextField(editable=False, default="")

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_names = self.computed_search_names()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_names"}
        super().save(*args, **kwargs)

    def names_in_other_scripts(self) -> list[tuple[str, str]]:
        """(name, language) in Chinese and Hebrew, those that are known."""
        return [(name, lang) for name, lang in ((self.name_zh, "zh"), (self.name_he, "he")) if name]

    def alias_names(self) -> list[str]:
        return [alias.name for alias in self.aliases.all()] if self.pk else []

    @staticmethod
    def search_names_of(*, name: str, name_zh: str = "", name_he: str = "", aliases=()) -> str:
        """The search key of these names: what `search_names` holds."""
        return scripts.search_key([name, name_zh, name_he, *aliases])

    def computed_search_names(self) -> str:
        return self.search_names_of(
            name=self.name, name_zh=self.name_zh, name_he=self.name_he, aliases=self.alias_names()
        )

    def refresh_search_names(self) -> None:
        """Write the search key again from the names as saved (after an alias changed)."""
        self.search_names = self.computed_search_names()
        type(self)._default_manager.filter(pk=self.pk).update(search_names=self.search_names)

    def clean(self):
        super().clean()
        errors = script_errors(self, chinese="name_zh", hebrew="name_he")
        if errors:
            raise ValidationError(errors)


def names_contain(text: str, *prefixes: str) -> Q:
    """Q: `text`, folded, is inside a name or alias of the row ("") or of the rows the
    prefixes lead to ("sponsor__"): one containment test per prefix on `search_names`,
    which PostgreSQL serves with a trigram index (migration names_in_three_scripts)."""
    key = scripts.folded(text)
    return reduce(or_, (Q(**{f"{prefix}search_names__contains": key}) for prefix in prefixes))


def linked_names_contain(row_model, owner: str, text: str, *prefixes: str) -> Exists:
    """EXISTS: a row of `row_model` whose `owner` is the outer row has a name containing
    `text` on the paths `prefixes` lead to: a many-valued link, matched without listing
    the outer row twice."""
    rows = row_model.objects.filter(**{owner: OuterRef("pk")})
    return Exists(rows.filter(names_contain(text, *prefixes)))


class Alias(PlainText):
    """Another name of a place, body, person or office: a spelling, an old name, a short
    form, a traditional-character form. Saving or deleting one rewrites its owner's search
    key, so search finds the owner by it at once.

    Concrete aliases add `owner`, a foreign key with `related_name="aliases"`.
    """

    name = models.CharField(max_length=200)
    language = models.CharField(
        max_length=5,
        choices=NameLanguage.choices,
        blank=True,
        help_text="Leave empty to read it from the script: Chinese characters, Hebrew "
        "letters, else English or another Latin spelling.",
    )
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["pk"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.fill_language()
        super().save(*args, **kwargs)
        self.owner.refresh_search_names()

    def delete(self, *args, **kwargs):
        owner = self.owner
        result = super().delete(*args, **kwargs)
        owner.refresh_search_names()
        return result

    def fill_language(self) -> None:
        if not self.language:
            self.language = scripts.script_language(self.name) or NameLanguage.ENGLISH

    def clean(self):
        super().clean()
        self.fill_language()
        errors = script_errors(
            self,
            chinese="name" if self.language == NameLanguage.CHINESE else "",
            hebrew="name" if self.language == NameLanguage.HEBREW else "",
        )
        if errors:
            raise ValidationError(errors)


def alias_once(owner: str):
    """The rule of every alias model: one owner has each alias once."""
    return models.UniqueConstraint(
        fields=["owner", "name"],
        name=f"{owner}_alias_once",
        violation_error_message="It already has this other name.",
    )


PARTIES = ("municipality", "organization")


def one_party_constraint(*, name: str, message: str) -> models.CheckConstraint:
    """The database rule of a `MunicipalityOrOrganization` row: exactly one of the two."""
    return models.CheckConstraint(
        name=name,
        condition=Q(municipality__isnull=False, organization__isnull=True)
        | Q(municipality__isnull=True, organization__isnull=False),
        violation_error_message=message,
    )


def party_once(party: str, *, within: list[str], name: str, message=None):
    """Each municipality (or organization) at most once among the rows sharing `within`."""
    return models.UniqueConstraint(
        fields=[*within, party],
        condition=Q(**{f"{party}__isnull": False}),
        name=name,
        violation_error_message=message,
    )


class MunicipalityOrOrganization(PlainText):
    """A row that names either a municipality or an organization (an agreement's party, a
    visit's place); concrete models declare both foreign keys and their rules
    (`one_party_constraint`, `party_once`)."""

    class Meta:
        abstract = True

    @property
    def party(self):
        return self.municipality or self.organization

    def stands_without_party(self) -> bool:
        """Whether the row may name neither (an agreement's party known only by words)."""
        return False

    def clean(self):
        super().clean()
        if bool(self.municipality_id) == bool(self.organization_id) and not (
            self.stands_without_party()
        ):
            raise ValidationError(
                "Choose either a municipality or an organization, not both."
                if self.municipality_id
                else "Choose a municipality or an organization."
            )


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"


class EvidenceGrade(models.TextChoices):
    """How well a record is attested (computed: cooperation/records/grades.py)."""

    A = "A", "A: well attested"
    B = "B", "B: corroborated"
    C = "C", "C: thin"
    D = "D", "D: a single uncited report"


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Only what the public may see."""
        return self.filter(status=PublicationStatus.PUBLISHED)

    def with_facts(self):
        """Fetch what the records' `facts()` read, one query per relation of rows."""
        related, rows = self.model.fact_relations()
        return self.select_related(*related).prefetch_related(*rows)


class NamedByRecordsQuerySet(models.QuerySet):
    """Places, bodies, people, sectors and sources: the public sees one only through the
    published records that name it, so a name entered for a draft stays private.

    `record_paths` are the lookups from the model to the records that name it.
    """

    record_paths: tuple[str, ...] = ()

    def named_by_published_records(self) -> Q:
        """Whether a published record names the row, along any of `record_paths`.

        One subquery per path, not one join over all of them: joined together the
        relations would multiply each other's rows. Each is DISTINCT: without it a
        subquery yields a row per record (900,000 at 1,000,000 offices), which PostgreSQL
        cannot hash within `work_mem`, so it ran it again for every municipality: the public
        municipalities took 19.4 s, 1.8 s with DISTINCT. (An EXISTS per row instead scanned
        the whole table for each place that no record names.)"""
        manager = self.model._default_manager
        return reduce(
            or_,
            (
                Q(
                    pk__in=manager.filter(**{f"{path}__status": PublicationStatus.PUBLISHED})
                    .order_by()
                    .values("pk")
                    .distinct()
                )
                for path in self.record_paths
            ),
        )

    def published(self):
        """Only what the public may see."""
        return self.filter(self.named_by_published_records())


class CitedByRecordsQuerySet(NamedByRecordsQuerySet):
    """Sources and sectors: public once a published record cites or is tagged with them."""

    record_paths = ("liaisonoffices", "visits", "events", "agreements")


class Record(Tracked):
    """A cooperation record (office, visit, agreement): publishable, cited, tagged by sector."""

    status = models.CharField(
        "publication status",
        max_length=10,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        db_index=True,
        help_text="Only published records are shown to the public.",
    )
    sources = models.ManyToManyField(
        "cooperation.Source",
        related_name="%(class)ss",
        help_text="The articles this record is taken from.",
    )
    sectors = models.ManyToManyField("cooperation.Sector", related_name="%(class)ss", blank=True)
    description = models.TextField(blank=True)
    evidence_grade = models.CharField(
        max_length=1,
        choices=EvidenceGrade.choices,
        blank=True,
        editable=False,
        db_index=True,
        help_text="Computed from the sources and citations (cooperation/records/grades.py).",
    )
    evidence_reason = models.CharField(max_length=200, blank=True, editable=False)
    facts_stated = models.PositiveSmallIntegerField(default=0, editable=False)
    facts_cited = models.PositiveSmallIntegerField(default=0, editable=False)

    objects = PublishableQuerySet.as_manager()

    _history_m2m_fields = ["sources", "sectors"]
    # The partial dates, first that is known, a record is listed, counted and filtered by:
    # an office's opening, else its announcement; a visit's start; an agreement's signature.
    # Each record stores it as `main_date = main_date_field(*main_date_from)`.
    main_date_from: tuple[str, ...] = ()

    class Meta:
        abstract = True

    @property
    def main_partial_date(self):
        """The main date of this record as a partial date: the one `main_date` stores
        (cooperation/models/list_order.py), with its precision and qualifier."""
        dates = [getattr(self, name) for name in self.main_date_from]
        return next((date for date in dates if date), dates[-1])

    @property
    def main_date_as_written(self) -> str:
        """The main date as the site writes it: "April 2018", "c. 1998"."""
        return str(self.main_partial_date)

    def facts(self) -> list[tuple[str, str]]:
        """(key, label) of each fact the record states, in the order its page shows them:
        what a citation supports (cooperation/models/citations.py), and what the evidence
        grade counts as cited or not. Labels name only what the record's page shows."""
        raise NotImplementedError

    @classmethod
    def fact_relations(cls) -> tuple[list[str], list]:
        """What `facts()` reads: foreign keys to join, and rows to prefetch."""
        raise NotImplementedError


def written_fields(model) -> list[models.Field]:
    """The columns a write sets: every concrete one but those the database generates
    (a record's `main_date`, list_order.py), which an INSERT or COPY may not name. For
    the writes that go round the model: a dataset import and export, synthetic data."""
    return [field for field in model._meta.concrete_fields if not field.generated]


def lift_statement_timeout(connection) -> None:
    """For the rest of the current transaction, no statement timeout: a command, not a
    request (a million-row COPY, or an import's constraint checks, may take longer than
    the timeout settings.py sets for requests)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 0")


def harvest_index(record: str) -> models.Index:
    """The published rows in the order of their last change: the JSON API's pages
    (cooperation/api/pages.py) read them in that order, a page at a time, where without it
    every page would sort the whole table."""
    return models.Index(fields=["status", "updated_at", "id"], name=f"{record}_harvest")


def changed_index(record: str) -> models.Index:
    """Every row in the order of its last change: the admin's changelists list the most
    recently changed first (cooperation/admin/records.py), a page read from this index
    backwards, where without it every page sorted the whole table (825 ms at 1,000,000
    offices). With a status filter the harvest index serves the same order."""
    return models.Index(fields=["updated_at", "id"], name=f"{record}_changed")


def in_role(person, role: str, body=None) -> str:
    """A person in a row of a record, as the admin and the history name the row: "Ying
    Yong, leader (Shanghai)", the body represented in brackets when there is one."""
    return f"{person}, {role}" + (f" ({body})" if body else "")


def cited_source_str(row) -> str:
    """A row of a record's `sources` (Django's implicit many-to-many table), named by the
    article it cites: its publisher and date, "Shine, 6 June 2018" (the title when no
    publisher is known). Django would call it "Visit_sources object (4)" on the row of the
    change form and in the history of changes."""
    source = row.source
    return ", ".join(
        part for part in (source.publisher or source.title, str(source.published)) if part
    )
