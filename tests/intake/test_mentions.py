"""Names recognized in an article's text: known records and names to create
(cooperation/intake/mentions.py). Every sentence here is written for the tests."""

from itertools import pairwise

import pytest

from cooperation import scripts
from cooperation.devdata import sample_data
from cooperation.devdata.sample_loader import ARTICLES
from cooperation.intake import mentions
from cooperation.intake.mentions import NameIndex, recognize
from cooperation.models import Municipality, Organization, Person
from tests.support.factories import (
    IsraeliMunicipalityFactory,
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
)


def found(text, index=None):
    """The mentions of `text`, each checked to be the text at its offsets."""
    result = recognize(text, index=index or NameIndex.from_database())
    for mention in result:
        assert text[mention.start : mention.end] == mention.text
    assert [m.start for m in result] == sorted(m.start for m in result)
    assert all(a.end <= b.start for a, b in pairwise(result))
    return result


def known(text):
    return [(m.text, m.record) for m in found(text) if m.record is not None]


def guessed(text):
    return {m.text: m.guess for m in found(text) if m.record is None}


@pytest.fixture
def haifa(db):
    return IsraeliMunicipalityFactory(name="Haifa", name_zh="海法", name_he="חיפה")


@pytest.fixture
def tel_aviv(db):
    return IsraeliMunicipalityFactory(
        name="Tel Aviv-Yafo", name_he="תל אביב-יפו", aliases=["Tel Aviv", "תל אביב", "特拉维夫"]
    )


@pytest.fixture
def shanghai(db):
    return MunicipalityFactory(name="Shanghai", name_zh="上海")


# --- Known names -----------------------------------------------------------------------


def test_latin_names_match_whatever_their_case_and_hyphens_and_the_longest_wins(tel_aviv):
    text = "Officials of tel-aviv, of TEL AVIV and of Tel Aviv-Yafo met."

    assert known(text) == [
        ("tel-aviv", tel_aviv),
        ("TEL AVIV", tel_aviv),
        ("Tel Aviv-Yafo", tel_aviv),
    ]


def test_latin_names_match_whatever_their_accents(db):
    petah_tikva = IsraeliMunicipalityFactory(name="Petah Tikva", aliases=["Petaḥ Tiqva"])

    assert known("A forum in PETAH TIKVA and in Petah Tiqva.") == [
        ("PETAH TIKVA", petah_tikva),
        ("Petah Tiqva", petah_tikva),
    ]


def test_a_latin_name_matches_on_word_boundaries_only(haifa):
    assert known("Haifaport and Ahaifa are other words.") == []


def test_a_latin_name_matches_before_a_possessive_or_a_plural(haifa):
    text = "Haifa's port and Haifa’s mayor; both Haifas."

    assert known(text) == [("Haifa", haifa), ("Haifa", haifa), ("Haifa", haifa)]


def test_latin_names_of_fewer_than_three_letters_are_not_matched(db):
    authority = OrganizationFactory(name="Israel Innovation Authority", aliases=["IA", "IIA"])

    assert known("IA and IIA signed.") == [("IIA", authority)]


def test_people_and_bodies_are_found_by_their_aliases(db):
    person = PersonFactory(name="Eric (Qian) Wang", aliases=["Qian Wang"])
    park = OrganizationFactory(name="Zhongguancun Science Park", aliases=["Z-Park"])

    text = "Qian Wang visited Z-Park, and Eric (Qian) Wang spoke."
    assert known(text) == [("Qian Wang", person), ("Z-Park", park), ("Eric (Qian) Wang", person)]
    assert {m.kind for m in found(text)} == {"person", "organization"}


def test_a_chinese_name_matches_in_traditional_characters(db):
    dongguan = MunicipalityFactory(name="Dongguan", name_zh="东莞")

    assert known("東莞的代表团") == [("東莞", dongguan)]


def test_chinese_names_of_two_characters_match_without_word_boundaries(haifa, shanghai):
    assert known("上海与海法签署协议") == [("上海", shanghai), ("海法", haifa)]


