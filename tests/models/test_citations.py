"""Citations: a fact of a record, a source, and the source's words for it."""

import pytest
from django.core.exceptions import ValidationError

from cooperation.models import Side, VisitCitation
from cooperation.models.citations import NO_TEXT, fact_key
from tests.support.factories import (
    AgreementFactory,
    IsraeliMunicipalityFactory,
    LiaisonOfficeFactory,
    OrganizationFactory,
    PersonFactory,
    SourceFactory,
    VisitFactory,
    VisitParticipantFactory,
    add_places,
    cite,
)

pytestmark = pytest.mark.django_db


def test_a_quote_from_the_stored_text_is_accepted():
    visit = VisitFactory()
    citation = cite(visit, "dates", "arrived in Haifa on Monday")
    assert list(visit.citations.all()) == [citation]


def test_a_misquote_is_refused_beside_the_quote_with_the_closest_passage():
    visit = VisitFactory()
    with pytest.raises(ValidationError) as refused:
        cite(visit, "dates", "arrived in Haifa on Tuesday")
    (message,) = refused.value.message_dict["quote"]
    assert "The closest passage is" in message and "arrived in Haifa on Monday" in message
    assert not VisitCitation.objects.exists()


def test_a_source_without_its_text_cannot_be_cited_yet():
    visit = VisitFactory(sources=[SourceFactory(text="")])
    with pytest.raises(ValidationError) as refused:
        cite(visit, "dates", "arrived in Haifa on Monday")
    assert refused.value.message_dict["source"] == [NO_TEXT]


def test_one_source_is_cited_once_for_one_fact():
    visit = VisitFactory()
    cite(visit, "dates", "arrived in Haifa on Monday")
    with pytest.raises(ValidationError) as refused:
        cite(visit, "dates", "for three days of talks")
    assert "already cited for this fact" in str(refused.value)
    cite(visit, "purpose", "for three days of talks")  # another fact, the same source


def test_a_visits_facts_name_each_place_and_participant():
    body = OrganizationFactory(name="Union of Local Authorities in Israel")
    visit = VisitFactory(destinations=[body], leader=PersonFactory(name="Liu Wei"))
    host = IsraeliMunicipalityFactory(name="Haifa")
    add_places(visit, "host", host)
    participant = VisitParticipantFactory(visit=visit, role="Deputy mayor", side=Side.CHINESE)
    (origin,) = visit.origins
    keys = dict(visit.facts())
    assert list(keys) == [
        "dates",
        fact_key("origin", origin),
        fact_key("destination", body),
        fact_key("host", host),
        "leader",
        fact_key("participant", participant.person),
    ]
    assert keys[f"destination:organization:{body.pk}"] == "To: Union of Local Authorities in Israel"
    assert keys[f"host:municipality:{host.pk}"] == "Hosted by: Haifa"


def test_agreement_and_office_facts_are_those_they_state():
    agreement = AgreementFactory(ended_date=None)
    parties = agreement.party_list
    assert [key for key, _ in agreement.facts()] == [
        "kind",
        fact_key("party", parties[0]),
        fact_key("party", parties[1]),
        "signed",
    ]
    office = LiaisonOfficeFactory(address="")
    assert [key for key, _ in office.facts()] == ["sponsor", "host", "operating_status", "opened"]


def test_a_visit_without_a_date_has_no_date_to_cite():
    visit = VisitFactory(start_date=None)
    assert "dates" not in dict(visit.facts())
