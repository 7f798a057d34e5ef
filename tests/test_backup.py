"""Backup and restore: export_dataset / import_dataset between SQLite and PostgreSQL."""

import contextlib
import decimal
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection

from cooperation.backup import (
    HEADER,
    PROGRESS_EVERY,
    ROWS_PER_BATCH,
    DatasetError,
    applied_migrations,
    import_dataset,
)
from cooperation.models import Municipality, OfficeStaff, Revision, Sector, Visit
from tests.support.server import BASE, production_env

# Tables `migrate` fills or that hold no dataset: compared nowhere, by design.
NOT_DATASET_TABLES = {"django_migrations", "django_content_type", "auth_permission"}
NOT_DATASET_TABLES |= {"django_session"}
NATURAL_KEYS = {ContentType, Permission}


def every_table() -> dict[str, list[tuple]]:
    """Every row of every table but NOT_DATASET_TABLES, links to content types and
    permissions as their natural keys (their ids differ between databases)."""
    models = {m._meta.db_table: m for m in apps.get_models(include_auto_created=True)}
    # SQLite's own tables (sqlite_stat1, written by ANALYZE after synthetic data) hold no data.
    tables = {
        table for table in connection.introspection.table_names() if not table.startswith("sqlite_")
    } - NOT_DATASET_TABLES
    assert tables <= set(models), f"tables without a model: {tables - set(models)}"
    natural = {
        model: {obj.pk: obj.natural_key() for obj in model.objects.all()} for model in NATURAL_KEYS
    }
    snapshot = {}
    for table in sorted(tables):
        fields = models[table]._meta.concrete_fields
        rows = (
            models[table]
            ._base_manager.order_by("pk")
            .values_list(*(field.attname for field in fields))
        )
        snapshot[table] = [
            tuple(
                natural[field.related_model][value]
                if field.is_relation and field.related_model in natural and value
                else value
                for field, value in zip(fields, row, strict=True)
            )
            for row in rows
        ]
    return snapshot


@pytest.fixture
def dataset(sample_data):
    """The sample data, plus users, groups with permissions, history and the admin log."""
    editor = User.objects.create_user("editor", password="a-strong-password-1")
    analysts = Group.objects.create(name="Analysts")
    analysts.permissions.set(Permission.objects.filter(codename__endswith="_visit"))
    editor.groups.add(analysts)
    editor.user_permissions.add(Permission.objects.get(codename="view_municipality"))
    visit = Visit.objects.first()
    visit._change_reason = "A better source turned up"
    visit._history_user = editor
    visit.description += "\nCorrected after a second article."
    visit.save()
    visit.sectors.clear()
    LogEntry.objects.log_actions(editor.pk, [visit], CHANGE, change_message="Corrected")
    return editor


# More rows than one batch of the import, and than one step of its progress.
MANY = PROGRESS_EVERY + ROWS_PER_BATCH


@pytest.fixture
def many_sectors(dataset):
    """The dataset, with a table of MANY more rows (written in bulk: no history)."""
    Sector.objects.bulk_create(
        Sector(name=f"Bulk sector {n}", slug=f"bulk-sector-{n}") for n in range(MANY)
    )


def export_to_string() -> str:
    out = io.StringIO()
    call_command("export_dataset", "/dev/stdout", stdout=out)
    return out.getvalue()


def export_file(tmp_path) -> Path:
    path = tmp_path / "backup.json"
    call_command("export_dataset", str(path), stdout=io.StringIO())
    return path


def migrations_digest() -> str:
    return hashlib.sha256("\n".join(applied_migrations("default")).encode()).hexdigest()[:12]


def other_database(tmp_path) -> str:
    """A migrated database of the other kind: PostgreSQL when the suite runs on SQLite,
    SQLite when it runs on PostgreSQL. Migrated once per migration state, then reused;
    those of earlier migration states are removed."""
    env = production_env(DJANGO_DEBUG="true")
    if connection.vendor == "postgresql":
        template = Path(tempfile.gettempdir()) / f"sinoisrael_prod_{migrations_digest()}.sqlite3"
        for stale in template.parent.glob("sinoisrael_prod_*.sqlite3"):
            if stale != template:
                stale.unlink(missing_ok=True)
        if not template.exists():
            partial = template.with_suffix(".partial")
            migrate(env, f"sqlite:///{partial}")
            partial.rename(template)
        shutil.copy(template, tmp_path / "other.sqlite3")
        return f"sqlite:///{tmp_path / 'other.sqlite3'}"
    name = f"sinoisrael_prod_dataset_{migrations_digest()}"
    with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True) as pg:
        drop_stale_databases(pg, keep=name)
        if not pg.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            pg.execute(f'CREATE DATABASE "{name}"')
    url = f"postgres://postgres@127.0.0.1:5432/{name}"
    with psycopg.connect(f"host=127.0.0.1 user=postgres dbname={name}") as pg:
        migrated = (
            pg.execute("SELECT 1 FROM pg_tables WHERE tablename = 'django_migrations'").fetchone()
            and pg.execute("SELECT count(*) FROM django_migrations").fetchone()[0]
        )
    if migrated != len(applied_migrations("default")):
        migrate(env, url)
    return url