def test_a_known_chinese_place_takes_the_suffix_written_after_it(shanghai):
    assert known("上海市和上海人") == [("上海市", shanghai), ("上海", shanghai)]


def test_the_longest_chinese_name_wins(shanghai):
    MunicipalityFactory(name="Pudong", name_zh="浦东")
    commission = OrganizationFactory(name="Shanghai STC", name_zh="上海市科学技术委员会")
    shanghai.aliases.create(name="上海市")

    assert known("上海市科学技术委员会在上海市") == [
        ("上海市科学技术委员会", commission),
        ("上海市", shanghai),
    ]


def test_a_hebrew_name_matches_with_vowel_points_and_prefix_letters(haifa, tel_aviv):
    text = "המשלחת הגיעה בְּחֵיפָה, ולתל אביב ומחיפה."

    assert known(text) == [("חֵיפָה", haifa), ("תל אביב", tel_aviv), ("חיפה", haifa)]


def test_a_hebrew_name_matches_after_prefix_letters_only(haifa):
    assert known("אחיפה וחיפהאי אינן חיפה") == [("חיפה", haifa)]


def test_offsets_are_those_of_the_original_text_with_full_width_forms(haifa, tel_aviv):
    text = "Ｈａｉｆａ，ＴＥＬ－ＡＶＩＶ。"

    assert known(text) == [("Ｈａｉｆａ", haifa), ("ＴＥＬ－ＡＶＩＶ", tel_aviv)]


def test_offsets_are_those_of_the_original_text_with_vowel_points_and_accents(haifa):
    text = "Ḥ́aifa? לְחֵיפָה, ולחיפה; Haifa."  # Ḥ́: an H with a dot below and an acute

    assert [m.text for m in found(text)] == ["Ḥ́aifa", "חֵיפָה", "חיפה", "Haifa"]


def test_names_are_folded_as_the_site_compares_them():
    names = [
        name
        for rows in (sample_data.MUNICIPALITIES, sample_data.ORGANIZATIONS, sample_data.PEOPLE)
        for row in rows
        for name in (
            row["name"],
            row.get("name_zh", ""),
            row.get("name_he", ""),
            *row.get("aliases", ()),
        )
        if name
    ]
    assert [mentions.name_key(name) for name in names] == [scripts.name_key(n) for n in names]


@pytest.mark.parametrize("records", [1, 30])
def test_the_index_is_built_in_a_fixed_number_of_queries(db, django_assert_num_queries, records):
    for n in range(records):
        MunicipalityFactory(aliases=[f"Place alias {n}"])
        OrganizationFactory(aliases=[f"Body alias {n}"])
        PersonFactory(aliases=[f"Person alias {n}"])

    with django_assert_num_queries(6):
        index = NameIndex.from_database()

    assert len(index.keys) == 6 * records


def test_without_an_index_recognize_reads_the_database(haifa):
    assert [m.record for m in recognize("Haifa")] == [haifa]


def test_of_two_records_sharing_a_name_the_municipality_keeps_it(db):
    place = MunicipalityFactory(name="Zhongguancun")
    OrganizationFactory(name="Z-Park", aliases=["Zhongguancun"])

    assert known("Zhongguancun") == [("Zhongguancun", place)]


# --- Places to create ------------------------------------------------------------------


def test_english_place_patterns_offer_the_bare_place_with_the_gazetteer_names(db):
    text = (
        "The Ashdod Municipality, the Municipality of Netanya, the mayor of Eilat, the city "
        "of Kunming, Dongguan City, Chaoyang District, Lanzhou Municipal Government and "
        "Pu'er People's Government."
    )

    places = guessed(text)

    assert list(places) == [
        "Ashdod",
        "Netanya",
        "Eilat",
        "Kunming",
        "Dongguan",
        "Chaoyang District",
        "Lanzhou",
        "Pu'er",
    ]
    ashdod = places["Ashdod"]
    assert (ashdod.name, ashdod.kind, ashdod.country, ashdod.level) == (
        "Ashdod",
        "municipality",
        "IL",
        "city",
    )
    assert (ashdod.name_en, ashdod.name_he) == ("Ashdod", "אשדוד")
    assert ashdod.latitude == pytest.approx(31.8, abs=0.1)
    assert places["Chaoyang District"].level == "district"
    assert places["Pu'er"].name_zh == "普洱"


