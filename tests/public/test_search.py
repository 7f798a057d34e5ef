"""Search (`q`) in English, Chinese and Hebrew, over records, their places and people."""

import pytest

from tests.support.public_pages import result_titles

pytestmark = pytest.mark.django_db

Z_PARK_OFFICE = "Zhongguancun Science Park liaison office in Tel Aviv"
DONGGUAN_OFFICE = "Dongguan Economic and Trade Office in Israel"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Z-Park", [Z_PARK_OFFICE]),
        ("z-park", [Z_PARK_OFFICE]),
        ("中关村", [Z_PARK_OFFICE]),
        ("北京", [Z_PARK_OFFICE]),
        ("Tel Aviv", [Z_PARK_OFFICE, DONGGUAN_OFFICE]),
        ("תל אביב", [Z_PARK_OFFICE, DONGGUAN_OFFICE]),
        ("东莞", [DONGGUAN_OFFICE]),
        ("東莞", [DONGGUAN_OFFICE]),  # traditional characters
        ("特拉维夫", [Z_PARK_OFFICE, DONGGUAN_OFFICE]),  # Tel Aviv's Chinese name
        ("特拉維夫", [Z_PARK_OFFICE, DONGGUAN_OFFICE]),
        ("tel-aviv", [Z_PARK_OFFICE, DONGGUAN_OFFICE]),
        ("תל־אביב", [Z_PARK_OFFICE, DONGGUAN_OFFICE]),  # with a maqaf
        ("בייג'ינג", [Z_PARK_OFFICE]),  # Beijing's Hebrew name
        ("Eric Wang", [DONGGUAN_OFFICE]),
        ("Guangdong", [DONGGUAN_OFFICE]),  # the sponsor's province
        ("广东", [DONGGUAN_OFFICE]),
        ("Ningbo", []),
    ],
)
def test_office_search_in_three_scripts(client, sample_data, text, expected):
    response = client.get("/offices/", {"q": text})
    assert response.status_code == 200
    assert result_titles(response) == expected


@pytest.mark.parametrize(
    ("url", "text", "expected"),
    [
        ("/visits/", "应勇", ["Shanghai mayor Ying Yong's delegation to Israel"]),
        ("/visits/", "יונה יהב", ["Shanghai mayor Ying Yong's delegation to Israel"]),
        ("/visits/", "Innovation Authority", ["Shanghai mayor Ying Yong's delegation to Israel"]),
        ("/visits/", "Doron", ["Beijing delegation to Tel Aviv led by vice mayor Yin Hejun"]),
        ("/visits/", "חיפה", ["Shanghai mayor Ying Yong's delegation to Israel"]),
        ("/visits/", "海法", ["Shanghai mayor Ying Yong's delegation to Israel"]),
        ("/visits/", "שנגחאי", ["Shanghai mayor Ying Yong's delegation to Israel"]),
        (
            "/agreements/",
            "SIPG",
            ["Shanghai International Port Co terminal project at the port of Haifa"],
        ),
        (
            "/agreements/",
            "רשות החדשנות",
            [
                "Shanghai Science and Technology Commission - Israel Innovation Authority "
                "cooperation agreements on technological innovation"
            ],
        ),
        ("/agreements/", "北京", ["Beijing - Tel Aviv-Yafo twin cities"]),
        ("/municipalities/", "Tel Aviv", ["Tel Aviv-Yafo"]),
        ("/municipalities/", "תל אביב", ["Tel Aviv-Yafo"]),
        ("/municipalities/", "上海", ["Shanghai"]),
        ("/municipalities/", "海法", ["Haifa"]),
        ("/municipalities/", "耶路撒冷", []),
    ],
)
def test_search_other_lists(client, sample_data, url, text, expected):
    response = client.get(url, {"q": text})
    assert response.status_code == 200
    assert result_titles(response) == expected


def test_search_combines_with_filters(client, sample_data):
    response = client.get("/offices/", {"q": "Tel Aviv", "status": "open"})
    assert result_titles(response) == [DONGGUAN_OFFICE]


def test_search_keeps_the_query_in_the_form(client, sample_data):
    page = client.get("/offices/", {"q": "中关村"}).content.decode()
    assert 'value="中关村"' in page
