"""The records an article's sentences propose: who, where, when and what, each fact with
the sentence that says it. Articles written for these tests."""

from datetime import date

import pytest

from cooperation.intake.dates import find_dates
from cooperation.intake.mentions import NameIndex, recognize
from cooperation.intake.proposals import propose
from cooperation.models import AgreementKind, Country, EventKind, OperatingStatus
from cooperation.partial_dates import Precision, Qualifier
from tests.support.factories import (
    IsraeliMunicipalityFactory,
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    return {
        "chengdu": MunicipalityFactory(name="Chengdu", name_zh="成都", country=Country.CHINA),
        "jiangsu": MunicipalityFactory(name="Jiangsu", name_zh="江苏", country=Country.CHINA),
        "haifa": IsraeliMunicipalityFactory(name="Haifa", name_he="חיפה", name_zh="海法"),
        "eilat": IsraeliMunicipalityFactory(name="Eilat", name_he="אילת"),
        "tel-aviv": IsraeliMunicipalityFactory(name="Tel Aviv-Yafo", aliases=["Tel Aviv"]),
        "lin": PersonFactory(name="Lin Hua"),
    }


def proposals_of(text: str, published: date):
    mentions = recognize(text, index=NameIndex.from_database())
    return propose(text, mentions, find_dates(text, today=published), published=published)


def only(proposals, kind):
    found = [p for p in proposals if p.type == kind]
    assert len(found) == 1, found
    return found[0]


def test_a_visit_comes_from_the_first_place_and_goes_to_the_other_sides(places):
    text = "A delegation from Chengdu led by Lin Hua visited Haifa and Eilat from May 3 to 6."
    visit = only(proposals_of(text, date(2019, 5, 9)), "visit")
    assert [p.record for p in visit.fields["origins"]] == [places["chengdu"]]
    assert [p.record for p in visit.fields["destinations"]] == [places["haifa"], places["eilat"]]
    assert visit.fields["start"].value == date(2019, 5, 3)
    assert visit.fields["start"].qualifier == Qualifier.INFERRED
    assert visit.fields["end"].value == date(2019, 5, 6)
    assert visit.fields["leader"].record == places["lin"]
    assert visit.quotes["dates"] == text
    assert visit.quotes[f"origin:municipality:{places['chengdu'].pk}"] == text


def test_a_visit_without_a_date_in_its_sentence_takes_the_month_of_the_reports_recent_day(
    places,
):
    text = (
        "The Chengdu delegation toured Haifa's port. The mayors met on 12 November 2018, "
        "officials said. The two cities have talked since 2015."
    )
    visit = only(proposals_of(text, date(2018, 11, 20)), "visit")
    start = visit.fields["start"]
    assert (start.value, start.precision, start.qualifier) == (
        date(2018, 11, 1),
        Precision.MONTH,
        Qualifier.INFERRED,
    )
    assert visit.quotes["dates"] == "The mayors met on 12 November 2018, officials said."


def test_a_visit_the_article_never_dates_gets_the_articles_month_inferred(places):
    visit = only(
        proposals_of("A delegation from Chengdu met Haifa officials.", date(2018, 4, 10)), "visit"
    )
    start = visit.fields["start"]
    assert (start.value, start.precision, start.qualifier) == (
        date(2018, 4, 1),
        Precision.MONTH,
        Qualifier.INFERRED,
    )
    assert "dates" not in visit.quotes


def test_a_city_tie_is_between_the_nearest_place_of_each_side(places):
    text = (
        "Jiangsu officials noted that Chengdu and Haifa have been sister cities for the past "
        "two decades."
    )
    tie = only(proposals_of(text, date(2019, 1, 5)), "agreement")
    assert tie.fields["kind"] == AgreementKind.TWINNING
    assert [p.record for p in tie.fields["parties"]] == [places["chengdu"], places["haifa"]]
    assert tie.fields["signed"].value == date(1999, 1, 1)
    assert tie.fields["signed"].qualifier == Qualifier.APPROXIMATE


def test_bodies_that_sign_are_the_parties_and_a_trip_links_the_visit(places):
    OrganizationFactory(name="Chengdu Science Bureau", country=Country.CHINA)
    OrganizationFactory(name="Haifa Port Company", country=Country.ISRAEL)
    text = (
        "Mayor Lin Hua of Chengdu led a delegation to Haifa in March 2019. During the trip, "
        "the Chengdu Science Bureau and the Haifa Port Company signed a memorandum of "
        "understanding."
    )
    found = proposals_of(text, date(2019, 3, 30))
    mou = only(found, "agreement")
    assert mou.fields["kind"] == AgreementKind.MOU
    assert [p.name for p in mou.fields["parties"]] == [
        "Chengdu Science Bureau",
        "Haifa Port Company",
    ]
    assert mou.fields["visit"] is only(found, "visit")


def test_sentences_about_one_record_are_merged_into_one_proposal(places):
    text = (
        "Jiangsu will open a liaison office in Tel Aviv. Jiangsu's office launched operations "
        "this past January."
    )
    office = only(proposals_of(text, date(2019, 7, 1)), "office")
    assert office.fields["sponsor"].record == places["jiangsu"]
    assert office.fields["host"].record == places["tel-aviv"]
    assert office.fields["operating_status"] == OperatingStatus.OPEN
    assert office.fields["opened"].value == date(2019, 1, 1)
    assert office.quotes["opened"] == "Jiangsu's office launched operations this past January."
    assert office.quotes["sponsor"] == "Jiangsu will open a liaison office in Tel Aviv."


def test_an_event_is_held_in_the_place_its_sentence_names(places):
    text = "The 3rd Chengdu-Israel Innovation Forum opened in Chengdu on 5 September 2019."
    event = only(proposals_of(text, date(2019, 9, 6)), "event")
    assert event.fields["kind"] == EventKind.FORUM
    assert event.fields["place"].record == places["chengdu"]
    assert event.fields["start"].value == date(2019, 9, 5)


def test_hebrew_and_chinese_sentences_propose_records_too(places):
    hebrew = "משלחת מחיפה ביקרה בצ'נגדו ב-5 ביוני 2019."
    visit = only(proposals_of(hebrew, date(2019, 6, 10)), "visit")
    assert visit.fields["origins"][0].record == places["haifa"]
    chinese = "成都市与海法市于2015年结为友好城市。"
    tie = only(proposals_of(chinese, date(2019, 6, 10)), "agreement")
    assert tie.fields["kind"] == AgreementKind.TWINNING
    assert {p.record for p in tie.fields["parties"]} == {places["chengdu"], places["haifa"]}
    assert tie.fields["signed"].value == date(2015, 1, 1)


def test_a_sentence_about_nothing_proposes_nothing(places):
    assert proposals_of("Chengdu had a sunny week, and Haifa a rainy one.", date(2019, 1, 1)) == []