def test_an_english_province_is_chinese_and_has_no_coordinates(db):
    jiangsu = guessed("Suzhou in Jiangsu Province")["Jiangsu"]

    assert (jiangsu.name, jiangsu.name_zh, jiangsu.level, jiangsu.country) == (
        "Jiangsu",
        "江苏",
        "province",
        "CN",
    )
    assert jiangsu.latitude is None


def test_a_place_the_gazetteer_does_not_know_is_offered_as_written(db):
    place = guessed("He met the mayor of Qazwell yesterday.")["Qazwell"]

    assert (place.name, place.name_en, place.country, place.latitude) == (
        "Qazwell",
        "Qazwell",
        "",
        None,
    )


def test_sentence_starting_words_are_not_part_of_a_place(db):
    assert list(guessed("Yesterday Eilat Municipality said so.")) == ["Eilat"]
    assert list(guessed("In Smart City Model projects.")) == []


def test_a_known_name_wins_over_a_candidate(haifa):
    result = found("Yona Yahav, mayor of Haifa, and the Haifa Municipality.")

    assert [(m.text, m.record) for m in result if m.kind == "municipality"] == [
        ("Haifa", haifa),
        ("Haifa", haifa),
    ]


def test_chinese_place_patterns_offer_the_place_without_its_suffix(db):
    places = guessed("江苏省蘇州市与朝阳区、某某县和广西壮族自治区")

    assert list(places) == ["江苏省", "蘇州市", "朝阳区", "某某县", "广西壮族自治区"]
    suzhou = places["蘇州市"]
    assert (suzhou.name, suzhou.name_en, suzhou.country, suzhou.level) == (
        "苏州",
        "Suzhou",
        "CN",
        "city",
    )
    assert places["江苏省"].level == "province"
    assert places["朝阳区"].level == "district"
    assert (places["某某县"].level, places["某某县"].country) == ("county_city", "CN")
    assert (places["广西壮族自治区"].name_zh, places["广西壮族自治区"].level) == (
        "广西",
        "province",
    )


def test_a_chinese_place_starts_after_the_words_before_it(db):
    assert list(guessed("代表团访问南京市")) == ["南京市"]


def test_a_chinese_place_is_found_in_its_government_and_before_its_mayor(db):
    assert list(guessed("南京市人民政府")) == ["南京市"]
    place = guessed("代表团会见南京市长")["南京"]
    assert place.name_en == "Nanjing"


@pytest.mark.parametrize(
    "text", ["城市", "本市", "全市", "该市", "省市", "全省", "地区", "中关村园区"]
)
def test_words_ending_like_a_chinese_place_are_not_places(db, text):
    assert [m for m in found(f"，{text}发展") if m.kind == "municipality"] == []


def test_hebrew_place_patterns_offer_the_place(db):
    text = (
        "עיריית אשדוד וראש עיריית באר שבע ביקרו בעיר אשקלון ובמחוז הצפון, "
        "עם מועצה אזורית גליל עליון."
    )

    places = guessed(text)

    assert list(places) == ["אשדוד", "באר שבע", "אשקלון", "הצפון", "גליל עליון"]
    assert (places["אשדוד"].name_en, places["אשדוד"].country) == ("Ashdod", "IL")
    assert places["באר שבע"].name_en == "Beersheba"
    assert places["הצפון"].level == "district"
    assert (places["גליל עליון"].level, places["גליל עליון"].country) == (
        "regional_council",
        "IL",
    )