def drop_stale_databases(pg, *, keep: str) -> None:
    """Drop the dataset databases of other migration states, unless another run uses one."""
    stale = pg.execute(
        "SELECT datname FROM pg_database WHERE datname LIKE 'sinoisrael\\_prod\\_dataset\\_%%'"
        " AND datname <> %s",
        [keep],
    ).fetchall()
    for (name,) in stale:
        with contextlib.suppress(psycopg.errors.ObjectInUse):
            pg.execute(f'DROP DATABASE IF EXISTS "{name}"')


def migrate(env, url):
    manage(env, url, "migrate", "--noinput", "-v0")


def manage(env, url, *args) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        env={**env, "DATABASE_URL": url},
        cwd=BASE,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.django_db(transaction=True)
def test_round_trip_through_the_other_database_keeps_every_table(tmp_path, dataset):
    before = every_table()
    assert before["cooperation_historicalvisit_sectors"], "m2m history is part of the test"
    assert before["auth_group_permissions"] and before["django_admin_log"]
    url = other_database(tmp_path)
    env = production_env(DJANGO_DEBUG="true")
    first, second = export_file(tmp_path), tmp_path / "from-other.json"
    manage(env, url, "import_dataset", str(first), "--replace")
    manage(env, url, "export_dataset", str(second))

    call_command("import_dataset", str(second), "--replace", stdout=io.StringIO())

    assert every_table() == before
    assert User.objects.get(username="editor").check_password("a-strong-password-1")
    new = Municipality.objects.create(name="Ningbo", slug="ningbo", country="CN")
    assert new.pk > max(row[0] for row in before["cooperation_municipality"])


@pytest.mark.django_db(transaction=True)
def test_import_into_a_database_holding_data_refuses_and_changes_nothing(tmp_path, dataset):
    path = export_file(tmp_path)
    before = every_table()
    with pytest.raises(CommandError, match=r"already holds data.*--replace.*Nothing was changed"):
        call_command("import_dataset", str(path))
    assert every_table() == before


@pytest.mark.django_db(transaction=True)
def test_a_failing_import_leaves_the_database_as_it_was(tmp_path, dataset):
    path = export_file(tmp_path)
    data = json.loads(path.read_text())
    staff = next(t for t in data["tables"] if t["model"] == "cooperation.officestaff")
    person = staff["columns"].index("person_id")
    staff["rows"][-1][person] = 999_999  # a link to a person who does not exist
    path.write_text(json.dumps(data))
    before = every_table()
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("import_dataset", str(path), "--replace")
    assert every_table() == before
    assert OfficeStaff.objects.exists()


@pytest.mark.django_db
def test_a_database_with_only_role_groups_counts_as_empty(tmp_path, dataset):
    path = export_file(tmp_path)
    exported_groups = sorted(Group.objects.values_list("name", flat=True))
    for model in reversed(apps.get_models(include_auto_created=True)):
        if model not in {ContentType, Permission, Group} and model._meta.managed:
            model._base_manager.all()._raw_delete("default")
    Group.objects.create(name="Made by a migration")
    with path.open("rb") as source:
        counts = import_dataset(source)
    assert counts["auth.group"] == len(exported_groups)
    assert sorted(Group.objects.values_list("name", flat=True)) == exported_groups


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json at all", "not a dataset export"),
        ('{"format": "something-else"}', "not a dataset export"),
        ('{"format": "sinoisrael-dataset", "version": 99}', "version 99"),
        (
            '{"format": "sinoisrael-dataset", "version": 1, '
            '"migrations": ["cooperation.9999_future"], "tables": []}',
            "missing here: cooperation.9999_future",
        ),
        ('{"format": "sinoisrael-dataset", "version": 1, "migr', "cut short"),
        ('{"format": "sinoisrael-dataset", "version": 1, "migrations": 7}', "migrations"),
        ('{"format": "sinoisrael-dataset", "version": 1, "migrations": MIGRATIONS}', "no tables"),
        (
            '{"format": "sinoisrael-dataset", "version": 1, "migrations": MIGRATIONS, '
            '"tables": [{"model": "cooperation.nothing", "columns": [], "rows": []}]}',
            "a table this site does not know: 'cooperation.nothing'",
        ),
        (
            '{"format": "sinoisrael-dataset", "version": 1, "migrations": MIGRATIONS, '
            '"tables": [{"rows": [], "model": "auth.group", "columns": ["id", "name"]}]}',
            "gives its model and columns, then its rows",
        ),
        (
            '{"format": "sinoisrael-dataset", "version": 1, "migrations": MIGRATIONS, '
            '"tables": [{"model": "auth.group", "columns": ["id"], "rows": []}]}',
            "columns of auth.group in the file do not match",
        ),
        (
            '{"format": "sinoisrael-dataset", "version": 1, "migrations": MIGRATIONS, '
            '"tables": [{"model": "auth.group", "columns": ["id", "name"], "rows": [[1]]}]}',
            "A row of auth.group cannot be read",
        ),
        (
            '{"format": "sinoisrael-dataset", "version": 1, "migrations": MIGRATIONS, '
            '"tables": []} and more',
            "cut short",
        ),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(tmp_path, content, message):
    content = content.replace("MIGRATIONS", json.dumps(applied_migrations("default")))
    with pytest.raises(DatasetError, match=message):
        import_dataset(io.BytesIO(content.encode()))


