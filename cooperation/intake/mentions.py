"""The places, bodies and people an article names: those the tracker knows, and names it
could create.

`recognize(text)` finds, in text order and never overlapping:

- **known names**: every name, Chinese name, Hebrew name and alias of every municipality,
  organization and person (`NameIndex`), compared as the site compares names
  (`scripts.name_key`: case, accents, hyphens, vowel points, traditional characters
  ignored). Where names start at one place the longest wins ("Tel Aviv-Yafo" over "Tel
  Aviv", 上海市 over 上海). Latin names match on word boundaries only ("Haifa" is not in
  "Haifaport"; "Haifa's" and "Haifas" are Haifa), and only names of three letters or more
  (two-letter aliases would be found in every other word). Chinese has no word boundaries:
  a name of two characters or more matches anywhere, and a place's mention takes a 市, 省,
  区 or 县 written after it (上海市 for 上海). A Hebrew name matches with one or two of the
  prefix letters ו ה ב ל מ ש כ glued before it (בחיפה, ולתל אביב), the mention covering the
  name alone.
- **candidates**, names the tracker does not know, read from the words around them ("mayor
  of X", 某某市, עיריית X, "... Authority", 市长某某): each with a `Guess` of what to create.
  A candidate is kept only where no known name is: a known name always wins, except that a
  body's name may contain a known place (the "Haifa Chamber of Commerce" is a new body).
  Places of China and Israel the gazetteer knows are candidates by their name alone too
  ("Ningbo", 耶路撒冷, בכרמיאל), with guards against words that are also towns. A body
  named as a known body but for its country ("Ministry of Economy and Industry" of Israel)
  is that body.
- **repetitions**, in a second reading: a person's surname or other part of the name after
  the full name (Yahav, 戈兰, אלמוג), a new person or place written again, the same record
  or guess (`repeated`).

Offsets are always those of the original text. Matching reads the text in two views, each
made character by character with the position each character came from: the *key view*
(folded like `scripts.name_key`) for known names, the *reading view* (vowel points and
accents dropped, full-width forms made plain, traditional characters simplified; case and
punctuation kept) for candidates. Both keep one position per character of the original (a
ligature's letters share one), so a match in either maps back exactly.
"""

import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from functools import cache

from cooperation.intake import gazetteer
from cooperation.scripts import APOSTROPHES, HAN, script_language, simplifier

MUNICIPALITY, ORGANIZATION, PERSON = "municipality", "organization", "person"
CHINA, ISRAEL = "CN", "IL"


@dataclass(frozen=True)
class Guess:
    """What to create for a name the tracker does not know."""

    name: str  # the bare name as written, simplified and without vowel points
    kind: str
    country: str  # "CN", "IL" or "" when it cannot be guessed
    level: str  # a MunicipalityLevel value for places, "" otherwise
    name_en: str
    name_zh: str
    name_he: str
    latitude: float | None
    longitude: float | None
    role: str  # for people, the title as written ("mayor", "市长", "ראש העירייה")


@dataclass(frozen=True)
class Mention:
    text: str  # as written in the article: source_text[start:end]
    start: int
    end: int
    kind: str  # "municipality", "organization" or "person"
    record: object | None  # the known record, or None for a name offered for creation
    guess: Guess | None  # for unknown names: what to create


# --- Views of the text ----------------------------------------------------------------


@dataclass(frozen=True)
class View:
    """A text transformed character by character; `origin[i]` is the position in the
    original text of the character that gave `text[i]`."""

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's span of `text[start:end]`."""
        return self.origin[start], self.origin[end - 1] + 1


def make_view(text: str, transform, *, collapse_spaces: bool = False) -> View:
    chars, origin = [], []
    for position, char in enumerate(text):
        for part in transform(char):
            if collapse_spaces and part == " " and chars and chars[-1] == " ":
                continue
            chars.append(part)
            origin.append(position)
    return View("".join(chars), tuple(origin))


@cache
def reading_char(char: str) -> str:
    """A character as the candidate patterns read it: compatibility forms made plain
    (full-width Ｈ, ligatures), accents and Hebrew vowel points dropped, and a traditional
    Chinese character simplified (OpenCC's t2s, which for these purposes converts
    character by character)."""
    decomposed = unicodedata.normalize("NFKD", char)
    bare = "".join(part for part in decomposed if not unicodedata.combining(part))
    return simplifier().convert(bare) if HAN.match(bare) else bare


WORD_CHAR = re.compile(r"[^\W_]")


@cache
def key_char(char: str) -> str:
    """A character as names are compared (`scripts.name_key`, one character at a time):
    the reading form, lower case, anything but a letter or digit a space."""
    folded = reading_char(char).translate(APOSTROPHES).casefold()
    return "".join(part if WORD_CHAR.match(part) else " " for part in folded)


def key_view(text: str) -> View:
    return make_view(text, key_char, collapse_spaces=True)


def reading_view(text: str) -> View:
    return make_view(text, reading_char)


def name_key(name: str) -> str:
    """A name's key in the key view (what `scripts.name_key` gives)."""
    return key_view(name).text.strip()


LATIN, CHINESE, HEBREW, SPACE = "latin", "chinese", "hebrew", "space"
HEBREW_LETTER = re.compile("[\u05d0-\u05ea]")


@cache
def script_of(char: str) -> str:
    """The script of a key view's character: what a word boundary is a change of."""
    if char == " ":
        return SPACE
    if HAN.match(char):
        return CHINESE
    if HEBREW_LETTER.match(char):
        return HEBREW
    return LATIN


# --- Known names ---------------------------------------------------------------------

HEBREW_PREFIXES = frozenset("ובלמשהכ")
CHINESE_PLACE_SUFFIXES = "市省区县"
MIN_LETTERS = {LATIN: 3, CHINESE: 2, HEBREW: 2}


@dataclass(frozen=True)
class Known:
    """A known name: its key, and the record it names."""

    key: str
    kind: str
    record: object
    script: str


class NameIndex:
    """Every known municipality, organization and person by the key of each of its names.

    Names are grouped by their first two characters, longest first, so that at each
    position of an article a dictionary lookup gives the few names that may start there.
    Where two records share a name, the first added keeps it (municipalities before
    organizations before people, each in order of creation).
    """

    def __init__(self):
        self.keys: set[str] = set()
        self.by_key: dict[str, Known] = {}
        self.by_start: dict[str, list[Known]] = {}

    @classmethod
    def from_database(cls) -> "NameIndex":
        """The index of everything in the database: two queries per model (the records,
        then their aliases), six in all, however many records there are."""
        from cooperation.models import Municipality, Organization, Person

        index = cls()
        models = ((MUNICIPALITY, Municipality), (ORGANIZATION, Organization), (PERSON, Person))
        for kind, model in models:
            for record in model.objects.prefetch_related("aliases").order_by("pk"):
                aliases = [alias.name for alias in record.aliases.all()]
                index.add(kind, record, [record.name, record.name_zh, record.name_he, *aliases])
        return index

    def add(self, kind: str, record, names) -> None:
        for name in names:
            key = name_key(name or "")
            if not key or key in self.keys:
                continue
            script = script_of(key[0])
            if sum(1 for char in key if char != " ") < MIN_LETTERS[script]:
                continue
            self.keys.add(key)
            known = self.by_key[key] = Known(key, kind, record, script)
            bucket = self.by_start.setdefault(key[:2], [])
            insort(bucket, known, key=lambda known: -len(known.key))

    def longest_at(self, folded: str, position: int, script: str):
        """The longest name of `script` starting at `position` and ending on a boundary."""
        for known in self.by_start.get(folded[position : position + 2], ()):
            end = position + len(known.key)
            if (
                known.script == script
                and folded.startswith(known.key, position)
                and ends_word(folded, end, script)
            ):
                return known, end
        return None

    def match_at(self, folded: str, position: int):
        """(known, start, end) of the name starting at `position` (after Hebrew prefix
        letters), or None. Latin and Hebrew names start only at the start of a word."""
        script = script_of(folded[position])
        if script == CHINESE:
            starts = [position]
        elif script == SPACE or (position and script_of(folded[position - 1]) == script):
            return None
        else:
            starts = hebrew_starts(folded, position) if script == HEBREW else [position]
        for start in starts:
            found = self.longest_at(folded, start, script)
            if found:
                return found[0], start, found[1]
        return None


