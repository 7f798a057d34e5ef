"""A written release is a valid Frictionless Data Package whose sizes and SHA-256s are the
files', whose CSVs are the public export's and whose JSON holds the same rows."""

import csv
import hashlib
import io
import json
from decimal import Decimal

import pytest
from frictionless import validate

from cooperation.models import Municipality
from tests.releases.support import SITE, package_of, publish, releases_dir
from tests.support.export_csv import csv_records

pytestmark = pytest.mark.django_db
__all__ = ["releases_dir"]

TABLES = ["offices", "visits", "events", "agreements", "municipalities"]


@pytest.fixture
def release(sample_data, releases_dir):
    publish("--notes", "Sample data")
    return releases_dir / "1"


def test_the_release_validates_with_no_error(release):
    report = validate(str(release / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    assert [task.name for task in report.tasks] == [*TABLES, "records", "release-notes"]


def test_every_file_has_its_size_and_sha256(release):
    resources = package_of(release)["resources"]
    assert sorted(resource["path"] for resource in resources) == sorted(
        [*(f"{name}.csv" for name in TABLES), "records.json", "RELEASE_NOTES.md"]
    )
    for resource in resources:
        content = (release / resource["path"]).read_bytes()
        assert resource["bytes"] == len(content)
        assert resource["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()


def test_a_changed_byte_fails_the_validation(release):
    path = release / "offices.csv"
    path.chmod(0o644)
    path.write_bytes(path.read_bytes().replace(b"Tel Aviv", b"Tel-Aviv", 1))
    report = validate(str(release / "datapackage.json"))
    assert {error[0] for error in report.flatten(["type"])} >= {"hash-count"}


def test_each_csv_is_the_public_export_of_the_same_rows(client, release):
    """Byte for byte the list's download, once its Public URLs are on the same site."""
    for name in TABLES:
        public = csv_records(client.get(f"/{name}/export.csv"))
        for row in public:
            row["Public URL"] = row["Public URL"].replace("http://testserver", SITE)
        released = (release / f"{name}.csv").read_text(encoding="utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(released, newline="")))
        assert sorted(public, key=lambda row: int(row["id"])) == rows, name


def test_the_schema_types_the_columns_and_the_json_follows_it(sample_data, releases_dir):
    Municipality.objects.filter(name="Beijing").update(
        latitude=Decimal("39.904200"), population=21893095
    )
    publish()
    release = releases_dir / "1"
    package = package_of(release)
    fields = {
        resource["name"]: {field["name"]: field["type"] for field in resource["schema"]["fields"]}
        for resource in package["resources"]
        if resource.get("schema")
    }
    assert fields["offices"]["id"] == "integer"
    assert fields["offices"]["Opened date"] == "date"
    assert fields["offices"]["Opened"] == "string"
    assert fields["municipalities"]["Latitude"] == "number"
    assert fields["municipalities"]["Population"] == "integer"
    records = json.loads((release / "records.json").read_text(encoding="utf-8"))
    assert list(records) == TABLES
    beijing = next(row for row in records["municipalities"] if row["Name"] == "Beijing")
    stored = Municipality.objects.get(name="Beijing")
    assert beijing["id"] == stored.pk
    assert (beijing["Latitude"], beijing["Population"]) == (39.9042, 21893095)
    assert beijing["Longitude"] is None  # an empty number cell is null
    assert beijing["Public URL"] == f"{SITE}/municipalities/{stored.slug}/"
    for name in TABLES:
        with (release / f"{name}.csv").open(encoding="utf-8-sig", newline="") as file:
            header, *rows = list(csv.reader(file))
        assert [list(row) for row in records[name]] == [header] * len(rows)
        assert [row["id"] for row in records[name]] == [int(row[0]) for row in rows]


def test_the_notes_count_each_type(release):
    package = package_of(release)
    assert package["version"] == "1"
    assert package["release"]["notes"] == "Sample data"
    assert package["release"]["changes"] is None
    counts = package["release"]["counts"]
    assert counts == {"offices": 2, "visits": 2, "events": 0, "agreements": 4, "municipalities": 6}
    notes = (release / "RELEASE_NOTES.md").read_text(encoding="utf-8")
    assert "Sample data" in notes
    assert "| agreements | 4 |" in notes
    assert "The first release" in notes
