"""What the data migrations do to rows that exist when they run."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)


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
    try:
        new = migrate().get_model("cooperation", "FailedLogin")
        assert sorted(new.objects.values_list("username", "address")) == [
            ("nobody", "0.0.0.0"),
            ("someone", "203.0.113.5"),
        ]
    finally:
        migrate()  # the other tests need the latest schema, whatever happened above


def test_native_names_and_alias_lines_become_names_in_three_scripts_and_back():
    old = migrate(("cooperation", "0006_revisions"))
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
    try:
        new = migrate()
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

        back = migrate(("cooperation", "0006_revisions"))
        tel_aviv = back.get_model("cooperation", "Municipality").objects.get()
        assert (tel_aviv.native_name, tel_aviv.native_language) == ("תל אביב-יפו", "he")
        assert tel_aviv.aliases == "Tel Aviv\n特拉维夫\nתל אביב"
        person = back.get_model("cooperation", "Person").objects.get()
        assert (person.native_name, person.native_language) == ("应勇", "zh")
    finally:
        migrate()