@pytest.mark.django_db
def test_a_file_with_its_tables_before_its_header_is_refused(tmp_path, dataset):
    data = json.loads(export_file(tmp_path).read_text())
    tables_first = {"tables": data["tables"], **{key: data[key] for key in HEADER}}
    before = every_table()
    with pytest.raises(DatasetError, match="tables come before its format, version, migrat"):
        import_dataset(io.BytesIO(json.dumps(tables_first).encode()), replace=True)
    assert every_table() == before


@pytest.mark.django_db
def test_tables_larger_than_a_batch_round_trip(tmp_path, many_sectors):
    path = export_file(tmp_path)
    before = every_table()
    assert len(before["cooperation_sector"]) > MANY
    call_command(
        "import_dataset", str(path), "--replace", stdout=io.StringIO(), stderr=io.StringIO()
    )
    assert every_table() == before


@pytest.mark.django_db(transaction=True)
def test_a_file_cut_short_is_refused_and_the_rows_it_had_written_are_undone(tmp_path, many_sectors):
    path = export_file(tmp_path)
    content = path.read_bytes()
    path.write_bytes(content[: content.index(f'"bulk-sector-{MANY - 10}"'.encode())])
    before = every_table()
    sectors_seen = {}

    def progress(table, rows):  # called inside the import's transaction
        sectors_seen[table, rows] = Sector.objects.count()

    with path.open("rb") as source, pytest.raises(DatasetError, match="cut short"):
        import_dataset(source, replace=True, progress=progress)
    assert sectors_seen["cooperation.sector", 0] == 0  # deleted by --replace
    assert sectors_seen["cooperation.sector", PROGRESS_EVERY] == PROGRESS_EVERY
    assert every_table() == before


@pytest.mark.django_db
def test_numbers_are_read_back_exactly(tmp_path, dataset):
    """ijson reads 0.1 as Decimal("0.1"): a JSON field gets back the float that was written
    (it stores its value with json.dumps, which refuses a Decimal), a decimal field its
    digits, and an integer stays one, however large."""
    numbers = {"floats": [0.1, 1.5e-10, 1 / 3, 3.0, -2.25], "integers": [2**70, -1]}
    Revision.objects.create(
        content_type=ContentType.objects.get_for_model(Visit),
        object_id=Visit.objects.first().pk,
        base=numbers,
        proposed={"fields": numbers},
        proposed_by=dataset,
    )
    Municipality.objects.filter(pk=Municipality.objects.first().pk).update(
        latitude=decimal.Decimal("31.768319"), longitude=decimal.Decimal("-0.000001")
    )
    path = export_file(tmp_path)
    before = every_table()
    with path.open("rb") as source:
        import_dataset(source, replace=True)
    assert every_table() == before
    assert Revision.objects.get().base == numbers


def test_export_command_reports_what_it_wrote(tmp_path, db):
    out = io.StringIO()
    call_command("export_dataset", str(tmp_path / "x.json"), stdout=out, stderr=io.StringIO())
    assert "Exported 0 rows" not in out.getvalue()
    assert os.path.getsize(tmp_path / "x.json") > 0


@pytest.mark.django_db
def test_the_commands_show_progress_on_stderr_and_only_the_result_on_stdout(tmp_path, dataset):
    path = str(tmp_path / "backup.json")
    for command, args in (("export_dataset", []), ("import_dataset", ["--replace"])):
        out, err = io.StringIO(), io.StringIO()
        call_command(command, path, *args, stdout=out, stderr=err)
        assert "cooperation.visit: 0 rows" in err.getvalue().splitlines(), command
        assert len(out.getvalue().splitlines()) == 1, command
    assert out.getvalue().startswith("Imported ")
    quiet = io.StringIO()
    call_command("import_dataset", path, "--replace", "-v0", stdout=io.StringIO(), stderr=quiet)
    assert quiet.getvalue() == ""
