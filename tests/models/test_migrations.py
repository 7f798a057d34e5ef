"""What the data migrations do to rows that exist when they run.

Each test migrates to the state before its migration, then only through that migration
and back: on SQLite every schema step rebuilds tables, so a round trip through the later
migrations would cost most of the time. The tests are in the order of their migrations,
each starting near where the last one stopped. Each leaves the schema at least at
`FLUSHABLE`: before it, the visits' old destinations table references municipalities,
and the flush after a test (PostgreSQL's TRUNCATE of the tables the latest models know)
would refuse. The module leaves the latest schema behind for the other tests.
"""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True, scope="module")
def latest_schema_afterwards(django_db_blocker):
    """The other tests need the latest schema, whatever happened here."""
    yield
    with django_db_blocker.unblock():
        migrate()


FLUSHABLE = ("cooperation", "0010_visit_places")


def migrate(*targets):
    """Migrate the test database to `targets` (the latest: none) and return its models."""
    executor = MigrationExecutor(connection)
    targets = list(targets) or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_failed_sign_ins_written_without_an_address_get_the_unknown_peer_address():
    old = migrate(("cooperation", "0004_search_indexes")).get_model("cooperation", "FailedLogin")
    old.objects.create(username="nobody", address=None)
    old.objects.create(username="someone", address="203.0.113.5")
    new = migrate(("cooperation", "0005_sign_in_addresses")).get_model("cooperation", "FailedLogin")
    assert sorted(new.objects.values_list("username", "address")) == [
        ("nobody", "0.0.0.0"),
        ("someone", "203.0.113.5"),
    ]
    migrate(FLUSHABLE)


BEFORE_NAMES = ("cooperation", "0006_revisions")
AFTER_NAMES = ("cooperation", "0007_names_in_three_scripts")


def test_native_names_and_alias_lines_become_names_in_three_scripts_and_back():
    old = migrate(BEFORE_NAMES)
    place = old.get_model("cooperation", "Municipality").objects.create(
        name="Tel Aviv-Yafo",
        slug="tel-aviv-yafo",
        native_name="תל אביב-יפו",
        native_language="he",
        aliases="Tel Aviv\n\n  特拉维夫 \nתל אביב\nTel Aviv",
        country="IL",
        level="city",
    )
    old.get_model("cooperation", "HistoricalMunicipality").objects.create(
        id=place.pk,
        name=place.name,
        slug=place.slug,
        native_name="תל אביב",
        native_language="he",
        country="IL",
        level="city",
        created_at=place.created_at,
        updated_at=place.updated_at,
        history_date=place.updated_at,
        history_type="~",
    )
    old.get_model("cooperation", "Person").objects.create(
        name="Ying Yong", slug="ying-yong", native_name="应勇", native_language="zh"
    )
    new = migrate(AFTER_NAMES)
    tel_aviv = new.get_model("cooperation", "Municipality").objects.get()
    assert (tel_aviv.name_zh, tel_aviv.name_he) == ("", "תל אביב-יפו")
    aliases = new.get_model("cooperation", "MunicipalityAlias").objects.order_by("pk")
    assert list(aliases.values_list("name", "language")) == [
        ("Tel Aviv", "en"),
        ("特拉维夫", "zh"),
        ("תל אביב", "he"),
    ]
    assert tel_aviv.search_names.splitlines() == [
        "tel aviv yafo",
        "תל אביב יפו",
        "tel aviv",
        "特拉维夫",
        "תל אביב",
    ]
    version = new.get_model("cooperation", "HistoricalMunicipality").objects.get()
    assert (version.name_zh, version.name_he) == ("", "תל אביב")
    person = new.get_model("cooperation", "Person").objects.get()
    assert (person.name_zh, person.name_he, person.search_names) == (
        "应勇",
        "",
        "ying yong\n应勇",
    )

    back = migrate(BEFORE_NAMES)
    tel_aviv = back.get_model("cooperation", "Municipality").objects.get()
    assert (tel_aviv.native_name, tel_aviv.native_language) == ("תל אביב-יפו", "he")
    assert tel_aviv.aliases == "Tel Aviv\n特拉维夫\nתל אביב"
    person = back.get_model("cooperation", "Person").objects.get()
    assert (person.native_name, person.native_language) == ("应勇", "zh")
    migrate(FLUSHABLE)


# The partial dates of each model the qualifiers migration converts, history included.
PARTIAL_DATES = {
    "LiaisonOffice": ("announced", "opened", "closed"),
    "Visit": ("start", "end"),
    "Agreement": ("signed", "ended"),
    "Source": ("published",),
}
BEFORE_QUALIFIERS = ("cooperation", "0007_names_in_three_scripts")


def dated_records(apps) -> dict:
    """One record of each model with partial dates, every date filled in, by model name."""

    def rows(model_name):
        return apps.get_model("cooperation", model_name).objects

    china = rows("Municipality").create(name="Beijing", slug="beijing", country="CN", level="city")
    israel = rows("Municipality").create(name="Haifa", slug="haifa", country="IL", level="city")
    return {
        "LiaisonOffice": rows("LiaisonOffice").create(
            name="Office",
            slug="office",
            sponsor=china,
            host=israel,
            announced_date=date(2018, 4, 1),
            opened_date=date(2018, 6, 1),
            closed_date=date(2019, 1, 1),
        ),
        "Visit": rows("Visit").create(
            title="Visit",
            slug="visit",
            origin=china,
            start_date=date(2018, 6, 5),
            end_date=date(2018, 6, 7),
        ),
        "Agreement": rows("Agreement").create(
            title="Twinning",
            slug="twinning",
            kind="twinning",
            signed_date=date(1998, 1, 1),
            ended_date=date(2018, 1, 1),
        ),
        "Source": rows("Source").create(
            url="https://news.example.org/1", title="Article", published_date=date(2018, 6, 8)
        ),
    }


