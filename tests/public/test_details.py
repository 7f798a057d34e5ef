"""Detail pages and municipality profiles: fields in plain language, links, sources."""

import re
from html import unescape

import pytest

from cooperation.devdata.sample_data import CHINA_KNOWLEDGE, ECNS, SHINE, XEBERSAATI
from cooperation.models import Agreement, LiaisonOffice, Municipality, PublicationStatus, Visit
from tests.support.factories import (
    AgreementFactory,
    IsraeliMunicipalityFactory,
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    VisitFactory,
    VisitParticipantFactory,
    add_places,
)

pytestmark = pytest.mark.django_db


def page(client, url):
    """The page without its note numbers (tests/public/test_evidence.py checks those)."""
    response = client.get(url)
    assert response.status_code == 200
    return re.sub(r"<sup>.*?</sup>", "", response.content.decode())


def test_office_page(client, sample_data):
    html = page(client, "/offices/zhongguancun-science-park-tel-aviv-liaison-office/")
    assert "<dt>Announced</dt><dd>April [2018]</dd>" in html
    assert "Zhongguancun Science Park" in html
    assert '<bdi lang="zh">中关村科技园区</bdi>' in html
    assert 'href="/municipalities/beijing/"' in html
    assert 'href="/municipalities/tel-aviv-yafo/"' in html
    for url in (ECNS, XEBERSAATI):
        assert f'href="{url}"' in html
    assert "ECNS (China News Service)" in html
    assert '<time datetime="2018-04-10">10 April 2018</time>' in html
    # Related records between the same municipalities.
    assert 'href="/visits/beijing-delegation-to-tel-aviv-2018-04/"' in html
    assert 'href="/agreements/beijing-tel-aviv-twinning/"' in html


def test_office_page_staff(client, sample_data):
    html = page(client, "/offices/dongguan-economic-and-trade-office-in-israel/")
    assert "Eric (Qian) Wang" in html and "Deputy director" in html
    assert "<dt>Opened</dt><dd>January [2018]</dd>" in html
    assert f'href="{CHINA_KNOWLEDGE}"' in html


def test_visit_page(client, sample_data):
    html = page(client, "/visits/shanghai-mayor-visit-to-israel-2018-06/")
    assert "<dt>Dates</dt><dd>5-7 June [2018]</dd>" in html
    assert '<bdi lang="he" dir="rtl">יונה יהב</bdi>' in html
    assert "Consul-general of Israel to Shanghai" in html
    assert 'href="/agreements/sipg-haifa-port-terminal-project/"' in html
    assert f'href="{SHINE}"' in html


def test_agreement_page(client, sample_data):
    html = page(client, "/agreements/beijing-tel-aviv-twinning/")
    assert "<dt>Signed</dt><dd>c. 1998</dd>" in html
    assert "Friendship city, twinning (formal tie)" in html
    assert '<bdi lang="he" dir="rtl">תל אביב-יפו</bdi>' in html
    signed_during = page(client, "/agreements/sipg-haifa-port-terminal-project/")
    assert 'href="/visits/shanghai-mayor-visit-to-israel-2018-06/"' in signed_during


def test_a_visit_without_a_date_says_so(client):
    visit = VisitFactory(start_date=None)
    assert "<dt>Dates</dt><dd>date unknown</dd>" in page(client, visit.get_absolute_url())


def test_agreement_page_hides_a_link_to_an_unpublished_visit(client):
    visit = VisitFactory(status=PublicationStatus.DRAFT)
    agreement = AgreementFactory(visit=visit)
    assert visit.get_absolute_url() not in page(client, agreement.get_absolute_url())


def test_municipality_profiles(client, sample_data):
    shanghai = page(client, "/municipalities/shanghai/")
    assert 'href="/municipalities/haifa/"' in shanghai  # twin city
    assert 'href="/visits/shanghai-mayor-visit-to-israel-2018-06/"' in shanghai
    assert "Shanghai International Port Group" in shanghai
    guangdong = page(client, "/municipalities/guangdong/")
    assert 'href="/municipalities/dongguan/"' in guangdong  # child municipality
    assert 'href="/offices/dongguan-economic-and-trade-office-in-israel/"' in guangdong
    tel_aviv = page(client, "/municipalities/tel-aviv-yafo/")
    assert 'href="/offices/dongguan-economic-and-trade-office-in-israel/"' in tel_aviv
    assert 'href="/visits/beijing-delegation-to-tel-aviv-2018-04/"' in tel_aviv  # visit in
    assert 'href="/municipalities/beijing/"' in tel_aviv  # twin city


def test_profile_hides_unpublished_records(client, sample_data):
    LiaisonOffice.objects.update(status=PublicationStatus.DRAFT)
    Visit.objects.update(status=PublicationStatus.IN_REVIEW)
    Agreement.objects.exclude(slug="beijing-tel-aviv-twinning").update(
        status=PublicationStatus.DRAFT
    )
    html = page(client, "/municipalities/tel-aviv-yafo/")
    assert "/offices/" not in html.split("<main", 1)[1].replace('href="/offices/"', "")
    assert "/visits/beijing" not in html
    assert 'href="/agreements/beijing-tel-aviv-twinning/"' in html
    assert "/agreements/shanghai" not in html