def hebrew_starts(folded: str, position: int) -> list[int]:
    """Where a Hebrew name may start in the word at `position`: at the word, then after one
    or two prefix letters (ו, ה, ב, ל, מ, ש, כ: ולתל אביב is ו + ל + תל אביב)."""
    starts = [position]
    while len(starts) < 3 and folded[starts[-1] : starts[-1] + 1] in HEBREW_PREFIXES:
        starts.append(starts[-1] + 1)
    return starts


def ends_word(folded: str, end: int, script: str) -> bool:
    """Whether a name of `script` ending at `end` ends a word: Chinese always; Latin and
    Hebrew when what follows is not a letter of the script, Latin also before a plural s."""
    if script == CHINESE or end >= len(folded):
        return True
    if script_of(folded[end]) != script:
        return True
    return (
        script == LATIN
        and folded[end] == "s"
        and (end + 1 == len(folded) or script_of(folded[end + 1]) != LATIN)
    )


# Generic words an English alias of a place may end with ("Jiangsu Province"): the mention
# is the name without them, as an analyst writes it ("Jiangsu province" names Jiangsu).
GENERIC_ENDINGS = (" province", " municipality")


def known_mentions(text: str, index: NameIndex) -> list[Mention]:
    """The known names of `text`, leftmost first and longest at each start. A known
    place's mention leaves out the generic word an English alias ends with ("Jiangsu"
    of "Jiangsu Province") and takes a Chinese suffix written after it (上海市), except the
    市 of 市长 (上海市长 is Shanghai's mayor: 上海)."""
    view = key_view(text)
    folded, found, position = view.text, [], 0
    while position < len(folded):
        match = index.match_at(folded, position)
        if match is None:
            position += 1
            continue
        known, start, end = match
        if (
            known.kind == MUNICIPALITY
            and known.script == CHINESE
            and known.key[-1] not in CHINESE_PLACE_SUFFIXES
            and end < len(folded)
            and folded[end] in CHINESE_PLACE_SUFFIXES
            and not folded.startswith("市长", end)
        ):
            end += 1  # 上海 in 上海市: the mention is 上海市
        elif (
            known.kind == MUNICIPALITY
            and known.key.endswith("市")
            and len(known.key) > 2
            and folded.startswith("长", end)
        ):
            end -= 1  # the alias 上海市 in 上海市长: the mention is 上海
        if known.kind == MUNICIPALITY and known.script == LATIN:
            generic = next((word for word in GENERIC_ENDINGS if known.key.endswith(word)), "")
            end -= len(generic)
        first, last = view.span(start, end)
        found.append(Mention(text[first:last], first, last, known.kind, known.record, None))
        position = end
    return found


# --- Candidates: what to create ------------------------------------------------------

CITY, PROVINCE, DISTRICT = "city", "province", "district"
COUNTY, REGIONAL_COUNCIL = "county_city", "regional_council"

# A country named in a title or a body's name: "Israel consul-general", "Embassy of China",
# 中国驻以色列大使, שגריר סין. A country after "to"/"in" (驻, ב-, ל-) is where the person or
# body is posted, so it stands for the other side when no other country is named:
# "Ambassador to Israel", 驻以色列大使, שגריר בישראל are Chinese.
COUNTRY_WORD = re.compile(
    r"(?P<away>\b(?:to|in) |驻|(?<![\u05d0-\u05ea])[בל](?=ישראל|סין))?"
    r"(?:(?P<IL>Israel|以色列|ישראל)|(?P<CN>Chin(?:a|ese)|\bSino\b|中国|中华|中方|סין))",
    re.IGNORECASE,
)


def country_in(words: str) -> str:
    """The country a title or a body's name speaks for (see COUNTRY_WORD), or ""."""
    found = list(COUNTRY_WORD.finditer(words))
    home = next((match for match in found if not match["away"]), None)
    if home:
        return ISRAEL if home["IL"] else CHINA
    if found:
        return CHINA if found[0]["IL"] else ISRAEL
    return ""


def written_names(name: str) -> dict:
    """The name in the field of its script: name_zh, name_he or name_en."""
    field = {"zh": "name_zh", "he": "name_he"}.get(script_language(name), "name_en")
    return {field: name}


def place_guess(name: str, place, *, level: str, country: str = "") -> Guess:
    """A place to create: the gazetteer's names, coordinates, country and (for provinces
    and province-level municipalities) level where it knows the place (广西 for 广西壮族);
    the name as written for its script where the gazetteer has none, and the level its
    words say (省, District)."""
    names = {"name_en": "", "name_zh": "", "name_he": ""} | written_names(name)
    if place is not None:
        known = {"name_en": place.name, "name_zh": place.name_zh, "name_he": place.name_he}
        names = {field: known[field] or names[field] for field in names}
        country = place.country
        level = level if place.level == CITY else place.level
    return Guess(
        name=name,
        kind=MUNICIPALITY,
        country=country,
        level=level,
        **names,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        role="",
    )


def named_guess(name: str, kind: str, *, country: str, role: str = "") -> Guess:
    """A body or person to create."""
    names = {"name_en": "", "name_zh": "", "name_he": ""} | written_names(name)
    return Guess(name, kind, country, "", **names, latitude=None, longitude=None, role=role)


class Reader:
    """An article's text and its reading view, where candidates are looked for."""

    def __init__(self, text: str):
        self.text = text
        self.view = reading_view(text)
        self.read = self.view.text

    def mention(self, start: int, end: int, guess: Guess) -> Mention:
        """The candidate at `read[start:end]`, with the original text's offsets."""
        first, last = self.view.span(start, end)
        return Mention(self.text[first:last], first, last, guess.kind, None, guess)


def place_in(words: list[str], *, at_end: bool):
    """The longest run of `words` at their end (or start) that names a place the gazetteer
    knows, and the place; else all the words and None. It finds where a place's name
    starts in "Yesterday Haifa Municipality" and ends in "mayor of Haifa Yona Yahav"."""
    for size in range(len(words), 0, -1):
        part = words[-size:] if at_end else words[:size]
        place = gazetteer.lookup(" ".join(part))
        if place is not None:
            return part, place
    return words, None


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- Latin script --------------------------------------------------------------------