def test_candidates_map_back_to_the_original_text_with_vowel_points_and_full_width_forms(db):
    text = "בְּעִירִיַּת אַשְׁדּוֹד, Ｍａｙｏｒ Ｌｉ Ｗｅｉ, 蘇州市長"

    assert [(m.text, m.guess.name) for m in found(text)] == [
        ("אַשְׁדּוֹד", "אשדוד"),
        ("Ｌｉ Ｗｅｉ", "Li Wei"),
        ("蘇州", "苏州"),
    ]


def test_the_head_of_a_city_is_not_a_place(db):
    assert [m for m in found("ראש העיר אמר כי העיר הודיעה") if m.kind == "municipality"] == []


# --- Bodies to create ------------------------------------------------------------------


def test_english_bodies_are_capitalized_words_ending_in_a_body_word(db):
    text = (
        "Israel Innovation Authority, Zhongguancun Science Park, the Israel-China Chamber of "
        "Commerce, Tsinghua University, Port of Ashdod, Shenzhen Science and Technology "
        "Innovation Commission and the Embassy of China to Israel."
    )

    bodies = guessed(text)

    assert list(bodies) == [
        "Israel Innovation Authority",
        "Zhongguancun Science Park",
        "Israel-China Chamber of Commerce",
        "Tsinghua University",
        "Port of Ashdod",
        "Shenzhen Science and Technology Innovation Commission",
        "Embassy of China to Israel",
    ]
    assert {guess.kind for guess in bodies.values()} == {"organization"}
    assert bodies["Israel Innovation Authority"].country == "IL"
    assert bodies["Zhongguancun Science Park"].country == ""
    assert bodies["Embassy of China to Israel"].country == "CN"


def test_a_ministry_takes_its_list_of_subjects_and_the_country_before_it(db):
    bodies = guessed("Israel’s Ministry of Science, Technology and Space and the Foreign Ministry.")

    assert list(bodies) == ["Ministry of Science, Technology and Space", "Foreign Ministry"]
    assert bodies["Ministry of Science, Technology and Space"].country == "IL"


def test_a_bare_body_word_is_not_a_body(db):
    assert guessed("The Ministry said the Park and the Port would open.") == {}


def test_a_new_body_may_contain_a_known_place_but_not_a_known_body(haifa):
    park = OrganizationFactory(name="Zhongguancun Science Park")

    result = found("Haifa University and Beijing Zhongguancun Science Park.")

    assert [(m.text, m.record) for m in result] == [
        ("Haifa University", None),
        ("Beijing", None),
        ("Zhongguancun Science Park", park),
    ]


def test_chinese_bodies_end_in_a_body_word(shanghai):
    bodies = guessed("上海市科学技术委员会与中国驻以色列大使馆参观了苏州工业园区和以色列出口协会")

    assert list(bodies) == [
        "上海市科学技术委员会",
        "中国驻以色列大使馆",
        "苏州工业园区",
        "以色列出口协会",
    ]
    assert bodies["中国驻以色列大使馆"].country == "CN"
    assert bodies["以色列出口协会"].country == "IL"
    assert bodies["苏州工业园区"].name_zh == "苏州工业园区"


def test_hebrew_bodies_start_with_a_body_word(tel_aviv):
    bodies = guessed(
        "רשות החדשנות הודיעה, ובמשרד הכלכלה והתעשייה, אוניברסיטת תל אביב ושגרירות סין בישראל."
    )

    assert list(bodies) == [
        "רשות החדשנות",
        "משרד הכלכלה והתעשייה",
        "אוניברסיטת תל אביב",
        "שגרירות סין בישראל",
    ]
    assert bodies["שגרירות סין בישראל"].country == "CN"
    assert bodies["רשות החדשנות"].name_he == "רשות החדשנות"


# --- People to create ------------------------------------------------------------------


