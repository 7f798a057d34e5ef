from datetime import date

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import Q

from cooperation.devdata.sample_data import (
    CHINA_KNOWLEDGE,
    ECNS,
    EVIDENCE,
    SHINE,
    XEBERSAATI,
)
from cooperation.devdata.sample_loader import ARTICLES
from cooperation.models import (
    Agreement,
    AgreementKind,
    LiaisonOffice,
    Municipality,
    Organization,
    Person,
    PublicationStatus,
    Source,
    Visit,
)
from cooperation.quotes import quote_error

pytestmark = pytest.mark.django_db


def snapshot():
    """Every row of every table, history included, as comparable values."""
    return {
        model._meta.label: sorted(map(repr, model.objects.values_list()))
        for model in apps.get_models()
        if model._meta.app_label in {"cooperation", "auth"}
    }


def test_loading_twice_changes_nothing(capsys):
    call_command("load_sample_data")
    first = snapshot()
    call_command("load_sample_data")
    assert snapshot() == first
    assert "0 rows created, 0 updated" in capsys.readouterr().out


def test_municipalities_carry_names_in_three_scripts_and_aliases(sample_data):
    names = {
        row[0]: row[1:] for row in Municipality.objects.values_list("slug", "name_zh", "name_he")
    }
    assert names == {
        "beijing": ("北京", "בייג'ינג"),
        "tel-aviv-yafo": ("特拉维夫-雅法", "תל אביב-יפו"),
        "shanghai": ("上海", "שנגחאי"),
        "haifa": ("海法", "חיפה"),
        "dongguan": ("东莞", "דונגגואן"),
        "guangdong": ("广东", "גואנגדונג"),
    }
    assert Municipality.objects.get(slug="dongguan").parent.slug == "guangdong"
    tel_aviv = Municipality.objects.get(slug="tel-aviv-yafo")
    assert ("Tel Aviv", "en") in tel_aviv.aliases.values_list("name", "language")
    assert ("תל אביב", "he") in tel_aviv.aliases.values_list("name", "language")
    z_park = Organization.objects.get(slug="zhongguancun-science-park")
    assert z_park.name_zh == "中关村科技园区"
    assert "Z-Park" in z_park.alias_names()


def test_every_place_has_its_name_in_three_scripts(sample_data):
    missing = Municipality.objects.filter(Q(name_zh="") | Q(name_he=""))
    assert list(missing.values_list("slug", flat=True)) == []


def test_required_organizations_and_people_exist(sample_data):
    assert {
        "zhongguancun-science-park",
        "israel-innovation-authority",
        "shanghai-science-and-technology-commission",
        "shanghai-international-port-group",
    } <= set(Organization.objects.values_list("slug", flat=True))
    people = set(Person.objects.values_list("name", flat=True))
    assert {"Yin Hejun", "Doron Sapir", "Ying Yong", "Yona Yahav", "Eric (Qian) Wang"} <= people


def test_z_park_office_is_one_record_with_both_announcing_articles(sample_data):
    office = LiaisonOffice.objects.get(sponsor_organization__slug="zhongguancun-science-park")
    assert office.sponsor.slug == "beijing"
    assert office.host.slug == "tel-aviv-yafo"
    assert str(office.announced) == "April [2018]"
    assert not office.opened
    assert "11th overseas liaison office" in office.description
    assert set(office.sources.values_list("url", flat=True)) == {ECNS, XEBERSAATI}


def test_dongguan_office_opened_january_2018_with_its_deputy_director(sample_data):
    office = LiaisonOffice.objects.get(sponsor__slug="dongguan")
    assert office.name == "Dongguan Economic and Trade Office in Israel"
    assert str(office.opened) == "January [2018]"
    staff = office.staff_roles.get()
    assert (staff.person.name, staff.role) == ("Eric (Qian) Wang", "Deputy director")
    assert list(office.sources.values_list("url", flat=True)) == [CHINA_KNOWLEDGE]