# A capitalized word, hyphenated or with an apostrophe inside (Tel-Aviv, Pu'er, Ma'alot),
# not with a possessive: "Israel's Ministry" is the word Israel, then 's. A whole word:
# never the start of one ("Innovatio" of "Innovation").
WORD = r"[A-Z][a-zA-Z]*(?:['’-](?!s\b)[A-Za-z]+)*(?![A-Za-z])"
NAME = rf"{WORD}(?: {WORD}){{0,2}}"  # a place's name: one to three words
# Capitalized words that start a sentence rather than a name: "The Haifa Municipality".
STARTERS = word_set(
    "The A An This That These In On At And But Also Both Later While When During After "
    "Before Meanwhile Yesterday Today Last Next According For From With By As Its Their "
    "His Her Our"
)
# Words that make "X City" or "X District" something other than a place: "Smart City",
# and the countries, which are no municipality ("an Israeli municipality").
NOT_PLACES = word_set(
    "Smart Sister Twin Friendship Forbidden Inner Digital Model Garden Sponge Capital Safe "
    "Science Innovation Business Old Israel Israeli China Chinese Sino"
)
PLACE_LEVELS = {
    "municipality": CITY,
    "city": CITY,
    "mayor": CITY,
    "government": CITY,
    "province": PROVINCE,
    "district": DISTRICT,
}

# "Haifa Municipality", "Dongguan City", "Jiangsu Province", "Chaoyang District": the
# mention is the name without the generic word (Haifa, Dongguan, Jiangsu), as analysts
# write it, except a district's, whose word is part of its name (Chaoyang District).
PLACE_NAMED_BEFORE = re.compile(
    rf"\b(?P<name>{NAME}) (?P<word>[Mm]unicipality|City|Province|District)\b"
)
# "Suzhou Municipal Government", "Suzhou People's Government": the mention is the name.
PLACE_OF_GOVERNMENT = re.compile(
    rf"\b(?P<name>{NAME})(?= (?:Municipal (?:People['’]s )?|People['’]s )(?P<word>Government)\b)"
)
# "Municipality of Haifa", "the city of Dongguan", "province of Yunnan", "mayor of Haifa",
# "deputy mayor of Tel Aviv": the mention is the name.
PLACE_NAMED_AFTER = re.compile(
    rf"\b(?:[Vv]ice |[Dd]eputy )?(?P<word>[Mm]unicipality|[Cc]ity|[Pp]rovince|[Mm]ayor) of "
    rf"(?P<name>{NAME})"
)


def latin_places(reader: Reader):
    for pattern in (PLACE_NAMED_BEFORE, PLACE_OF_GOVERNMENT):
        for match in pattern.finditer(reader.read):
            words, place = place_in(match["name"].split(" "), at_end=True)
            words = words if place else without_starters(words)
            if not words or (place is None and set(words) <= NOT_PLACES):
                continue
            name = " ".join(words)
            start = match.end("name") - len(name)
            end = match.end() if match["word"] == "District" else match.end("name")
            yield reader.mention(start, end, latin_place_guess(name, place, match["word"]))
    for match in PLACE_NAMED_AFTER.finditer(reader.read):
        words, place = place_in(match["name"].split(" "), at_end=False)
        name = " ".join(words)
        start = match.start("name")
        yield reader.mention(
            start, start + len(name), latin_place_guess(name, place, match["word"])
        )


def latin_place_guess(name: str, place, word: str) -> Guess:
    """A province named in English is Chinese (Israel has districts); else the gazetteer's."""
    level = PLACE_LEVELS[word.lower()]
    return place_guess(name, place, level=level, country=CHINA if level == PROVINCE else "")


def without_starters(words: list[str]) -> list[str]:
    while words and words[0] in STARTERS:
        words = words[1:]
    return words


BODY_WORDS = (
    r"Authority|Ministry|Association|Council|Chamber of Commerce|Park|Zone|Centre|Center|"
    r"University|Institute|Bureau|Commission|Committee|Embassy|Consulate(?:[- ]General)?|Port|"
    r"Department"
)
# Words a company's name goes on with after its body word: "Ashdod Port Company".
COMPANY_WORDS = r"Company|Group|Corporation|Holdings|Co\.|Ltd\.?"
POSTED = ("Embassy", "Consulate")  # bodies whose name says where they are: "... in Shanghai"
# Words joined by "and" inside a body's name: "Science and Technology Commission". Only
# these, so that "Cohen and Beijing Trade Bureau" is the bureau alone.
GENERIC = (
    r"Science|Technology|Trade|Industry|Economy|Economic|Commerce|Culture|Education|"
    r"Information|Innovation|Development|Reform|Research|Investment|Tourism|Health|"
    r"Agriculture|Transport|Energy|Environment|Finance|Planning"
)
TITLE_WORDS = r"Mayor|Minister|Ambassador|Governor|Chairman|President|Director|Secretary|Consul"
HEAD_WORD = rf"(?!(?:{TITLE_WORDS})\b){WORD}"
TAIL_WORD = rf"(?!(?:{BODY_WORDS})\b){WORD}"
TAIL_WORDS = rf"{TAIL_WORD}(?: {TAIL_WORD})*"
# What a body is "of": one name, or a list ("Science, Technology and Space").
TAIL_LIST = rf"(?:the )?{TAIL_WORDS}(?:(?:, {TAIL_WORDS})*,? and {TAIL_WORDS})?"
# "Israel Innovation Authority", "Zhongguancun Science Park", "Ministry of Science,
# Technology and Space", "Embassy of China to Israel": capitalized words, a body's word
# (and a company's: "Ningbo Zhoushan Port Group"), and what it is "of" or "for", ending
# where the capitalized words end (so that "Port of Ashdod, Shenzhen Science and
# Technology Commission" is two bodies).
BODY = re.compile(
    rf"\b(?P<head>(?:(?:{GENERIC}) (?:and|&) |{HEAD_WORD} )*)(?P<word>{BODY_WORDS})\b"
    rf"(?P<company>(?: (?:{COMPANY_WORDS})(?![A-Za-z]))*)"
    rf"(?P<tail> (?:of|for) {TAIL_LIST}(?: (?:of|for|in|to) {TAIL_LIST}){{0,2}}(?! {WORD}))?"
)
POSTED_AT = re.compile(r" (?:in|to) ")
POSSESSOR = re.compile(r"\b(?:Israeli?|Chin(?:a|ese))(?:['’]s)? $")  # "Israel's Ministry"


def latin_bodies(reader: Reader):
    for match in BODY.finditer(reader.read):
        head = without_starters(match["head"].split())
        tail = match["tail"] or ""
        if not match["word"].startswith(POSTED):
            tail = POSTED_AT.split(tail)[0]
        if not head and not tail:
            continue  # a bare "Park", "the Ministry"
        name = " ".join([*head, match["word"]]) + match["company"] + tail
        start = match.start("word") - len(" ".join(head)) - (1 if head else 0)
        before = reader.read[max(0, start - 16) : start]
        country = country_in(name) or country_in("".join(POSSESSOR.findall(before)))
        yield reader.mention(
            start, start + len(name), named_guess(name, ORGANIZATION, country=country)
        )