def test_an_english_title_before_a_name_offers_the_person_with_the_title(db):
    people = guessed(
        "Mayor Ying Yong met Vice Mayor Li Wei, Party Secretary Li Qiang and Ambassador "
        "Zhan Yongxin."
    )

    assert {text: (g.name, g.role, g.country) for text, g in people.items()} == {
        "Ying Yong": ("Ying Yong", "Mayor", ""),
        "Li Wei": ("Li Wei", "Vice Mayor", ""),
        "Li Qiang": ("Li Qiang", "Party Secretary", ""),
        "Zhan Yongxin": ("Zhan Yongxin", "Ambassador", ""),
    }
    assert {g.kind for g in people.values()} == {"person"}


def test_the_country_of_a_person_is_read_from_the_title(db):
    countries = {
        text: g.country
        for text, g in guessed(
            "Chinese Ambassador Zhan Yongxin, Ambassador to Israel Cai Run, Shanghai Mayor "
            "Gong Zheng and Israeli Minister Ron Dermer met."
        ).items()
        if g.kind == "person"
    }

    assert countries == {
        "Zhan Yongxin": "CN",
        "Cai Run": "CN",
        "Gong Zheng": "CN",
        "Ron Dermer": "IL",
    }


def test_a_name_followed_by_its_title_offers_the_person(db):
    people = guessed(
        "Yona Yahav, mayor of Haifa, met Also Eyal Propper, Israel consul-general to Shanghai; "
        "and Cai Weiming, charge d’affaires of the Embassy of China to Israel."
    )

    assert {text: (g.role, g.country) for text, g in people.items() if g.kind == "person"} == {
        "Yona Yahav": ("mayor", "IL"),
        "Eyal Propper": ("consul-general", "IL"),
        "Cai Weiming": ("charge d’affaires", "CN"),
    }


def test_a_chinese_title_before_or_after_a_name_offers_the_person(db):
    people = guessed("市长应勇说，副市长李伟出席。，王伟副市长表示，中国驻以色列大使詹永新指出")

    assert {text: (g.role, g.country) for text, g in people.items()} == {
        "应勇": ("市长", ""),
        "李伟": ("副市长", ""),
        "王伟": ("副市长", ""),
        "詹永新": ("大使", "CN"),
    }


def test_a_chinese_title_before_a_verb_names_nobody(db):
    assert guessed("副市长出席，市长在会上说") == {}


def test_a_hebrew_title_before_two_words_offers_the_person(haifa):
    people = guessed(
        "ראש העירייה דוד לוי, ולראש העיר משה כהן, השר אלי כהן, ראש עיריית חיפה יונה יהב "
        "ושגריר סין בישראל צאי רון."
    )

    assert {text: (g.role, g.country) for text, g in people.items()} == {
        "דוד לוי": ("ראש העירייה", ""),
        "משה כהן": ("ראש העיר", ""),
        "אלי כהן": ("השר", ""),
        "יונה יהב": ("ראש עיריית חיפה", "IL"),
        "צאי רון": ("שגריר סין בישראל", "CN"),
    }


def test_known_people_are_not_offered_again(db):
    person = PersonFactory(name="Ying Yong", name_zh="应勇")

    assert [(m.text, m.record) for m in found("Mayor Ying Yong and 市长应勇")] == [
        ("Ying Yong", person),
        ("应勇", person),
    ]


# --- Generic words, bodies' beginnings, appositions ----------------------------------


def test_a_known_province_written_with_its_generic_word_is_mentioned_bare(db):
    jiangsu = MunicipalityFactory(name="Jiangsu", aliases=["Jiangsu Province"])

    assert known("Factories of Jiangsu province and of Jiangsu Province.") == [
        ("Jiangsu", jiangsu),
        ("Jiangsu", jiangsu),
    ]


def test_the_shi_of_a_mayor_is_the_titles_not_the_places(shanghai):
    shanghai.aliases.create(name="上海市")

    assert [m.text for m in found("上海市长与上海市市长")] == ["上海", "上海市"]