def test_visits_have_dates_as_written_and_participants_with_roles(sample_data):
    beijing = Visit.objects.get(places__role="origin", places__municipality__slug="beijing")
    assert beijing.dates == "April [2018]"
    assert beijing.leader.name == "Yin Hejun"
    shanghai = Visit.objects.get(places__role="origin", places__municipality__slug="shanghai")
    assert shanghai.dates == "5-7 June [2018]"
    roles = dict(shanghai.participations.values_list("person__name", "role"))
    assert roles["Ying Yong"] == "Mayor of Shanghai"
    assert roles["Yona Yahav"] == "Mayor of Haifa"
    assert {place.slug for place in shanghai.destinations} == {"haifa", "tel-aviv-yafo"}
    assert list(shanghai.sources.values_list("url", flat=True)) == [SHINE]


@pytest.mark.parametrize(
    ("slug", "kind", "signed", "parties"),
    [
        (
            "beijing-tel-aviv-twinning",
            AgreementKind.TWINNING,
            "c. 1998",
            {"Beijing", "Tel Aviv-Yafo"},
        ),
        ("shanghai-haifa-twinning", AgreementKind.TWINNING, "c. 1993", {"Shanghai", "Haifa"}),
        (
            "shanghai-stc-israel-innovation-authority-cooperation-2018",
            AgreementKind.COOPERATION,
            "June [2018]",
            {"Shanghai Science and Technology Commission", "Israel Innovation Authority"},
        ),
        (
            "sipg-haifa-port-terminal-project",
            AgreementKind.CONTRACT,
            "June [2018]",
            {"Shanghai International Port Group", "Port of Haifa"},
        ),
    ],
)
def test_agreements(sample_data, slug, kind, signed, parties):
    agreement = Agreement.objects.get(slug=slug)
    assert agreement.kind == kind
    assert str(agreement.signed) == signed
    assert {str(party) for party in agreement.parties.all()} == parties
    assert agreement.sources.exists()


def test_every_record_is_published_and_cited(sample_data):
    for model in (LiaisonOffice, Visit, Agreement):
        assert model.objects.exclude(status=PublicationStatus.PUBLISHED).count() == 0
        assert model.objects.filter(sources__isnull=True).count() == 0
    assert Source.objects.count() == 4
    assert Source.objects.get(url=CHINA_KNOWLEDGE).published_date == date(2018, 7, 20)


def citations():
    return [
        citation
        for model in (LiaisonOffice, Visit, Agreement)
        for record in model.objects.prefetch_related("citations__source")
        for citation in record.citations.all()
    ]


@pytest.mark.skipif(
    not ARTICLES.is_dir(), reason=f"the starting articles are not at {ARTICLES} on this machine"
)
def test_every_quote_is_loaded_from_the_articles_and_found_in_them(sample_data):
    loaded = citations()
    assert len(loaded) == sum(len(quotes) for quotes in EVIDENCE.values())
    for citation in loaded:
        assert quote_error(citation.quote, citation.source.text) is None
    sources = Source.objects.all()
    assert all(source.text and source.publisher_kind != "other" for source in sources)
    beijing = Visit.objects.get(slug="beijing-delegation-to-tel-aviv-2018-04")
    uncited = set(dict(beijing.facts())) - {c.fact for c in beijing.citations.all()}
    assert uncited == {"leader", f"destination:municipality:{beijing.destinations[0].pk}"}


def test_without_the_articles_sources_load_without_text_and_citations_are_left_out(
    tmp_path, capsys
):
    call_command("load_sample_data", articles=tmp_path)
    assert not citations()
    assert not Source.objects.exclude(text="").exists()
    out = capsys.readouterr().out
    left_out = sum(len(quotes) for quotes in EVIDENCE.values())
    assert f"{left_out} citations, which need them, were left out" in out
    assert str(tmp_path) in out