TITLE = (
    r"(?:(?:Vice|Deputy|Executive|Acting) )?(?:Mayor|Minister|Governor|Ambassador|Chairman|"
    r"Chairwoman|President|Director(?:[- ]General)?|Party Secretary|Secretary|"
    r"Consul(?:[- ]General)?|Premier|Charg[eé] d['’]affaires)"
)
COUNTRY_ADJECTIVE = r"(?:Israeli?|Chinese|China|Sino) "
# A person's name: two or three words, none a title's ("Mayor Li Wei, party secretary" is
# Li Wei).
NAME_WORD = rf"(?!(?:{TITLE_WORDS}|Vice|Deputy|Executive|Acting|Party)\b){WORD}"
PERSON_NAME = rf"{NAME_WORD} {NAME_WORD}(?: {NAME_WORD})?"
# "Mayor Ying Yong", "Shanghai Mayor Ying Yong", "Chinese Ambassador to Israel Zhan Yongxin".
TITLE_THEN_PERSON = re.compile(
    rf"\b(?P<before>(?:{WORD} ){{0,3}}?)\b(?P<title>(?i:(?:{COUNTRY_ADJECTIVE})?{TITLE}))"
    rf"(?P<posted> (?:to|in) {WORD})? (?P<name>{PERSON_NAME})\b"
)
# "Yona Yahav, mayor of Haifa", "Eyal Propper, Israel consul-general to Shanghai".
PERSON_THEN_TITLE = re.compile(
    rf"\b(?P<name>{PERSON_NAME}), (?:the |a |an )?"
    rf"(?P<title>(?i:(?:{COUNTRY_ADJECTIVE})?{TITLE}))\b(?P<of> (?:of|to|in|at) [^,;.()]{{1,80}})?"
)
# "Its director, Zhou Min, said", "the mayor of Haifa, Yona Yahav, said": a title, then the
# name set off by commas.
TITLE_COMMA_PERSON = re.compile(
    rf"\b(?P<title>(?i:(?:{COUNTRY_ADJECTIVE})?{TITLE}))\b"
    rf"(?P<of> (?:of|to|in|at) (?:the )?{WORD}(?: {WORD}){{0,3}})?, (?P<name>{PERSON_NAME}),"
)
ADJECTIVE_AT_START = re.compile(rf"^(?i:{COUNTRY_ADJECTIVE})")


def latin_people(reader: Reader):
    for match in TITLE_THEN_PERSON.finditer(reader.read):
        around = match["before"] + match["title"] + (match["posted"] or "")
        _, place = place_in(match["before"].split(), at_end=True)
        country = country_in(around) or (place.country if place else "")
        yield person(reader, match, country)
    for match in (
        *PERSON_THEN_TITLE.finditer(reader.read),
        *TITLE_COMMA_PERSON.finditer(reader.read),
    ):
        of = match["of"] or ""
        _, place = place_in(re.findall(WORD, of)[:3], at_end=False)
        country = country_in(match["title"] + of) or (place.country if place else "")
        yield person(reader, match, country)


def person(reader: Reader, match, country: str) -> Mention | None:
    """The person named by `match`'s name group, sentence-starting words left out ("Also
    Eyal Propper"); None if fewer than two words are left. The role is the title without
    its country ("consul-general" of "Israel consul-general")."""
    kept = " ".join(without_starters(match["name"].split(" ")))
    if " " not in kept:
        return None
    role = ADJECTIVE_AT_START.sub("", match["title"])
    guess = named_guess(kept, PERSON, country=country, role=role)
    return reader.mention(match.end("name") - len(kept), match.end("name"), guess)


# --- Chinese -------------------------------------------------------------------------

HAN_CHARS = "\u4e00-\u9fff"
# Characters that are not in a place's name: the suffixes themselves, and words that
# separate names (的, 在, 与, 从 ...), so that 在苏州市 is 苏州市.
NOT_IN_PLACE = "市省区县副的在与及是了将到从对等并把被至赴同由向"
PLACE_CHAR = rf"(?:(?![{NOT_IN_PLACE}])[{HAN_CHARS}])"
IN_PLACE = re.compile(PLACE_CHAR)
# 苏州市, 江苏省, 朝阳区, 某某县, and 苏州 in 苏州副市长 and 苏州市长 (the 市 is the title's).
CHINESE_PLACE = re.compile(rf"(?P<name>{PLACE_CHAR}{{2,4}})(?P<suffix>(?=副?市长)|市|省|区|县)")
CHINESE_REGION = re.compile(rf"(?P<name>{PLACE_CHAR}{{2,5}})(?P<suffix>自治区)")
# A county (县) is not a county-level city, but it is the nearest level the model has.
CHINESE_LEVELS = {"市": CITY, "": CITY, "省": PROVINCE, "区": DISTRICT, "县": COUNTY}
CHINESE_LEVELS["自治区"] = PROVINCE
# Words ending in a suffix that are not places: 城市 (city), 本市 (this city), 全省 ...,
# 地市 (当地市政厅 is the local city hall) and 湾区 (a bay area is a region).
NOT_PLACE_WORDS = word_set(
    "城市 本市 全市 该市 各市 我市 两市 上市 超市 股市 夜市 门市 都市 县市 "
    "本省 全省 该省 各省 我省 外省 两省 本县 全县 该县 各县 我县 "
    "全区 本区 该区 各区 我区 两区 地区 社区 园区 景区 郊区 市区 山区 城区 辖区 片区 "
    "专区 灾区 发区 税区 贸区 治区 地市 湾区"
)


def chinese_places(reader: Reader):
    read = reader.read
    for pattern in (CHINESE_REGION, CHINESE_PLACE):
        for match in pattern.finditer(read):
            run, suffix, start = match["name"], match["suffix"], match.start("name")
            if run[-1] + suffix in NOT_PLACE_WORDS:
                continue
            whole = start == 0 or not IN_PLACE.match(read[start - 1])
            name, place = chinese_place_name(run, suffix, whole=whole)
            mayor = suffix == "" or read.startswith("市长", match.start("suffix"))
            if mayor and place is None and whole:
                continue  # 应勇市长: a person (chinese_people), unless the place is known
            level = CHINESE_LEVELS[suffix]
            guess = place_guess(name, place, level=level, country=CHINA)
            yield reader.mention(match.end("name") - len(name), match.end(), guess)


def chinese_place_name(run: str, suffix: str, *, whole: bool):
    """Where a place's name starts in the characters before its suffix, which Chinese
    writes without a break after the words before it (访问苏州市): the longest tail the
    gazetteer knows (with its suffix, or without); else the whole run when something
    that is not a name stands before it (，苏州市), else its last two characters, the
    length of most names of Chinese cities and counties."""
    for start in range(len(run) - 1):
        part = run[start:]
        place = gazetteer.lookup(part + suffix) or gazetteer.lookup(part)
        if place is not None:
            return part, place
    return (run if whole else run[-2:]), None


# Bodies: 上海市科学技术委员会, 中关村科技园区, 中国驻以色列大使馆: up to twelve characters
# and a body's word. Not 署 (以色列创新署): it ends 签署 and 部署 too.
CHINESE_BODY_WORDS = "委员会|协会|大学|园区|园|中心|大使馆|使馆|领事馆|商会|局|集团"
NOT_IN_BODY = "的在与及是了将到从等并把被至赴同由向"
# 和 joins two bodies (园区和协会), except in 共和国 (中华人民共和国驻以色列国大使馆).
BODY_CHAR = rf"(?:(?![{NOT_IN_BODY}]|和(?!国))[{HAN_CHARS}])"
CHINESE_BODY = re.compile(rf"{BODY_CHAR}{{2,12}}(?:{CHINESE_BODY_WORDS})")
# The verbs a body's name follows without a break (参观中关村科技园区, 在深圳共建创新中心):
# cut after them.
BEFORE_BODY = re.compile(
    "参观|访问|会见|考察|出席|举办|举行|签署|表示|来自|位于|成立|代表团|率团|共建|建立|设立|打造"
)
NOT_BODIES = ("市中心", "格局", "布局", "结局", "大局", "全局", "当局", "开局", "僵局")