def copy_into_history(apps, record) -> None:
    """A version of `record` in its history, as django-simple-history writes one."""
    model = type(record)
    apps.get_model("cooperation", f"Historical{model.__name__}").objects.create(
        **{field.attname: getattr(record, field.attname) for field in model._meta.fields},
        history_date=timezone.now(),
        history_type="+",
    )


def tables(apps, model_name: str) -> list:
    """The rows of a model and of its history."""
    return [
        apps.get_model("cooperation", name).objects
        for name in (model_name, f"Historical{model_name}")
    ]


def columns(apps, model_name: str, part: str) -> list:
    """Each partial date's `part` column ("date", "qualifier", "approximate"), row by row:
    the record's first, then its version's."""
    names = [f"{name}_{part}" for name in PARTIAL_DATES[model_name]]
    return [row for rows in tables(apps, model_name) for row in rows.values_list(*names)]


def test_approximate_dates_become_qualified_and_back_with_every_value_kept():
    """Forwards the first date of each record (and of its version) is approximate and the
    others exact; back, approximate is the flag set, and inferred or "no later than" the
    flag unset. The dates themselves never change."""
    old = migrate(BEFORE_QUALIFIERS)
    for model_name, record in dated_records(old).items():
        setattr(record, f"{PARTIAL_DATES[model_name][0]}_approximate", True)
        record.save()
        copy_into_history(old, record)
    dates = {model_name: columns(old, model_name, "date") for model_name in PARTIAL_DATES}
    new = migrate(("cooperation", "0008_date_qualifiers"))
    for model_name, names in PARTIAL_DATES.items():
        others = names[1:]
        assert (
            columns(new, model_name, "qualifier") == [("approximate", *["exact"] * len(others))] * 2
        )
        assert columns(new, model_name, "date") == dates[model_name]
        bounds = ("inferred", "no_later_than")
        for rows in tables(new, model_name):
            rows.update(**{f"{name}_qualifier": bounds[i % 2] for i, name in enumerate(others)})

    back = migrate(BEFORE_QUALIFIERS)
    for model_name, names in PARTIAL_DATES.items():
        assert columns(back, model_name, "approximate") == [(True, *[False] * (len(names) - 1))] * 2
        assert columns(back, model_name, "date") == dates[model_name]
    migrate(FLUSHABLE)


def test_a_visits_origin_and_destinations_become_places_in_roles_and_back():
    old = migrate(("cooperation", "0009_visit_date_unknown"))
    place = old.get_model("cooperation", "Municipality")
    shanghai = place.objects.create(name="Shanghai", slug="shanghai", country="CN", level="city")
    haifa = place.objects.create(name="Haifa", slug="haifa", country="IL", level="city")
    tel_aviv = place.objects.create(name="Tel Aviv", slug="tel-aviv", country="IL", level="city")
    visit = old.get_model("cooperation", "Visit").objects.create(
        title="Shanghai delegation", slug="shanghai-delegation", origin=shanghai
    )
    visit.destinations.set([haifa, tel_aviv])
    new = migrate(("cooperation", "0010_visit_places"))
    rows = new.get_model("cooperation", "VisitPlace").objects.order_by("pk")
    assert list(rows.values_list("role", "municipality__slug", "organization")) == [
        ("origin", "shanghai", None),
        ("destination", "haifa", None),
        ("destination", "tel-aviv", None),
    ]
    back = migrate(("cooperation", "0009_visit_date_unknown"))
    visit = back.get_model("cooperation", "Visit").objects.get()
    assert visit.origin.slug == "shanghai"
    assert set(visit.destinations.values_list("slug", flat=True)) == {"haifa", "tel-aviv"}
    migrate(FLUSHABLE)


def test_sources_gain_an_empty_text_and_analysts_may_cite_and_back():
    old = migrate(("cooperation", "0010_visit_places"))
    old.get_model("cooperation", "Source").objects.create(
        url="https://news.example.org/1", title="Article", excerpt="A passage", notes="Noted"
    )
    new = migrate(("cooperation", "0011_evidence"))
    source = new.get_model("cooperation", "Source").objects.get()
    assert (source.title, source.excerpt, source.notes) == ("Article", "A passage", "Noted")
    assert (source.text, source.publisher_kind, source.publisher_country) == ("", "other", "")
    analysts = new.get_model("auth", "Group").objects.get(name="Analyst")
    assert analysts.permissions.filter(codename="add_visitcitation").exists()

    back = migrate(("cooperation", "0010_visit_places"))
    assert back.get_model("cooperation", "Source").objects.get().excerpt == "A passage"
    analysts = back.get_model("auth", "Group").objects.get(name="Analyst")
    assert not analysts.permissions.filter(codename__endswith="citation").exists()
    migrate(("cooperation", "0011_evidence"))
