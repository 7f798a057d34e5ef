"""Every change the public can see makes the stored pages stale at once: the next reader
gets the page rendered again, with the change (cooperation/records/invalidation.py)."""

import io

import pytest
from django.core.management import call_command

from cooperation.models import LiaisonOffice, PublicationStatus
from cooperation.records import revisions, workflow
from cooperation.records.grades import refresh_grade
from cooperation.records.roles import ANALYST, EDITOR
from sinoisrael.http.page_cache import current_generation
from tests.releases.support import publish, releases_dir  # noqa: F401 (a fixture)
from tests.support.admin_pages import staff_user
from tests.support.factories import (
    LiaisonOfficeFactory,
    OrganizationFactory,
    PersonFactory,
    SectorFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def stored(client, url: str) -> None:
    client.get(url)
    assert client.get(url).headers.get("X-Page-Cache") == "hit"


def read_again(client, url: str) -> str:
    response = client.get(url)
    assert response.headers.get("X-Page-Cache") == "miss", "the stored page was served"
    return response.content.decode()


@pytest.fixture
def office():
    office = LiaisonOfficeFactory(
        name="Office in the cache", sponsor_organization=OrganizationFactory(name="Old body")
    )
    office.staff_roles.create(person=PersonFactory(name="Old Director"), role="Director")
    return office


def test_publishing_a_draft_shows_it_on_the_list(client):
    draft = LiaisonOfficeFactory(name="Freshly published", status=PublicationStatus.DRAFT)
    stored(client, "/offices/")
    workflow.publish(record=draft, user=staff_user(EDITOR))
    assert "Freshly published" in read_again(client, "/offices/")


def test_returning_a_record_to_draft_takes_it_off_every_page(client, office):
    url = office.get_absolute_url()
    stored(client, url)
    stored(client, "/offices/")
    workflow.return_to_draft(record=office, user=staff_user(EDITOR))
    assert client.get(url).status_code == 404
    assert "Office in the cache" not in read_again(client, "/offices/")


def test_an_approved_revision_shows_while_a_pending_one_does_not(client, office):
    url = office.get_absolute_url()
    stored(client, url)
    state = revisions.snapshot(office)
    state["fields"]["name"] = "Office renamed by review"
    revision = revisions.propose(obj=office, state=state, user=staff_user(ANALYST))
    assert client.get(url).headers.get("X-Page-Cache") == "hit"  # pending: nothing public
    revisions.approve(revision=revision, user=staff_user(EDITOR))
    assert "Office renamed by review" in read_again(client, url)


@pytest.mark.parametrize(
    ("thing", "new_name"),
    [
        (lambda office: office.host, "Renamed host city"),
        (lambda office: office.sponsor, "Renamed sponsor city"),
        (lambda office: office.sponsor_organization, "Renamed body"),
        (lambda office: office.staff_roles.get().person, "Renamed Director"),
    ],
    ids=["host", "sponsor", "organization", "person"],
)
def test_renaming_what_a_record_names_shows_on_its_page(client, office, thing, new_name):
    url = office.get_absolute_url()
    stored(client, url)
    named = thing(office)
    named.name = new_name
    named.save()
    assert new_name in read_again(client, url)


def test_a_source_retitled_and_a_sector_added_show_on_the_page(client, office):
    url = office.get_absolute_url()
    stored(client, url)
    source = office.sources.get()
    source.title = "A retitled source"
    source.save()
    assert "A retitled source" in read_again(client, url)
    stored(client, url)
    office.sectors.add(SectorFactory(name="Water technology"))
    assert "Water technology" in read_again(client, url)
    stored(client, url)
    office.sources.add(SourceFactory(title="A second source"))
    assert "A second source" in read_again(client, url)


def test_a_grade_written_again_in_bulk_shows(client, office):
    url = office.get_absolute_url()
    LiaisonOffice.objects.filter(pk=office.pk).update(evidence_grade="")  # sends no signal
    stored(client, url)
    refresh_grade(LiaisonOffice, office.pk)
    office.refresh_from_db()
    assert office.evidence_grade
    assert office.get_evidence_grade_display() in read_again(client, url)


def test_synthetic_offices_written_in_bulk_show(client):
    stored(client, "/offices/")
    call_command("generate_synthetic_data", offices=5, stdout=io.StringIO())
    assert "Synthetic" in read_again(client, "/offices/")


def test_a_dataset_import_shows(client, office, tmp_path):
    path = tmp_path / "dataset.json"
    call_command("export_dataset", str(path), stdout=io.StringIO())
    office.name = "Renamed after the export"
    office.save()
    stored(client, "/offices/")
    call_command("import_dataset", str(path), "--replace", stdout=io.StringIO())
    assert "Office in the cache" in read_again(client, "/offices/")


def test_a_new_release_shows_on_the_data_page(client, office, releases_dir):  # noqa: F811
    stored(client, "/data/")
    publish()
    assert "Release 1" in read_again(client, "/data/")


def test_a_migration_starts_a_new_generation(client, office):
    stored(client, "/offices/")
    call_command("migrate", verbosity=0)
    read_again(client, "/offices/")


def test_a_write_moves_the_generation_at_once_and_again_at_its_commit(
    office, django_capture_on_commit_callbacks
):
    before = current_generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        office.name = "Renamed in a transaction"
        office.save()
        during = current_generation()
        assert during > before
    assert callbacks, "no move at the commit"
    assert current_generation() > during