def chinese_bodies(reader: Reader):
    for match in CHINESE_BODY.finditer(reader.read):
        name, start = match.group(), match.start()
        cut = [verb.end() for verb in BEFORE_BODY.finditer(name)]
        if cut:
            name, start = name[cut[-1] :], start + cut[-1]
        if len(name) < 3 or name.endswith(NOT_BODIES):
            continue
        guess = named_guess(name, ORGANIZATION, country=country_in(name))
        yield reader.mention(start, start + len(name), guess)


CHINESE_TITLES = "副市长|市长|副书记|书记|副主任|主任|大使|副部长|部长|副省长|省长|总领事"
# Titles of a body's head, which follow the body rather than a name (代表处负责人林涛: the
# office's head): a name comes after them only.
HEAD_TITLES = "负责人|董事长|总经理|主席|院长|校长|局长|会长"
# Characters a name does not start with, and the third that is a word after a two-character
# name (市长应勇说: 应勇).
NOT_NAME_START = "在和与及等的也还就对为是一表指将已曾说称"
AFTER_NAME = NOT_NAME_START + "率出访会同认参向于强介致"
# A foreign name transliterated, its parts joined by a middle dot (阿维·沙龙), its last part
# ending before what follows a name (阿维·沙龙签署, 摩西·本戴维在), a title or a break.
DOTS = "·•‧・"
DOTTED_NAME = (
    rf"[{HAN_CHARS}]{{1,6}}(?:[{DOTS}][{HAN_CHARS}]{{1,6}}?)+"
    rf"(?=[^{HAN_CHARS}]|$|[{AFTER_NAME}签]|{CHINESE_TITLES})"
)
# 市长应勇; 应勇市长 after a break (，应勇市长), since nothing else says where the name starts.
CHINESE_TITLE_THEN_PERSON = re.compile(
    rf"(?P<title>{CHINESE_TITLES}|{HEAD_TITLES})(?P<name>{DOTTED_NAME}|[{HAN_CHARS}]{{2,3}})"
)
CHINESE_PERSON_THEN_TITLE = re.compile(
    rf"(?<![{HAN_CHARS}])(?P<name>{DOTTED_NAME}|(?:(?!副)[{HAN_CHARS}]){{2,3}}?)"
    rf"(?P<title>{CHINESE_TITLES})"
)
# Words that follow a title without being a name (副市长出席, 大使先生, 市长首次率团).
NOT_NAMES = (
    *("出席", "参加", "会见", "访问", "强调", "介绍", "致辞", "一行", "先生", "女士", "同志"),
    *("首次", "再次", "亲自", "随后"),
)


def chinese_people(reader: Reader):
    read = reader.read
    for match in CHINESE_TITLE_THEN_PERSON.finditer(read):
        name = match["name"]
        if name[0] in NOT_NAME_START or name.startswith(NOT_NAMES):
            continue
        if len(name) == 3 and name[2] in AFTER_NAME:
            name = name[:2]
        start = match.start("name")
        yield chinese_person(reader, name, start, match)
    for match in CHINESE_PERSON_THEN_TITLE.finditer(read):
        name = match["name"]
        if name[0] in NOT_NAME_START or gazetteer.lookup(name):
            continue  # 苏州市长 is the mayor of Suzhou
        yield chinese_person(reader, name, match.start("name"), match)


def chinese_person(reader: Reader, name: str, start: int, match) -> Mention:
    """A person titled by `match`; the country from the title and the words before it
    (中国驻以色列大使)."""
    context = reader.read[max(0, match.start("title") - 8) : match.end("title")]
    guess = named_guess(name, PERSON, country=country_in(context), role=match["title"])
    return reader.mention(start, start + len(name), guess)


# --- Hebrew --------------------------------------------------------------------------

# Words that follow a title, a body's or a place's word without being a name: verbs,
# pronouns, time words ("ראש העיר אמר כי", "העיר הודיעה", "רשות החדשנות היא").
NOT_CONTINUING = "הוא|היא|הם|הן|היה|הייתה|היתה|הודיע|הודיעה|הודיעו|היום|השבוע|הזה|הזאת|הבוקר"
NOT_PERSON_WORDS = (
    "אמר|אמרה|אמרו|כי|של|את|עם|גם|לא|ביקר|ביקרה|ביקרו|נפגש|נפגשה|נפגשו|מסר|מסרה|ציין|ציינה"
)
NOT_A_NAME = re.compile(rf"(?:{NOT_CONTINUING}|{NOT_PERSON_WORDS}|הגדולה|הקטנה)(?![\u05d0-\u05ea])")
HEBREW_WORD = r"[\u05d0-\u05ea]+(?:['׳\"״\-־][\u05d0-\u05ea]+)*"
WORD_START = r"(?<![\u05d0-\u05ea])"
PREFIX = "[ובלמשכ]{0,2}"  # prefix letters glued before a word: בעיריית, ולראש העיר
# עיריית X (עירית in pointed text), ראש עיריית X, העיר X (בעיר X, not ראש העיר), מחוז X,
# מועצה אזורית X: X the next word or two, read ahead and not taken, since the second may
# start the next match (בעיר אשקלון ובמחוז הצפון).
HEBREW_PLACE = re.compile(
    rf"{WORD_START}{PREFIX}(?P<word>עירי?ית|מועצה ה?אזורית|מחוז|(?<!ראש )(?:ה|(?<=[ובלמשכ]))עיר) "
    rf"(?=(?P<name>{HEBREW_WORD}(?: {HEBREW_WORD})?))"
)
# First words of two-word names of Israeli places: תל אביב, באר שבע, קרית שמונה ...
TWO_WORD_STARTS = word_set(
    "תל באר ראשון פתח בת רמת כפר בני קרית קריית מעלה בית נוף ראש אור גבעת נס מגדל זכרון "
    "טירת אום עין נווה הוד מבשרת גני גליל עמק חוף הר מטה שער"
)


def hebrew_place_words(words: list[str]):
    """How many of the (one or two) words after עיריית, העיר ... name the place: two when
    the gazetteer knows them together or the first begins a two-word name (תל, באר,
    קרית ...), else one. Returns the words and the gazetteer's place."""
    if len(words) == 2:
        place = gazetteer.lookup(" ".join(words))
        if place or words[0] in TWO_WORD_STARTS:
            return words, place
    return words[:1], gazetteer.lookup(words[0])


# Words that are never a place's name, though they often follow העיר, בעיר: function words
# (בעיר בין 8 ל-12, בעיר מאז), numbers (ביקרו בעיר עשרות משלחות), verbs (בעיר פועלים).
NOT_HEBREW_PLACES = word_set(
    "בין מאז עם של את על אל עד אחרי לפני אחר אחת אחד כי גם כבר עוד כל זו זה זאת אשר שם כאן "
    "יש אין כיום עשרות מאות אלפי רבות רבים מעט כמה פועלים פועלות נמצאים נמצא חיים גרים"
)
# A word with the article and an adjective's ending (הסינית, הישראלית, הגדולים, הצפוני) is
# an adjective of the city before it (העיר הסינית סוג'ואו), not its name.
HEBREW_ADJECTIVE = re.compile("ה[\u05d0-\u05ea]+(?:ית|ים|ות|י)")