def test_a_body_named_without_its_country_is_the_known_body(db):
    ministry = OrganizationFactory(name="Ministry of Trade and Tourism of Israel")

    assert known("Officials of the Ministry of Trade and Tourism spoke.") == [
        ("Ministry of Trade and Tourism", ministry)
    ]


def test_a_body_beginning_two_known_bodies_names_stays_new(db):
    OrganizationFactory(name="Ministry of Trade and Tourism of Israel")
    OrganizationFactory(name="Ministry of Trade and Tourism of China")

    assert known("The Ministry of Trade and Tourism spoke.") == []


def test_a_company_name_goes_on_after_its_body_word_and_a_department_is_a_body(db):
    bodies = guessed("The Eilat Port Company and the Department of Water of Qazwell Province.")

    assert [text for text, g in bodies.items() if g.kind == "organization"] == [
        "Eilat Port Company",
        "Department of Water of Qazwell Province",
    ]


def test_a_name_set_off_by_commas_after_a_title_is_a_person(db):
    english = guessed("Its director, Dana Weissman, opened the hall.")
    hebrew = guessed("ראש עיריית אשדוד, דנה ויסמן, פתחה את האולם.")

    assert english["Dana Weissman"].role == "director"
    assert hebrew["דנה ויסמן"].role == "ראש עיריית אשדוד"


def test_an_adjective_of_a_country_is_not_a_place(db):
    assert guessed("It is the first Israeli municipality to do so.") == {}


def test_chinese_local_words_and_a_bay_area_are_not_places(db):
    assert [m for m in found("在当地市政厅签约，进入大湾区市场") if m.kind == "municipality"] == []


def test_an_adverb_after_a_chinese_title_is_no_name_and_a_head_follows_a_body(db):
    people = guessed("市长首次率团出访，代表处负责人赵明介绍说")

    assert {text: g.role for text, g in people.items() if g.kind == "person"} == {"赵明": "负责人"}


def test_a_chinese_name_with_a_middle_dot_is_one_person(db):
    people = guessed("副市长约拉姆·本大卫签署了协议")

    assert list(people) == ["约拉姆·本大卫"]


# --- Places the gazetteer knows, named alone ---------------------------------------


def test_english_words_naming_a_large_town_are_that_place(db):
    places = guessed("Delegates came from Hangzhou. Netanya and Kiryat Shmona sent mayors.")

    assert list(places) == ["Hangzhou", "Netanya", "Kiryat Shmona"]
    assert (places["Netanya"].name_he, places["Netanya"].country) == ("נתניה", "IL")


def test_a_small_town_or_a_short_word_is_a_place_only_after_a_word_saying_so(db):
    assert guessed("Karmiel grows. She left.") == {}
    assert list(guessed("They went to Karmiel and Wuxi.")) == ["Karmiel", "Wuxi"]


def test_a_country_is_not_a_place(db):
    assert guessed("Trade between China and Israel grew.") == {}


def test_a_chinese_place_name_is_found_anywhere_if_the_town_is_large_enough(db):
    assert list(guessed("代表团到访耶路撒冷和内坦亚")) == ["耶路撒冷", "内坦亚"]
    assert guessed("东方的合作") == {}  # 东方, the East; 合作, cooperation: small towns


def test_a_hebrew_word_naming_a_town_is_found_with_its_prefix_letters(db):
    places = guessed("המשלחת הגיעה לאילת ואחר כך בקרית שמונה")

    assert list(places) == ["אילת", "קרית שמונה"]


def test_hebrew_function_words_and_adjectives_after_the_city_are_not_places(db):
    text = "שהתה בעיר בין 8 ל-12, ביקרו בעיר עשרות משלחות, בעיר פועלים אוטובוסים, העיר הסינית."

    assert [m for m in found(text) if m.kind == "municipality"] == []


# --- What an article repeats -------------------------------------------------------


