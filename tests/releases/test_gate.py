"""Only published records reach a release: drafts, records in review, what only they name,
and the content of changes waiting for review are in no file of it."""

import pytest

from cooperation.models import Agreement, PublicationStatus
from cooperation.records import revisions
from cooperation.records.roles import ANALYST
from tests.releases.support import every_file_text, publish, releases_dir
from tests.support import factories
from tests.support.admin_pages import staff_user

pytestmark = pytest.mark.django_db
__all__ = ["releases_dir"]

SECRET = "zzreleasesecret"


def hidden(thing: str) -> dict:
    return {"name": f"{SECRET} {thing}", "slug": f"{SECRET}-{thing}"}


def plant_unpublished(status: str) -> None:
    """A record of every type in `status`, naming things no published record names."""
    place = factories.MunicipalityFactory(**hidden(f"city {status}"), name_zh="秘密城")
    body = factories.OrganizationFactory(**hidden(f"body {status}"))
    person = factories.PersonFactory(**hidden(f"person {status}"))
    sector = factories.SectorFactory(**hidden(f"sector {status}"))
    source = factories.SourceFactory(
        title=f"{SECRET} article {status}", url=f"https://x.example/{status}"
    )
    office = factories.LiaisonOfficeFactory(
        **hidden(f"office {status}"), status=status, sponsor=place, sources=[source]
    )
    office.sectors.add(sector)
    visit = factories.VisitFactory(
        title=f"{SECRET} visit {status}", status=status, origin=place, sources=[source]
    )
    factories.VisitParticipantFactory(visit=visit, person=person, role=SECRET)
    event = factories.EventFactory(
        title=f"{SECRET} forum {status}", status=status, place=place, organizers=[body]
    )
    factories.EventParticipantFactory(event=event, person=person)
    factories.AgreementFactory(
        title=f"{SECRET} agreement {status}", status=status, parties=[place, body]
    )


def propose_change(record, analyst, **fields) -> None:
    state = revisions.snapshot(record)
    state["fields"].update(fields)
    assert revisions.propose(obj=record, state=state, user=analyst) is not None


def test_no_file_of_a_release_holds_anything_unpublished(sample_data, releases_dir):
    for status in (PublicationStatus.DRAFT, PublicationStatus.IN_REVIEW):
        plant_unpublished(status)
    office = factories.LiaisonOfficeFactory(name="Published office")
    analyst = staff_user(ANALYST)
    propose_change(office, analyst, name=f"{SECRET} proposed name", address=f"{SECRET} st")
    propose_change(office.sponsor, analyst, name=f"{SECRET} proposed city")
    # A published agreement signed during a visit in review: the visit's title stays out.
    agreement = Agreement.objects.published().first()
    agreement.visit = factories.VisitFactory(
        title=f"{SECRET} visit of the agreement", status="review"
    )
    agreement.save()

    publish()

    files = every_file_text(releases_dir / "1")
    assert len(files) == 8
    assert "Published office" in files["offices.csv"]
    assert "Published office" in files["records.json"]
    assert agreement.title in files["agreements.csv"]
    for name, text in files.items():
        assert SECRET not in text, name
        assert "秘密城" not in text, name