def hebrew_place_word(word: str) -> bool:
    """Whether a word may be (or start) a place's name: not a function word, and not an
    adjective with the article unless the gazetteer knows it (הרצליה is a city)."""
    if word in NOT_HEBREW_PLACES:
        return False
    return not HEBREW_ADJECTIVE.fullmatch(word) or gazetteer.lookup(word) is not None


def hebrew_places(reader: Reader):
    for match in HEBREW_PLACE.finditer(reader.read):
        if NOT_A_NAME.match(match["name"]):
            continue  # העיר הודיעה, בעיר הגדולה
        words, start = match["name"].split(" "), match.start("name")
        if len(words) == 2 and HEBREW_ADJECTIVE.fullmatch(words[0]):
            words, start = words[1:], start + len(words[0]) + 1  # העיר הסינית סוג'ואו
        if not hebrew_place_word(words[0]):
            continue
        words, place = hebrew_place_words(words)
        word = match["word"]
        level = REGIONAL_COUNCIL if word.startswith("מועצה") else CITY
        level = DISTRICT if word == "מחוז" else level
        local = word.startswith("עירי") or level == REGIONAL_COUNCIL  # municipal: Israeli
        name = " ".join(words)
        guess = place_guess(name, place, level=level, country=ISRAEL if local else "")
        yield reader.mention(start, start + len(name), guess)


# Words that continue a title or a body's name: with the article (החדשנות, והתעשייה), or a
# country (סין, בישראל); never the verbs and pronouns that often follow one.
COUNTRY_NAME = rf"(?:ו?ה|[בל])?(?=ישראל|סין){HEBREW_WORD}"
ARTICLE_WORD = rf"(?!(?:{NOT_CONTINUING})(?![\u05d0-\u05ea]))ו?ה{HEBREW_WORD}"
CONTINUING = rf"(?:{COUNTRY_NAME}|{ARTICLE_WORD})"
# רשות החדשנות, משרד הכלכלה והתעשייה, אוניברסיטת תל אביב, שגרירות סין בישראל: the word,
# a name (of one word, or two as a place's: tel aviv), and the words continuing it.
HEBREW_BODY = re.compile(
    rf"{WORD_START}{PREFIX}(?P<word>רשות|משרד|איגוד|לשכת|אוניברסיטת|שגרירות)(?= )"
)
NEXT_WORD = re.compile(rf" ({HEBREW_WORD})")


def words_after(read: str, position: int, limit: int = 6) -> list[re.Match]:
    """The Hebrew words that follow `position`, each after one space, up to `limit`."""
    words = []
    while len(words) < limit and (word := NEXT_WORD.match(read, position)):
        words.append(word)
        position = word.end()
    return words


def continued(words: list[str], taken: int, *, keep: int = 0) -> int:
    """How many of `words` a title or a body's name takes, `taken` of them already, when
    it goes on with the words that continue one (CONTINUING), leaving `keep` words."""
    while taken < len(words) - keep and taken < 4 and re.fullmatch(CONTINUING, words[taken]):
        taken += 1
    return taken


def hebrew_bodies(reader: Reader):
    read = reader.read
    for match in HEBREW_BODY.finditer(read):
        words = words_after(read, match.end())
        if not words:
            continue
        texts = [word[1] for word in words]
        taken = continued(texts, len(hebrew_place_words(texts[:2])[0]))
        start, end = match.start("word"), words[taken - 1].end()
        name = read[start:end]
        yield reader.mention(start, end, named_guess(name, ORGANIZATION, country=country_in(name)))


# ראש העיר, ראש העירייה, ראש עיריית X, השר (לשר), שגריר: then a two-word name.
HEBREW_TITLE = re.compile(
    rf"{WORD_START}(?:{PREFIX}(?P<title>ראש העירי?יה|ראש העיר|ראש עירי?ית|השרה?|שגרירת?)"
    rf"|[לו]?(?P<minister>שרה?))(?![\u05d0-\u05ea])"
)
PERSON_WORD = re.compile(rf"(?!ה|(?:{NOT_PERSON_WORDS})$){HEBREW_WORD}")  # not with the article
# Between commas a name may start with ה (", הואנג ג'ין,": Huang), but is no verb or pronoun.
APPOSED_WORD = re.compile(rf"(?!(?:{NOT_PERSON_WORDS}|{NOT_CONTINUING})$){HEBREW_WORD}")
MINISTERS = ("השר", "השרה", "שר", "שרה")


def hebrew_people(reader: Reader):
    read = reader.read
    for match in HEBREW_TITLE.finditer(read):
        words = words_after(read, match.end())
        title_end, country = hebrew_title_end(match, [word[1] for word in words])
        name = words[title_end : title_end + 2]
        title_stop = words[title_end - 1].end() if title_end else match.end()
        apposed = len(name) < 2 and read.startswith(",", title_stop)
        if apposed:
            name = apposition(read, title_stop + 1)
        if len(name) == 2 and (apposed or all(PERSON_WORD.fullmatch(w[1]) for w in name)):
            start = name[0].start(1)
            title_start = match.start("title") if match["title"] else match.start("minister")
            guess = named_guess(
                read[start : name[1].end()],
                PERSON,
                country=country,
                role=read[title_start:title_stop],
            )
            yield reader.mention(start, name[1].end(), guess)


def apposition(read: str, position: int) -> list[re.Match]:
    """The two words of a name set off by commas after a title ("ראש עיריית חיפה, רון
    אלמוג, אמר"), `position` just after the first comma; [] if no comma closes them."""
    words = words_after(read, position, 2)
    if (
        len(words) == 2
        and read.startswith(",", words[1].end())
        and all(APPOSED_WORD.fullmatch(word[1]) for word in words)
    ):
        return words
    return []


def hebrew_title_end(match, words: list[str]) -> tuple[int, str]:
    """How many of the words after a title still belong to it (the place after ראש
    עיריית; a minister's portfolio, השר לענייני חוץ, שר הכלכלה; שגריר סין בישראל),
    leaving two for the name, and the country the title speaks for."""
    taken, place = 0, None
    title = match["title"] or match["minister"]
    if title.startswith("ראש עירי") and words:
        place_words, place = hebrew_place_words(words[:2])
        taken = len(place_words)
    elif title in MINISTERS and words and words[0].startswith("ל"):
        taken = 2  # the portfolio: השר לענייני חוץ, השר לשיתוף פעולה
    taken = continued(words, taken, keep=2)
    title = " ".join([match.group(), *words[:taken]])
    return taken, country_in(title) or (place.country if place else "")


# --- Places the gazetteer knows, named alone ----------------------------------------


@cache
def gazetteer_place(name: str):
    """`gazetteer.lookup`, kept for the process: an article asks for the same words often."""
    return gazetteer.lookup(name)


def big(place, population: int) -> bool:
    """Whether a place has `population` people or more; a province always has (the
    gazetteer has no population for provinces)."""
    return place.level != CITY or (place.population or 0) >= population


