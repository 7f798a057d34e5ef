"""Synthetic liaison offices for benchmarks: many rows, written fast, easy to tell apart.

Every synthetic row has a slug (or, for sources, a URL) with a fixed prefix, so real
records are never touched and a synthetic set can be replaced. Rows are written with
COPY on PostgreSQL and executemany elsewhere; history is not recorded for them.
"""

import random
from datetime import date, timedelta
from itertools import batched

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from psycopg import sql

from cooperation.models import (
    Country,
    LiaisonOffice,
    Municipality,
    MunicipalityLevel,
    OperatingStatus,
    Organization,
    Person,
    PublicationStatus,
    Sector,
    Source,
)
from cooperation.models.base import Named, lift_statement_timeout, written_fields
from cooperation.models.places import OrganizationKind
from cooperation.partial_dates import PartialDate, Precision, Qualifier
from cooperation.records.invalidation import pages_changed

PREFIX = "synthetic-"
SOURCE_URL = "https://example.org/synthetic-articles/"
SECTORS, CHINESE_CITIES, ISRAELI_CITIES, ORGANIZATIONS = 20, 300, 60, 50
OFFICES_PER_SOURCE = 4
BATCH_ROWS = 5000
# The qualifiers of announcements other than exact, by office number modulo 10: a few of each.
QUALIFIED = {1: Qualifier.APPROXIMATE, 2: Qualifier.INFERRED, 3: Qualifier.NO_LATER_THAN}

NAMED_MODELS = {
    "municipalities": Municipality,
    "organizations": Organization,
    "people": Person,
    "sectors": Sector,
    "offices": LiaisonOffice,
}


def synthetic(model):
    if model is Source:
        return Source.objects.filter(url__startswith=SOURCE_URL)
    return model.objects.filter(slug__startswith=PREFIX)


def real_record_counts() -> dict[str, int]:
    """Rows that are not synthetic, by kind; empty when the database holds none."""
    counts = {
        name: model.objects.count() - synthetic(model).count()
        for name, model in {**NAMED_MODELS, "sources": Source}.items()
    }
    return {name: count for name, count in counts.items() if count}


def synthetic_office_count() -> int:
    return synthetic(LiaisonOffice).count()


def with_search_names(row: dict) -> dict:
    """The search key `Named.save()` would write, for a row written without it."""
    names = {field: row.get(field, "") for field in ("name", "name_zh", "name_he")}
    return {**row, "search_names": Named.search_names_of(**names)}


def insert(model, rows) -> None:
    """Write `rows` (dicts of attnames) into `model`'s table; missing fields get defaults."""
    fields = written_fields(model)
    defaults = {field.attname: field.get_default() for field in fields}
    columns = [field.column for field in fields]
    if issubclass(model, Named):
        rows = map(with_search_names, rows)
    tuples = ([*{**defaults, **row}.values()] for row in rows)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
                sql.Identifier(model._meta.db_table),
                sql.SQL(", ").join(map(sql.Identifier, columns)),
            )
            with cursor.cursor.copy(statement) as copy:
                for row in tuples:
                    copy.write_row(row)
            return
        quote = connection.ops.quote_name
        statement = "INSERT INTO {} ({}) VALUES ({})".format(
            quote(model._meta.db_table),
            ", ".join(map(quote, columns)),
            ", ".join(["%s"] * len(columns)),
        )
        for batch in batched(tuples, BATCH_ROWS):
            cursor.executemany(statement, batch)


