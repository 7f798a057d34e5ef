"""The gazetteer: places of China and Israel by any of their names
(cooperation/intake/gazetteer.py)."""

import pytest

from cooperation.intake import gazetteer
from cooperation.intake.gazetteer import PROVINCES, lookup


def test_haifa_is_found_in_israel_with_its_hebrew_and_chinese_names():
    haifa = lookup("Haifa")

    assert haifa.country == "IL"
    assert haifa.name_he == "חיפה"
    assert haifa.name_zh == "海法"
    assert haifa.level == "city"
    assert haifa.latitude == pytest.approx(32.8, abs=0.1)
    assert haifa.longitude == pytest.approx(35.0, abs=0.1)


@pytest.mark.parametrize("name", ["haifa", "HAIFA", "Haïfa", "חיפה", "חֵיפָה", "海法"])
def test_a_place_is_found_by_any_of_its_names_however_written(name):
    assert lookup(name).name == "Haifa"


@pytest.mark.parametrize("name", ["Tel Aviv", "tel-aviv", "Tel Aviv-Yafo", "תל אביב", "特拉維夫"])
def test_tel_aviv_is_found_by_its_names_in_three_scripts(name):
    assert lookup(name).name == "Tel Aviv"


def test_of_two_towns_of_one_name_the_most_populous_is_chosen():
    suzhou = lookup("Suzhou")

    assert suzhou.name_zh == "苏州"
    assert suzhou.admin1code == "04"  # Jiangsu, not the smaller Suzhou of Anhui (宿州)
    assert lookup("宿州").admin1code == "01"


def test_a_country_given_limits_the_places_to_it():
    assert lookup("Haifa", country="IL").name == "Haifa"
    assert lookup("Haifa", country="CN") is None


def test_a_chinese_city_is_found_with_or_without_its_shi_and_in_traditional_characters():
    for name in ("苏州", "苏州市", "蘇州", "蘇州市"):
        assert lookup(name).name == "Suzhou"


def test_the_chinese_name_is_the_simplified_one_without_shi():
    assert lookup("Shanghai").name_zh == "上海"  # not 上海市, 中国上海 nor the abbreviation 沪
    assert lookup("Tel Aviv").name_zh == "特拉维夫"  # not 特拉維夫
    assert lookup("Chengdu").name_zh == "成都"  # the city's official name, not 天府
    assert lookup("宿州").name_zh == "宿州"  # GeoNames has only 宿州市


def test_the_hebrew_name_is_the_one_closest_to_the_english_name_in_full_spelling():
    assert lookup("Jerusalem").name_he == "ירושלים"  # not its other names ציון, שלם
    assert lookup("Haifa").name_he == "חיפה"  # not the defective spelling חפה


def test_a_town_called_by_its_own_name_beats_another_town_of_which_it_is_another_name():
    # "Ariel" is among Jerusalem's other names; the town of Ariel is called so.
    assert lookup("Ariel").name == "Ariel"


def test_airport_codes_and_one_character_abbreviations_are_not_names():
    assert lookup("HFA") is None
    assert lookup("沪") is None


def test_china_has_thirty_four_provincial_level_divisions():
    assert len(PROVINCES) == 34
    assert len({province.name for province in PROVINCES}) == 34


@pytest.mark.parametrize("name", ["Jiangsu", "Jiangsu Province", "江苏省", "江苏", "江蘇省"])
def test_a_province_is_found_by_its_english_and_chinese_names(name):
    jiangsu = lookup(name)

    assert (jiangsu.name, jiangsu.name_zh, jiangsu.country) == ("Jiangsu", "江苏", "CN")
    assert jiangsu.level == "province"
    assert jiangsu.admin1code == "04"  # the code its cities carry: Suzhou is in Jiangsu
    assert jiangsu.latitude is None and jiangsu.longitude is None  # none for provinces


def test_autonomous_regions_and_special_administrative_regions_are_provinces():
    assert lookup("新疆维吾尔自治区").name == "Xinjiang"
    assert lookup("Guangxi Zhuang Autonomous Region").level == "province"
    assert lookup("Macao").name == "Macau"


def test_a_province_name_that_is_also_a_city_is_the_province():
    assert lookup("Jilin").level == "province"


def test_a_province_level_municipality_keeps_its_city_coordinates():
    beijing = lookup("北京市")

    assert (beijing.name, beijing.name_zh, beijing.level) == (
        "Beijing",
        "北京",
        "provincial_municipality",
    )
    assert beijing.latitude == pytest.approx(39.9, abs=0.1)
    assert lookup("Beijing") == beijing


def test_only_china_and_israel_are_kept():
    assert lookup("Paris") is None
    assert {place.country for found in gazetteer.places().values() for _, place in found} == {
        "CN",
        "IL",
    }


def test_the_places_are_loaded_once_per_process():
    assert gazetteer.places() is gazetteer.places()


def test_places_by_chinese_name_hold_each_places_own_name_only():
    names = gazetteer.by_chinese_name()

    assert names["苏州"].name == "Suzhou"
    assert names["耶路撒冷"].name == "Jerusalem"
    assert "旅大" not in names  # an old name of Dalian