CAPITALIZED_RUN = re.compile(rf"{WORD}(?: {WORD})*")
# Names the gazetteer has with a generic word ("Jiangsu Province", "Dongguan City") are left
# to the patterns, whose mention is the name without it.
GENERIC_WORDS = word_set("Province Municipality City District")
WORD_IN_RUN = re.compile(WORD)
# Words before a place's name that say it is one: "in Karmiel", "mayors of Karmiel and
# Kiryat Shmona", "Suzhou, Wuxi and Changzhou".
PLACE_BEFORE = re.compile(r"(?:\b(?:in|to|from|of|at|and)|,) $")
# A single English word the gazetteer knows is taken alone only for a town this large and
# a word of five letters or more, or after the words above: so that an English word that is
# also a small town (Hope, or any capitalized word starting a sentence) or one of the short
# names GeoNames lists among a town's other names (She, for Huicheng) is not a place.
LATIN_POPULATION = 50_000
SHORTEST_ALONE = 5


def latin_place_alone(read: str, start: int, end: int, place) -> bool:
    """Whether a single English word that names `place` is taken for it (see above)."""
    if PLACE_BEFORE.search(read, max(0, start - 6), start):
        return True
    return end - start >= SHORTEST_ALONE and big(place, LATIN_POPULATION)


def latin_gazetteer_places(reader: Reader):
    """Capitalized words (one to three) that are the name of a place of China or Israel,
    the longest first: "Kiryat Shmona", "Ningbo", "Hong Kong". Countries are no place."""
    read = reader.read
    for run in CAPITALIZED_RUN.finditer(read):
        words = [
            (run.start() + w.start(), run.start() + w.end()) for w in WORD_IN_RUN.finditer(run[0])
        ]
        position = 0
        while position < len(words):
            for size in (3, 2, 1):
                if position + size > len(words):
                    continue
                start, end = words[position][0], words[position + size - 1][1]
                name = read[start:end]
                generic = read[words[position + size - 1][0] : end] in GENERIC_WORDS
                place = None if generic or name in NOT_PLACES else gazetteer_place(name)
                if place is None:
                    continue
                if size == 1 and not latin_place_alone(read, start, end, place):
                    continue
                yield reader.mention(start, end, place_guess(name, place, level=CITY))
                position += size
                break
            else:
                position += 1


HAN_RUN = re.compile(f"[{HAN_CHARS}]+")
# The population of the places whose Chinese name is taken wherever it is written: two
# characters are often a word too (东方, "the East", is the town of Dongfang; 关口, a pass),
# so a two-character name only of a large city; three or four characters of a town.
CHINESE_POPULATION = {2: 1_000_000, 3: 100_000, 4: 100_000}


def chinese_gazetteer_places(reader: Reader):
    """Two to four characters anywhere that are a place's own Chinese name (耶路撒冷, 内坦亚,
    香港), the longest first, of a place as large as CHINESE_POPULATION says."""
    names = gazetteer.by_chinese_name()
    for run in HAN_RUN.finditer(reader.read):
        chars, position = run[0], 0
        while position < len(chars) - 1:
            for size in (4, 3, 2):
                name = chars[position : position + size]
                place = names.get(name) if len(name) == size else None
                if place is not None and big(place, CHINESE_POPULATION[size]):
                    start = run.start() + position
                    yield reader.mention(start, start + size, place_guess(name, place, level=CITY))
                    position += size
                    break
            else:
                position += 1


HEBREW_WORD_AT = re.compile(rf"{WORD_START}{HEBREW_WORD}")
# Prefix letters that say a place follows (בכרמיאל, לכרמיאל, מכרמיאל, וכרמיאל: in, to,
# from, and), and words before a place's name that do (של כרמיאל, עם כרמיאל).
PLACE_PREFIX = frozenset("בלמו")
HEBREW_PLACE_BEFORE = re.compile("(?:(?<![\u05d0-\u05ea])(?:של|עם|אל)|,) $")


def hebrew_gazetteer_places(reader: Reader):
    """Hebrew words (one or two), with prefix letters glued on or not, that are the name of a
    place of China or Israel: כרמיאל in בכרמיאל, אילת, קרית שמונה. One word of three letters
    or more, and, as for English, only of a town of LATIN_POPULATION people or after a
    prefix or a word that says a place follows; never a function word or an adjective."""
    read = reader.read
    words = list(HEBREW_WORD_AT.finditer(read))
    taken = 0
    for number, word in enumerate(words):
        if word.start() < taken:
            continue
        after = words[number + 1] if number + 1 < len(words) else None
        pair = after is not None and read[word.end() : after.start()] == " "
        for start in hebrew_starts(read, word.start()):
            found = hebrew_gazetteer_place(read, start, word, after if pair else None)
            if found is not None:
                end, place = found
                name = read[start:end]
                yield reader.mention(start, end, place_guess(name, place, level=CITY))
                taken = end
                break


def hebrew_gazetteer_place(read: str, start: int, word, after):
    """(end, place) of the place named at `start` (in `word`, after its prefix letters, if
    any), alone or with the word `after` it, or None."""
    stem = read[start : word.end()]
    if len(stem) < 2 or not hebrew_place_word(stem):
        return None
    if after is not None and (place := gazetteer_place(f"{stem} {after[0]}")):
        return after.end(), place
    place = gazetteer_place(stem) if len(stem) >= 3 else None
    if place is None:
        return None
    prefix = read[word.start() : start]
    signalled = PLACE_PREFIX & set(prefix) or HEBREW_PLACE_BEFORE.search(
        read[max(0, word.start() - 4) : word.start()]
    )
    return (word.end(), place) if signalled or big(place, LATIN_POPULATION) else None


# --- All together --------------------------------------------------------------------

FINDERS = (
    latin_places,
    chinese_places,
    hebrew_places,
    latin_bodies,
    chinese_bodies,
    hebrew_bodies,
    latin_people,
    chinese_people,
    hebrew_people,
    # Last, so that of two candidates of one span the pattern's wins.
    latin_gazetteer_places,
    chinese_gazetteer_places,
    hebrew_gazetteer_places,
)


def candidates(reader: Reader) -> list[Mention]:
    """Every candidate of every pattern, earliest first and, at one start, longest first
    (they may overlap each other and known names: `resolve` chooses)."""
    found = [mention for finder in FINDERS for mention in finder(reader) if mention]
    return sorted(found, key=lambda mention: (mention.start, mention.start - mention.end))


def absorbs(candidate: Mention, known: list[Mention]) -> bool:
    """Whether a candidate may replace the known names inside it: a body's name that
    contains known places ("Haifa Chamber of Commerce", 上海市科学技术委员会)."""
    return candidate.kind == ORGANIZATION and all(
        mention.kind == MUNICIPALITY
        and candidate.start <= mention.start
        and mention.end <= candidate.end
        and mention.end - mention.start < candidate.end - candidate.start
        for mention in known
    )


def resolve(known: list[Mention], offered: list[Mention]) -> list[Mention]:
    """Known names, and candidates where no known name is (or that absorb known places):
    in text order, none overlapping. Of overlapping candidates the earliest, then the
    longest, is kept."""
    # Known names do not overlap: their starts and their ends both increase.
    starts, ends = [m.start for m in known], [m.end for m in known]
    absorbed: set[int] = set()
    kept: list[Mention] = []
    for candidate in offered:
        if kept and kept[-1].end > candidate.start:
            continue
        inside = range(bisect_right(ends, candidate.start), bisect_left(starts, candidate.end))
        if not inside or absorbs(candidate, [known[position] for position in inside]):
            absorbed.update(inside)
            kept.append(candidate)
    remaining = [mention for position, mention in enumerate(known) if position not in absorbed]
    return sorted(remaining + kept, key=lambda mention: mention.start)


