import pytest

from cooperation.models import Agreement, AgreementKind
from tests.support.factories import IsraeliMunicipalityFactory, MunicipalityFactory, SourceFactory

pytestmark = pytest.mark.django_db


def post_agreement(admin_client, parties):
    data = {
        "title": "Twinning",
        "slug": "twinning",
        "kind": AgreementKind.TWINNING,
        "status": "draft",
        "signed_precision": "year",
        "signed_qualifier": "exact",
        "ended_precision": "day",
        "ended_qualifier": "exact",
        "Agreement_sources-TOTAL_FORMS": 1,
        "Agreement_sources-INITIAL_FORMS": 0,
        "Agreement_sources-0-source": SourceFactory().pk,
        "parties-TOTAL_FORMS": len(parties),
        "parties-INITIAL_FORMS": 0,
        "citations-TOTAL_FORMS": 0,
        "citations-INITIAL_FORMS": 0,
    }
    for index, municipality in enumerate(parties):
        data[f"parties-{index}-municipality"] = municipality.pk
    return admin_client.post("/admin/cooperation/agreement/add/", data)


def test_an_agreement_with_one_party_is_refused_with_a_message(admin_client):
    response = post_agreement(admin_client, [MunicipalityFactory()])
    assert response.status_code == 200
    assert "An agreement needs at least 2 parties" in response.content.decode()
    assert not Agreement.objects.exists()


def test_an_agreement_with_two_parties_is_saved(admin_client):
    response = post_agreement(admin_client, [MunicipalityFactory(), IsraeliMunicipalityFactory()])
    assert response.status_code == 302
    assert Agreement.objects.get().parties.count() == 2
