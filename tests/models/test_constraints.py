"""What must never be stored is refused by the database itself, on SQLite and PostgreSQL."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cooperation.models import AgreementParty, LiaisonOffice, OperatingStatus, Source, Visit
from cooperation.partial_dates import QUALIFIER_KNOWN, QUALIFIER_NEEDS_DATE, Qualifier
from tests.support.factories import (
    AgreementFactory,
    IsraeliMunicipalityFactory,
    LiaisonOfficeFactory,
    MunicipalityFactory,
    OrganizationFactory,
    SourceFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def refused_by_database(write):
    with pytest.raises(IntegrityError), transaction.atomic():
        write()


def test_database_refuses_a_visit_ending_before_it_starts():
    visit = VisitFactory(start_date=date(2018, 6, 5))
    refused_by_database(lambda: Visit.objects.filter(pk=visit.pk).update(end_date=date(2018, 6, 4)))
    Visit.objects.filter(pk=visit.pk).update(end_date=date(2018, 6, 5))


def test_database_refuses_a_visit_that_ends_without_a_start():
    visit = VisitFactory(start_date=None)
    refused_by_database(lambda: Visit.objects.filter(pk=visit.pk).update(end_date=date(2018, 6, 7)))


# Every partial date: the factory of its record and the prefix of its columns.
PARTIAL_DATES = [
    (LiaisonOfficeFactory, "announced"),
    (LiaisonOfficeFactory, "opened"),
    (LiaisonOfficeFactory, "closed"),
    (VisitFactory, "start"),
    (VisitFactory, "end"),
    (AgreementFactory, "signed"),
    (AgreementFactory, "ended"),
    (SourceFactory, "published"),
]


@pytest.mark.parametrize(("factory", "name"), PARTIAL_DATES)
def test_database_refuses_an_unknown_qualifier_and_a_qualifier_without_a_date(factory, name):
    record = factory(**{f"{name}_date": date(2019, 1, 1)})
    rows = type(record).objects.filter(pk=record.pk)
    refused_by_database(lambda: rows.update(**{f"{name}_qualifier": "roughly"}))
    rows.update(**{f"{name}_qualifier": Qualifier.INFERRED})
    refused_by_database(lambda: rows.update(**{f"{name}_date": None}))
    rows.update(**{f"{name}_date": None, f"{name}_qualifier": Qualifier.EXACT})


@pytest.mark.parametrize(("factory", "name"), PARTIAL_DATES)
def test_the_qualifier_constraints_say_their_rule_in_plain_words(factory, name):
    unknown = factory.build(**{f"{name}_date": date(2019, 1, 1), f"{name}_qualifier": "roughly"})
    with pytest.raises(ValidationError) as error:
        unknown.validate_constraints()
    assert error.value.messages == [QUALIFIER_KNOWN]
    undated = factory.build(**{f"{name}_date": None, f"{name}_qualifier": Qualifier.APPROXIMATE})
    with pytest.raises(ValidationError) as error:
        undated.validate_constraints()
    assert error.value.messages == [QUALIFIER_NEEDS_DATE]


def test_database_refuses_an_office_closed_before_it_opened():
    office = LiaisonOfficeFactory(opened_date=date(2018, 1, 1))
    refused_by_database(
        lambda: LiaisonOffice.objects.filter(pk=office.pk).update(closed_date=date(2017, 12, 31))
    )


def test_database_refuses_a_party_that_is_neither_or_both():
    agreement = AgreementFactory()
    refused_by_database(lambda: AgreementParty.objects.create(agreement=agreement))
    refused_by_database(
        lambda: AgreementParty.objects.create(
            agreement=agreement,
            municipality=MunicipalityFactory(),
            organization=OrganizationFactory(),
        )
    )


def test_database_refuses_the_same_party_twice():
    beijing = MunicipalityFactory()
    agreement = AgreementFactory(parties=[beijing, IsraeliMunicipalityFactory()])
    refused_by_database(
        lambda: AgreementParty.objects.create(agreement=agreement, municipality=beijing)
    )


def test_database_refuses_duplicate_source_urls():
    SourceFactory(url="https://news.example.org/z-park")
    refused_by_database(
        lambda: Source.objects.create(url="https://news.example.org/z-park", title="Again")
    )


def test_validation_explains_a_visit_ending_before_it_starts():
    visit = VisitFactory.build(start_date=date(2018, 6, 5), end_date=date(2018, 6, 4))
    with pytest.raises(ValidationError) as error:
        visit.full_clean(exclude=["origin"])
    assert error.value.message_dict["end_date"] == [
        "The visit cannot end (4 June 2018) before it starts (5 June 2018)."
    ]


def test_validation_explains_an_office_closed_before_it_opened():
    office = LiaisonOfficeFactory(opened_date=date(2018, 1, 1))
    office.closed_date = date(2017, 1, 1)
    office.operating_status = OperatingStatus.CLOSED
    with pytest.raises(ValidationError) as error:
        office.full_clean()
    assert error.value.message_dict["closed_date"] == [
        "The office cannot close (1 January 2017) before it opened (1 January 2018)."
    ]


def test_validation_explains_sponsor_and_host_countries():
    office = LiaisonOfficeFactory()
    office.sponsor, office.host = office.host, office.sponsor
    with pytest.raises(ValidationError) as error:
        office.full_clean()
    assert error.value.message_dict["sponsor"] == ["The sponsor must be a Chinese municipality."]
    assert error.value.message_dict["host"] == ["The host must be an Israeli municipality."]


def test_validation_explains_a_party_that_is_neither_or_both():
    agreement = AgreementFactory()
    neither = AgreementParty(agreement=agreement)
    with pytest.raises(ValidationError, match="Choose a municipality or an organization"):
        neither.full_clean()
    both = AgreementParty(
        agreement=agreement, municipality=MunicipalityFactory(), organization=OrganizationFactory()
    )
    with pytest.raises(ValidationError, match="not both"):
        both.full_clean()


def test_validation_explains_a_duplicate_source_url():
    SourceFactory(url="https://news.example.org/z-park")
    duplicate = Source(url="https://news.example.org/z-park", title="Again")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert error.value.message_dict["url"] == ["Source with this URL already exists."]


def test_a_name_in_the_wrong_script_is_refused_with_its_box_named():
    municipality = MunicipalityFactory.build(name_zh="Beijing", name_he="北京")
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert error.value.message_dict == {
        "name_zh": ["Write the Chinese name in Chinese characters, e.g. 北京."],
        "name_he": ["Write the Hebrew name in Hebrew letters, e.g. חיפה."],
    }