# What a body's name may leave out of a known body's: "Ministry of Economy and Industry" is
# the "Ministry of Economy and Industry of Israel".
COUNTRY_ENDINGS = tuple(
    name_key(ending)
    for ending in ("of Israel", "of China", "of the People's Republic of China", "in Israel")
)


def known_body(mention: Mention, index: NameIndex) -> Mention:
    """A body to create whose name is a known body's but for the country at its end (see
    COUNTRY_ENDINGS) is that body, when exactly one known body is."""
    if mention.kind != ORGANIZATION or mention.record is not None:
        return mention
    key = name_key(mention.text)
    found = (index.by_key.get(f"{key} {ending}") for ending in COUNTRY_ENDINGS)
    records = {id(k.record): k.record for k in found if k is not None and k.kind == ORGANIZATION}
    if len(records) != 1:
        return mention
    return Mention(mention.text, mention.start, mention.end, ORGANIZATION, *records.values(), None)


# --- Second reading: the names an article repeats ----------------------------------------

AMBIGUOUS = object()


@dataclass(frozen=True)
class Form:
    """A way the article may write again a place or person it has named: the record or
    the guess of that first mention; `short` for a part of a person's name."""

    kind: str
    record: object | None
    guess: Guess | None
    short: bool

    @property
    def who(self):
        return id(self.record) if self.record is not None else (self.kind, self.guess.name)


DOT_SPLIT = re.compile(f"[{DOTS}]")


def name_parts(name: str) -> list[str]:
    """The parts of a person's name that stand for the person later in an article: in
    Latin letters every word of three letters or more (Yahav of Yona Yahav, Ying of the
    Chinese Ying Yong, whose surname comes first, Wang of Eric (Qian) Wang); in Chinese
    the last part of a dotted foreign name (戈兰 of 阿米尔·戈兰: a Chinese name of two or
    three characters is not shortened); in Hebrew the last word (אלמוג of רון אלמוג)."""
    language = script_language(name)
    if language == "zh":
        parts = DOT_SPLIT.split(name)
        return parts[-1:] if len(parts) > 1 and len(parts[-1]) >= 2 else []
    if language == "he":
        words = name.split()
        return words[-1:] if len(words) > 1 and len(words[-1]) >= 2 else []
    words = WORD_IN_RUN.findall(name)
    return [
        word
        for word in words
        if len(words) > 1
        and len(word) >= 3
        and word not in STARTERS
        and not TITLE_WORD.fullmatch(word)
    ]


TITLE_WORD = re.compile(rf"(?i:{TITLE_WORDS}|Mr|Mrs|Ms|Dr)")


def article_forms(mentions: list[Mention], index: NameIndex) -> dict[str, Form]:
    """What the article may repeat: a place or person to create by its name as written and
    (a place) its bare name; a person, known or not, by the parts of the name (name_parts).
    A part that is another record's known name, or that two people share, is left out."""
    forms: dict[str, Form | object] = {}

    def offer(text: str, form: Form):
        known = index.by_key.get(name_key(text))
        other = forms.setdefault(text, form)
        if (known is not None and known.record is not form.record) or (
            other is not AMBIGUOUS and other.who != form.who
        ):
            forms[text] = AMBIGUOUS

    seen = set()
    for mention in mentions:
        if mention.kind == ORGANIZATION or (mention.kind, mention.record, mention.text) in seen:
            continue  # a body, or a name already read
        seen.add((mention.kind, mention.record, mention.text))
        written = reading_view(mention.text).text
        if mention.record is None and mention.kind in (MUNICIPALITY, PERSON):
            for text in dict.fromkeys((written, mention.guess.name)):
                offer(text, Form(mention.kind, None, mention.guess, short=False))
        if mention.kind == PERSON:
            name = written if mention.record is not None else mention.guess.name
            for part in name_parts(name):
                offer(part, Form(PERSON, mention.record, mention.guess, short=True))
    return {text: form for text, form in forms.items() if form is not AMBIGUOUS}


def forms_pattern(forms) -> re.Pattern | None:
    """One pattern for the forms: a Latin form as a whole word, a Hebrew one with prefix
    letters glued on, a Chinese one anywhere; the longest first."""
    latin, hebrew, chinese = [], [], []
    for text in sorted(forms, key=len, reverse=True):
        language = script_language(text)
        ({"zh": chinese, "he": hebrew}.get(language, latin)).append(re.escape(text))
    patterns = []
    if latin:
        patterns.append(rf"(?<![^\W_])(?P<latin>{'|'.join(latin)})(?![^\W_])")
    if hebrew:
        patterns.append(
            rf"{WORD_START}[ובלמשהכ]{{0,2}}(?P<hebrew>{'|'.join(hebrew)})(?![\u05d0-\u05ea])"
        )
    if chinese:
        patterns.append(f"(?P<chinese>{'|'.join(chinese)})")
    return re.compile("|".join(patterns)) if patterns else None


NEXT_CAPITALIZED = re.compile(rf" {WORD}")
LAST_WORD = re.compile(rf"(?<![^\W_])({WORD}) $")


def inside_longer_name(read: str, start: int, end: int) -> bool:
    """Whether an English word is part of a longer capitalized name (the Hong of Hong Kong,
    the Aviv of Tel Aviv) rather than a surname alone: a capitalized word follows, or one
    precedes that is no title ("Mayor Harari") nor a sentence's first word."""
    if NEXT_CAPITALIZED.match(read, end):
        return True
    before = LAST_WORD.search(read, max(0, start - 30), start)
    return before is not None and before[1] not in STARTERS and not TITLE_WORD.fullmatch(before[1])


def repeated(reader: Reader, mentions: list[Mention], index: NameIndex) -> list[Mention]:
    """The second reading: where the article writes again, outside the mentions found, a
    name it has offered or a part of a person's name (article_forms), the same record or
    guess. An article names a person in full once, then by surname; a place it has once
    shown to be a place ("the mayor of Karmiel") is that place wherever named."""
    forms = article_forms(mentions, index)
    pattern = forms_pattern(forms)
    if pattern is None:
        return []
    text, read = reader.text, reader.read
    starts, ends = [m.start for m in mentions], [m.end for m in mentions]
    found = []
    for match in pattern.finditer(read):
        group = match.lastgroup
        form = forms[match[group]]
        first, last = reader.view.span(match.start(group), match.end(group))
        if bisect_right(ends, first) != bisect_left(starts, last):
            continue  # inside a mention found
        if form.short and group == "latin" and inside_longer_name(read, *match.span(group)):
            continue
        found.append(Mention(text[first:last], first, last, form.kind, form.record, form.guess))
    return found


def recognize(text: str, *, index: NameIndex | None = None) -> list[Mention]:
    """The known names and the candidates of `text`, in text order, not overlapping, then
    what the article repeats of them (`repeated`). Without an `index`, one is built from
    the database (six queries)."""
    if index is None:
        index = NameIndex.from_database()
    reader = Reader(text)
    found = resolve(known_mentions(text, index), candidates(reader))
    found = [known_body(mention, index) for mention in found]
    return sorted(found + repeated(reader, found, index), key=lambda mention: mention.start)
