import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from cooperation.models import (
    Agreement,
    AgreementKind,
    AgreementParty,
    AgreementSignatory,
    AgreementState,
    AgreementStatus,
)
from cooperation.models.citations import fact_key
from cooperation.partial_dates import Precision, Qualifier
from tests.support.export_csv import csv_records
from tests.support.factories import (
    AgreementFactory,
    IsraeliMunicipalityFactory,
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    SourceFactory,
    cite,
)

pytestmark = pytest.mark.django_db


def post_agreement(admin_client, parties, kind=AgreementKind.TWINNING):
    data = {
        "title": "Twinning",
        "slug": "twinning",
        "kind": kind,
        "status": "draft",
        "Agreement_sources-TOTAL_FORMS": 1,
        "Agreement_sources-INITIAL_FORMS": 0,
        "Agreement_sources-0-source": SourceFactory().pk,
        "parties-TOTAL_FORMS": len(parties),
        "parties-INITIAL_FORMS": 0,
        "citations-TOTAL_FORMS": 0,
        "citations-INITIAL_FORMS": 0,
        "signatories-TOTAL_FORMS": 0,
        "signatories-INITIAL_FORMS": 0,
        "statuses-TOTAL_FORMS": 0,
        "statuses-INITIAL_FORMS": 0,
    }
    for index, party in enumerate(parties):
        if isinstance(party, str):  # the article's words for a party it does not identify
            data[f"parties-{index}-name_as_written"] = party
        else:
            data[f"parties-{index}-municipality"] = party.pk
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


def test_a_party_named_only_in_words_is_recorded_as_written_and_flagged(admin_client):
    pu_er = MunicipalityFactory(name="Pu'er")
    response = post_agreement(
        admin_client, [pu_er, "an Israeli city"], kind=AgreementKind.LETTER_OF_INTENT
    )
    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert [str(party) for party in agreement.party_list] == [
        "Pu'er",
        "“an Israeli city” (not identified)",
    ]
    agreement.status = "published"
    agreement.save()
    page = admin_client.get(agreement.get_absolute_url()).content.decode()
    assert "Letter of intent" in page and "“an Israeli city” (not identified)" in page
    (row,) = csv_records(admin_client.get("/agreements/export.csv"))
    assert row["Parties"] == "Pu'er; “an Israeli city” (not identified)"
    quality = admin_client.get(reverse("admin:data_quality")).context["sections"]
    counts = {(heading, tally.label): tally.count for heading, found in quality for tally in found}
    assert counts[("agreements", "parties not identified")] == 1


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"name_as_written": "  "}, "An agreement needs at least 2 parties"),  # a blank row
        (
            {"name_as_written": "Haifa?", "municipality": "haifa"},
            "Leave this empty once a municipality or organization is chosen",
        ),
    ],
)
def test_a_party_row_says_what_it_lacks_or_has_too_much(admin_client, row, message):
    haifa = IsraeliMunicipalityFactory(slug="haifa")
    response = post_agreement(admin_client, [MunicipalityFactory()])
    data = dict(response.wsgi_request.POST.items())
    data["parties-TOTAL_FORMS"] = 2
    for key, value in row.items():
        data[f"parties-1-{key}"] = haifa.pk if value == "haifa" else value
    response = admin_client.post("/admin/cooperation/agreement/add/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Agreement.objects.exists()


def test_the_database_refuses_a_party_that_is_nothing(db):
    agreement = AgreementFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        AgreementParty.objects.create(agreement=agreement)


def test_signatories_and_status_history_are_shown_cited_and_exported(client):
    pu_er, yehud = MunicipalityFactory(name="Pu'er"), IsraeliMunicipalityFactory(name="Yehud")
    agreement = AgreementFactory(parties=[pu_er, yehud], kind=AgreementKind.LETTER_OF_INTENT)
    mayor = PersonFactory(name="Yehud's mayor")
    signatory = AgreementSignatory.objects.create(
        agreement=agreement, person=mayor, role="Mayor of Yehud", municipality=yehud
    )
    signatory.full_clean()
    signed = AgreementStatus(
        agreement=agreement,
        state=AgreementState.SIGNED,
        as_of_date=date(2019, 5, 3),
        source=agreement.sources.get(),
    )
    signed.full_clean()
    signed.save()
    AgreementStatus.objects.create(
        agreement=agreement,
        state=AgreementState.DORMANT,
        as_of_date=date(2021, 1, 1),
        as_of_precision=Precision.YEAR,
        as_of_qualifier=Qualifier.NO_LATER_THAN,
    )
    cite(agreement, fact_key("signatory", mayor), "city officials")

    page = client.get(agreement.get_absolute_url()).content.decode()
    assert "Mayor of Yehud</bdi>, for <bdi>Yehud</bdi>" in page
    assert "Signed, 3 May 2019" in page and "Dormant, by 2021" in page
    assert re.search(r"Mayor of Yehud.*?#note-1", page, re.S)
    (row,) = csv_records(client.get("/agreements/export.csv"))
    assert row["Signatories"] == "Yehud's mayor (Mayor of Yehud, for Yehud)"
    assert row["Status history"] == (
        "Signed 2019-05-03 (day, exact); Dormant 2021-01-01 (year, no_later_than)"
    )
    # Kind, two parties, the signature's date, the signatory and two statuses.
    assert Agreement.objects.get().evidence_reason.endswith("1 of 7 facts cited")


def test_a_signatory_signs_for_one_party_only(db):
    agreement = AgreementFactory()
    row = AgreementSignatory(
        agreement=agreement,
        person=PersonFactory(),
        role="Mayor",
        municipality=MunicipalityFactory(),
        organization=OrganizationFactory(),
    )
    with pytest.raises(ValidationError) as refused:
        row.full_clean()
    assert "not both" in str(refused.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()