def delete_rows(queryset) -> None:
    select, params = queryset.values("pk").query.sql_with_params()
    table = connection.ops.quote_name(queryset.model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE id IN ({select})", params)


def delete_synthetic() -> None:
    offices = {"office__slug__startswith": PREFIX}
    delete_rows(LiaisonOffice.staff.through.objects.filter(**offices))
    for field in ("sectors", "sources"):
        through = getattr(LiaisonOffice, field).through
        delete_rows(through.objects.filter(liaisonoffice__slug__startswith=PREFIX))
    for model in (LiaisonOffice, Source, Organization, Municipality, Sector):
        delete_rows(synthetic(model))


def next_id(model) -> int:
    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


class Numbered:
    """Rows of one model with ids counted on from the highest id in the table."""

    def __init__(self, model, count: int):
        self.model = model
        first = next_id(model)
        self.ids = range(first, first + count)

    def insert(self, make_row) -> "Numbered":
        now = timezone.now()
        stamps = {"created_at": now, "updated_at": now} if hasattr(self.model, "created_at") else {}
        insert(self.model, ({"id": pk, **stamps, **make_row(n)} for n, pk in enumerate(self.ids)))
        return self

    def pick(self, n: int) -> int:
        return self.ids[n % len(self.ids)]


def office_dates(n: int, rng: random.Random) -> dict:
    """Announced, sometimes opened and closed, at every precision; most announcements
    exact, a tenth each approximate, inferred and "no later than"."""
    precision = (Precision.DAY, Precision.MONTH, Precision.YEAR)[n % 3]
    day = date(2010, 1, 1) + timedelta(days=rng.randrange(5000))
    announced = PartialDate(day, precision).first_day()
    status = (OperatingStatus.ANNOUNCED, OperatingStatus.OPEN, OperatingStatus.CLOSED)[n // 3 % 3]
    dates = {
        "operating_status": status,
        "announced_date": announced,
        "announced_precision": precision,
        "announced_qualifier": QUALIFIED.get(n % 10, Qualifier.EXACT),
    }
    if status != OperatingStatus.ANNOUNCED:
        dates["opened_date"] = announced + timedelta(days=rng.randrange(30, 400))
    if status == OperatingStatus.CLOSED:
        dates["closed_date"] = dates["opened_date"] + timedelta(days=rng.randrange(400, 3000))
    return dates


def generate_offices(count: int, *, seed: int = 2018) -> None:
    """Replace any synthetic set with `count` offices, each with two sectors and sources."""
    rng = random.Random(seed)
    with transaction.atomic():
        lift_statement_timeout(connection)
        pages_changed()  # rows written in bulk send no signal
        delete_synthetic()
        sectors = Numbered(Sector, SECTORS).insert(
            lambda n: {"name": f"Synthetic sector {n}", "slug": f"{PREFIX}sector-{n}"}
        )
        chinese = Numbered(Municipality, CHINESE_CITIES).insert(
            lambda n: {
                "name": f"Synthetic Chinese city {n}",
                "slug": f"{PREFIX}cn-{n}",
                "name_zh": f"合成市{n}",
                "country": Country.CHINA,
                "level": MunicipalityLevel.CITY,
            }
        )
        israeli = Numbered(Municipality, ISRAELI_CITIES).insert(
            lambda n: {
                "name": f"Synthetic Israeli city {n}",
                "slug": f"{PREFIX}il-{n}",
                "name_he": f"עיר סינתטית {n}",
                "country": Country.ISRAEL,
                "level": MunicipalityLevel.CITY,
            }
        )
        organizations = Numbered(Organization, ORGANIZATIONS).insert(
            lambda n: {
                "name": f"Synthetic science park {n}",
                "slug": f"{PREFIX}organization-{n}",
                "kind": OrganizationKind.SCIENCE_PARK,
                "country": Country.CHINA,
                "municipality_id": chinese.pick(n),
            }
        )
        sources = Numbered(Source, max(2, count // OFFICES_PER_SOURCE + 1)).insert(
            lambda n: {
                "url": f"{SOURCE_URL}{n}",
                "title": f"Synthetic article {n}",
                "publisher": "Synthetic News",
                "published_date": date(2010, 1, 1) + timedelta(days=n % 5000),
            }
        )
        offices = Numbered(LiaisonOffice, count).insert(
            lambda n: {
                "name": f"Synthetic office {n}",
                "slug": f"{PREFIX}office-{n}",
                "name_zh": f"合成办事处{n}",
                "status": PublicationStatus.DRAFT if n % 10 == 9 else PublicationStatus.PUBLISHED,
                "sponsor_id": chinese.pick(n),
                "sponsor_organization_id": organizations.pick(n) if n % 3 == 0 else None,
                "host_id": israeli.pick(n),
                "description": f'Synthetic office {n}, "generated" for benchmarks.',
                **office_dates(n, rng),
            }
        )
        link(LiaisonOffice.sectors.through, offices, sectors, "liaisonoffice_id", "sector_id")
        link(LiaisonOffice.sources.through, offices, sources, "liaisonoffice_id", "source_id")
        models = [Sector, Municipality, Organization, Source, LiaisonOffice]
        models += [LiaisonOffice.sectors.through, LiaisonOffice.sources.through]
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
    settle(models)


def settle(models) -> None:
    """Fresh statistics, or the planner takes a million rows for a few thousand; and on
    PostgreSQL a VACUUM, outside the transaction, as autovacuum soon gives a real table:
    without it the visibility map is empty and every index-only scan reads the table too
    (page 3,000 of the office list at 100,000 offices: 68 ms before, 18 ms after). Inside
    an outer transaction (a test's), where VACUUM cannot run, only the statistics."""
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    command = "VACUUM (ANALYZE)" if vacuum else "ANALYZE"
    with connection.cursor() as cursor:
        if vacuum:  # a command, not a request: no statement timeout (outside a transaction)
            cursor.execute("SET statement_timeout = 0")
        for model in models:
            cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")


def link(through, records: Numbered, targets: Numbered, record_column: str, target_column: str):
    """Two different targets for every record."""
    spread = len(targets.ids) // 2
    pairs = (
        (pk, targets.pick(n + shift)) for n, pk in enumerate(records.ids) for shift in (0, spread)
    )
    first = next_id(through)
    insert(
        through,
        (
            {"id": first + i, record_column: record, target_column: target}
            for i, (record, target) in enumerate(pairs)
        ),
    )