def test_a_municipality_named_only_in_unpublished_records_has_no_profile(client, sample_data):
    LiaisonOffice.objects.update(status=PublicationStatus.DRAFT)
    Visit.objects.update(status=PublicationStatus.IN_REVIEW)
    Agreement.objects.update(status=PublicationStatus.DRAFT)
    assert client.get("/municipalities/tel-aviv-yafo/").status_code == 404


@pytest.mark.parametrize("model", [LiaisonOffice, Visit, Agreement])
def test_every_sample_record_has_a_page(client, sample_data, model):
    for record in model.objects.all():
        page(client, record.get_absolute_url())


def test_every_municipality_has_a_profile(client, sample_data):
    for municipality in Municipality.objects.all():
        page(client, municipality.get_absolute_url())


def test_a_profile_shows_the_names_in_the_other_scripts_and_the_other_names(client, sample_data):
    html = page(client, "/municipalities/tel-aviv-yafo/")
    heading = html.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert '<span class="native"><bdi lang="zh">特拉维夫-雅法</bdi></span>' in heading
    assert '<span class="native"><bdi lang="he" dir="rtl">תל אביב-יפו</bdi></span>' in heading
    also = html.split("<dt>Also known as</dt>", 1)[1].split("</dd>", 1)[0]
    assert "<li><bdi>Tel Aviv-Jaffa</bdi></li>" in also
    assert '<li><bdi lang="he" dir="rtl">תל אביב</bdi></li>' in also
    assert '<li><bdi lang="zh">特拉维夫</bdi></li>' in also
    beijing = page(client, "/municipalities/beijing/")
    assert '<bdi lang="he" dir="rtl">בייג&#x27;ינג</bdi>' in beijing


def test_a_visit_from_a_city_and_a_body_with_hosts_inviters_and_participants_bodies(client):
    maalot = IsraeliMunicipalityFactory(name="Ma'alot-Tarshiha", slug="maalot")
    ulai = OrganizationFactory(
        name="Union of Local Authorities in Israel", name_he="מרכז השלטון המקומי"
    )
    visit = VisitFactory(title="Mayors' delegation", origin=maalot, start_date=None)
    add_places(visit, "origin", ulai)
    add_places(visit, "destination", MunicipalityFactory(name="Beijing", slug="beijing"))
    add_places(visit, "host", OrganizationFactory(name="Beijing People's Government"))
    add_places(visit, "inviter", OrganizationFactory(name="CPAFFC"))
    VisitParticipantFactory(visit=visit, person=PersonFactory(name="A Mayor"), organization=ulai)
    html = page(client, visit.get_absolute_url())
    origins = html.split("<dt>From</dt>", 1)[1].split("</dd>", 1)[0]
    assert '<a href="/municipalities/maalot/"><bdi>Ma&#x27;alot-Tarshiha</bdi></a>' in origins
    assert "<li><bdi>Union of Local Authorities in Israel</bdi>" in origins
    assert '<bdi lang="he" dir="rtl">מרכז השלטון המקומי</bdi>' in origins
    assert 'href="/municipalities/beijing/"' in html.split("<dt>To</dt>", 1)[1].split("</dd>")[0]
    assert "Beijing People&#x27;s Government" in html.split("<dt>Hosted by</dt>", 1)[1]
    assert "CPAFFC" in html.split("<dt>Invited by</dt>", 1)[1]
    row = html.split("<td><bdi>A Mayor</bdi>", 1)[1].split("</tr>", 1)[0]
    assert "<td><bdi>Mayor</bdi>, for <bdi>Union of Local Authorities in Israel</bdi>" in row
    assert "<dt>Dates</dt><dd>date unknown</dd>" in html
    listed = client.get("/visits/", {"q": "Union of Local"}).content.decode()
    assert (
        "from <bdi>Ma&#x27;alot-Tarshiha</bdi>, <bdi>Union of Local Authorities in Israel</bdi>"
        in listed
    )


def as_read(html: str) -> str:
    """The page's text as a reader sees it: the commas the stylesheet puts between the
    items of an inline list (`.inline-list li + li::before`) written in, tags removed."""
    html = re.sub(
        r'<ul class="inline-list">.*?</ul>',
        lambda match: re.sub(r"</li>(\s*)<li>", r"</li>\1, <li>", match.group()),
        html,
        flags=re.S,
    )
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html)))


def test_lists_of_parties_places_and_people_have_no_space_before_a_comma(client, sample_data):
    """A name's other scripts came with a line break, which the comma after it followed."""
    for model in (LiaisonOffice, Visit, Agreement):
        for record in model.objects.all():
            text = as_read(page(client, record.get_absolute_url()))
            assert " ," not in text, (record, text[text.index(" ,") - 60 :][:120])
    haifa = as_read(page(client, "/agreements/shanghai-haifa-twinning/"))
    assert "Shanghai 上海 שנגחאי, Haifa 海法 חיפה" in haifa
    staff = as_read(page(client, "/offices/dongguan-economic-and-trade-office-in-israel/"))
    assert "Eric (Qian) Wang, Deputy director" in staff