def test_a_surname_after_a_known_persons_full_name_is_that_person(db):
    person = PersonFactory(name="Dana Weissman")

    assert known("Dana Weissman arrived. Weissman’s talk followed; Weissman left.") == [
        ("Dana Weissman", person),
        ("Weissman", person),
        ("Weissman", person),
    ]


def test_a_chinese_surname_first_after_a_new_persons_name_is_that_person(db):
    result = found("Mayor Zhou Ping came. Zhou said so, and Mr. Zhou Ping left.")

    people = [(m.text, m.guess.name) for m in result if m.kind == "person"]
    assert people == [("Zhou Ping", "Zhou Ping"), ("Zhou", "Zhou Ping"), ("Zhou Ping", "Zhou Ping")]


def test_a_dotted_chinese_name_and_a_hebrew_name_are_repeated_by_their_last_part(db):
    chinese = found("副市长约拉姆·本大卫签署了协议。本大卫说")
    hebrew = found("ראש העירייה דנה ויסמן נאמה. לדברי ויסמן, ולויסמן")

    assert [m.text for m in chinese] == ["约拉姆·本大卫", "本大卫"]
    assert [m.text for m in hebrew] == ["דנה ויסמן", "ויסמן", "ויסמן"]
    assert {m.guess for m in hebrew} == {hebrew[0].guess}


def test_a_surname_two_people_share_or_a_known_name_of_another_record_is_nobody(haifa):
    PersonFactory(name="Dan Haifa")
    text = "Mayor Zhou Ping and Mayor Zhou Min met Dan Haifa. Zhou spoke of Haifa."

    assert [(m.text, m.kind) for m in found(text) if m.text in ("Zhou", "Haifa")] == [
        ("Haifa", "municipality")
    ]


def test_a_surname_inside_a_longer_capitalized_name_is_not_the_person(db):
    result = found("Mayor Zhang Hong visited Hong Kong. Hong said so.")

    assert [(m.text, m.kind) for m in result] == [
        ("Zhang Hong", "person"),
        ("Hong Kong", "municipality"),
        ("Hong", "person"),
    ]


def test_a_place_once_shown_to_be_one_is_that_place_wherever_named(db):
    result = found("The mayor of Karmiel spoke. Karmiel grows.")

    assert [(m.text, m.guess.name) for m in result] == [("Karmiel", "Karmiel")] * 2


# --- The sample articles ---------------------------------------------------------------


def article(number: str) -> str:
    return next(ARTICLES.glob(f"{number}_*.txt")).read_text()


def names_of(record) -> list[str]:
    names = [record.name, record.name_zh, record.name_he, *(a.name for a in record.aliases.all())]
    return [name for name in names if name]


def named_in(record, text: str) -> bool:
    """Whether `text` has one of the record's names as a whole word (by the site's folding),
    found independently of the recognizer."""
    folded = f" {scripts.name_key(text)} "
    return any(
        f" {key} " in folded
        for key in map(scripts.name_key, names_of(record))
        if sum(char.isalnum() for char in key) >= 3
    )


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (
            "000",
            ["Beijing", "Tel Aviv-Yafo", "Zhongguancun Science Park", "Yin Hejun", "Doron Sapir"],
        ),
        ("001", ["Beijing", "Tel Aviv-Yafo", "Zhongguancun Science Park", "Ron Huldai"]),
        (
            "002",
            ["Shanghai", "Haifa", "Israel Innovation Authority", "Ying Yong", "Yona Yahav"],
        ),
        ("003", ["Dongguan", "Guangdong", "Eric (Qian) Wang", "Tel Aviv-Yafo"]),
    ],
)
def test_every_sample_record_an_article_names_is_found(sample_data, number, expected):
    text = article(number)
    index = NameIndex.from_database()
    records = {m.record for m in found(text, index) if m.record is not None}

    named = [
        record
        for model in (Municipality, Organization, Person)
        for record in model.objects.prefetch_related("aliases")
        if named_in(record, text)
    ]
    assert named and set(named) <= records
    assert set(expected) <= {record.name for record in records}
