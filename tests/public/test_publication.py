import pytest

from cooperation.models import Agreement, LiaisonOffice, PublicationStatus, Visit
from tests.support.factories import AgreementFactory, LiaisonOfficeFactory, VisitFactory

pytestmark = pytest.mark.django_db

DRAFT, REVIEW = PublicationStatus.DRAFT, PublicationStatus.IN_REVIEW


@pytest.mark.parametrize(
    ("model", "factory"),
    [(LiaisonOffice, LiaisonOfficeFactory), (Visit, VisitFactory), (Agreement, AgreementFactory)],
)
def test_published_hides_drafts_and_records_in_review(model, factory):
    shown = factory()
    factory(status=DRAFT)
    factory(status=REVIEW)
    assert list(model.objects.published()) == [shown]


@pytest.mark.parametrize("factory", [LiaisonOfficeFactory, VisitFactory, AgreementFactory])
def test_a_draft_has_no_public_page(client, factory):
    draft = factory(status=DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    draft.status = PublicationStatus.PUBLISHED
    draft.save()
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_home_lists_published_records_only(client):
    LiaisonOfficeFactory(name="Shown office")
    LiaisonOfficeFactory(name="Hidden office", status=DRAFT)
    page = client.get("/").content.decode()
    assert "Shown office" in page
    assert "Hidden office" not in page
