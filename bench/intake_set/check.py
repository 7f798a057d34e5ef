"""Checks the labels of the intake set (bench/intake_set/README.md): plain Python, no Django.

    .venv/bin/python bench/intake_set/check.py       # every problem, then a summary
    .venv/bin/python bench/intake_set/check.py -v    # also the known mentions that are not
                                                     # a full name or alias (surnames, 市 ...)

It checks that every label file is well formed (keys in order, choice values read from
cooperation/models, dates the first day of their precision); that every mention and date text
occurs in its article in the labelled order and that no occurrence of it is left unlabelled (one
inside a longer labelled span, "Haifa" in "Port of Haifa", belongs to that span); that a text
labelled in another article, or a known name, is not left unlabelled either; that what looks like
a date (a month, a weekday, a year, 去年, בשנה שעברה ...) lies in a date phrase; that each known
slug is a record of sample_data.py or known.json, of the mention's kind, with a name in the
mention's script that the text can stand for; and that records name known or mentioned places.
Traditional Chinese is compared as simplified when OpenCC is installed (it is in .venv). The
shared articles are read from ../shared/articles/; without them their labels are checked for
form only. Exits 1 when anything is wrong.
"""

import argparse
import ast
import json
import re
import sys
import unicodedata
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED_ARTICLES = ROOT.parent / "shared" / "articles"
SAMPLE_DATA = ROOT / "cooperation" / "devdata" / "sample_data.py"
PLACES = ROOT / "cooperation" / "models" / "places.py"
AGREEMENTS = ROOT / "cooperation" / "models" / "agreements.py"
EVENTS = ROOT / "cooperation" / "models" / "events.py"
PARTIAL_DATES = ROOT / "cooperation" / "partial_dates.py"

ARTICLE_NAME = re.compile(r"^(\d\d)_[a-z0-9]+(_[a-z0-9]+)*$")
SHARED_NAME = re.compile(r"^shared_\d{3}$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
HEBREW_LETTER = re.compile("[\u05d0-\u05ea]")
HEBREW_PREFIXES = set("ובלמהשכ")
LANGUAGES = ("en", "zh", "he")
MENTION_KINDS = {
    "municipality": "MUNICIPALITIES",
    "organization": "ORGANIZATIONS",
    "person": "PEOPLE",
}
KNOWN_SECTIONS = {
    "municipalities": "municipality",
    "organizations": "organization",
    "people": "person",
}
NAME_FIELDS = ("name", "name_zh", "name_he")
KNOWN_FIELDS = {
    "municipality": ("slug", *NAME_FIELDS, "country", "level", "parent", "aliases"),
    "organization": ("slug", *NAME_FIELDS, "kind", "country", "aliases"),
    "person": ("slug", *NAME_FIELDS, "aliases"),
}
ARTICLE_KEYS = ("date", "language", "mentions", "dates", "records")
SHARED_KEYS = ("file", "date", "language", "mentions", "dates")
RECORD_KEYS = {
    "visit": ("type", "from", "to", "start"),
    "office": ("type", "sponsor", "host", "start"),
    "agreement": ("type", "kind", "parties", "start"),
    "event": ("type", "kind", "place", "start"),
}
# Length of an article: words for English and Hebrew, Chinese characters for Chinese.
LENGTHS = {"en": (150, 400), "he": (150, 400), "zh": (250, 800)}
CHINESE_SUFFIXES = ("市", "省", "区", "县")


class Problems(list):
    def add(self, where, message):
        self.append(f"{where}: {message}")


def text_choices(path: Path, name: str) -> dict[str, str]:
    """The members of a TextChoices class, {"CHINA": "CN", ...}, read from its source."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            members = {}
            for statement in node.body:
                if (
                    isinstance(statement, ast.Assign)
                    and isinstance(statement.targets[0], ast.Name)
                    and isinstance(statement.value, ast.Tuple)
                ):
                    members[statement.targets[0].id] = ast.literal_eval(statement.value.elts[0])
            return members
    raise SystemExit(f"{path}: no class {name}")


COUNTRY = text_choices(PLACES, "Country")
LEVELS = set(text_choices(PLACES, "MunicipalityLevel").values())
ORGANIZATION_KINDS = set(text_choices(PLACES, "OrganizationKind").values())
AGREEMENT_KINDS = set(text_choices(AGREEMENTS, "AgreementKind").values())
EVENT_KINDS = set(text_choices(EVENTS, "EventKind").values())
PRECISIONS = set(text_choices(PARTIAL_DATES, "Precision").values())
QUALIFIERS = set(text_choices(PARTIAL_DATES, "Qualifier").values())


def script(text: str) -> str:
    if HEBREW_LETTER.search(text):
        return "he"
    if HAN.search(text):
        return "zh"
    return "en"


def names_by_script(row: dict) -> dict[str, list[str]]:
    names = {"en": [], "zh": [], "he": []}
    for name in [row.get(field) or "" for field in NAME_FIELDS] + list(row.get("aliases") or []):
        if name:
            names[script(name)].append(name)
    return names


def sample_records() -> dict[str, dict[str, dict]]:
    """{kind: {slug: row}} of sample_data.py's municipalities, organizations and people."""
    wanted = {constant: kind for kind, constant in MENTION_KINDS.items()}
    records = {kind: {} for kind in MENTION_KINDS}
    for node in ast.parse(SAMPLE_DATA.read_text(encoding="utf-8")).body:
        if not (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)):
            continue
        kind = wanted.get(node.targets[0].id)
        if kind is None:
            continue
        for element in node.value.elts:
            row = {}
            for key, value in zip(element.keys, element.values, strict=True):
                field = key.value
                if field in ("slug", *NAME_FIELDS, "aliases", "parent"):
                    row[field] = ast.literal_eval(value)
                elif field == "country" and isinstance(value, ast.Attribute):
                    row[field] = COUNTRY[value.attr]
            records[kind][row["slug"]] = row | {"origin": "sample_data.py"}
    return records


def load_json(path: Path, problems: Problems):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        problems.add(path.name, f"not readable JSON: {error}")
        return None


def check_known(path: Path, records: dict, problems: Problems) -> None:
    """Add known.json's records to `records` after checking them."""
    data = load_json(path, problems)
    if data is None:
        return
    if not isinstance(data, dict) or set(data) != set(KNOWN_SECTIONS):
        problems.add(path.name, f"must be an object with exactly {sorted(KNOWN_SECTIONS)}")
        return
    every_slug = {slug for rows in records.values() for slug in rows}
    for section, kind in KNOWN_SECTIONS.items():
        for index, row in enumerate(data[section]):
            where = f"{path.name} {section}[{index}]"
            if not isinstance(row, dict) or tuple(row) != KNOWN_FIELDS[kind]:
                problems.add(where, f"keys must be, in order, {list(KNOWN_FIELDS[kind])}")
                continue
            where = f"{path.name} {row['slug']}"
            if not isinstance(row["slug"], str) or not SLUG.match(row["slug"]):
                problems.add(where, "slug: lowercase words joined by hyphens")
            elif row["slug"] in every_slug:
                problems.add(where, "slug already used (in sample_data.py or above)")
            if not row["name"] or script(row["name"]) != "en":
                problems.add(where, "name: required, in Latin script")
            for field, wanted in (("name_zh", "zh"), ("name_he", "he")):
                if row[field] and script(row[field]) != wanted:
                    problems.add(where, f"{field} is not in its script")
            if not isinstance(row["aliases"], list) or not all(
                isinstance(alias, str) and alias for alias in row["aliases"]
            ):
                problems.add(where, "aliases: a list of names")
            if "country" in row and row["country"] not in COUNTRY.values():
                problems.add(where, f"country must be one of {sorted(COUNTRY.values())}")
            if kind == "municipality":
                if row["level"] not in LEVELS:
                    problems.add(where, f"level must be one of {sorted(LEVELS)}")
                parent = row["parent"]
                if parent is not None and parent not in records["municipality"]:
                    problems.add(where, f"parent {parent!r} is not a municipality listed before")
            if kind == "organization" and row["kind"] not in ORGANIZATION_KINDS:
                problems.add(where, f"kind must be one of {sorted(ORGANIZATION_KINDS)}")
            records[kind][row["slug"]] = row | {"origin": path.name}
            every_slug.add(row["slug"])


def check_partial_date(where: str, value, problems: Problems) -> date | None:
    if not isinstance(value, dict) or set(value) != {"value", "precision", "qualifier"}:
        problems.add(where, "a date is {value, precision, qualifier}")
        return None
    try:
        day = date.fromisoformat(value["value"])
    except (TypeError, ValueError):
        problems.add(where, f"value {value['value']!r} is not YYYY-MM-DD")
        return None
    if value["precision"] not in PRECISIONS:
        problems.add(where, f"precision must be one of {sorted(PRECISIONS)}")
    elif (value["precision"] == "month" and day.day != 1) or (
        value["precision"] == "year" and (day.month, day.day) != (1, 1)
    ):
        problems.add(where, f"{value['value']} is not the first day of its {value['precision']}")
    if value["qualifier"] not in QUALIFIERS:
        problems.add(where, f"qualifier must be one of {sorted(QUALIFIERS)}")
    return day


def ascii_word(char: str) -> bool:
    return char.isascii() and char.isalnum()


def is_hebrew_letter(char: str) -> bool:
    return bool(HEBREW_LETTER.match(char)) or unicodedata.combining(char) > 0


def occurs_at(text: str, needle: str, index: int) -> bool:
    """Whether `needle` at `index` is a whole occurrence: not inside a Latin word or number;
    in Hebrew, preceded only by prefix letters (ב, ל, מ, ה, ו, ש, כ; "ה-" with a hyphen) and
    not followed by another letter. Chinese has no word boundaries."""
    before = text[index - 1] if index else " "
    after = text[index + len(needle)] if index + len(needle) < len(text) else " "
    if ascii_word(needle[0]) and ascii_word(before):
        return False
    if ascii_word(needle[-1]) and ascii_word(after):
        return False
    if HEBREW_LETTER.search(needle[0]):
        start = index
        while start and is_hebrew_letter(text[start - 1]):
            start -= 1
        prefix = [char for char in text[start:index] if not unicodedata.combining(char)]
        if len(prefix) > 3 or not set(prefix) <= HEBREW_PREFIXES:
            return False
    return not (HEBREW_LETTER.search(needle[-1]) and is_hebrew_letter(after))


def occurrences(text: str, needle: str, start: int = 0):
    index = text.find(needle, start)
    while index >= 0:
        if occurs_at(text, needle, index):
            yield index
        index = text.find(needle, index + 1)


def line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def check_spans(where, text, items, what, problems: Problems, elsewhere=frozenset()) -> None:
    """Each item's text in order, none overlapping the one before, and every occurrence of
    a labelled text inside a labelled span; every occurrence of a text labelled in another
    article, or of a known name (`elsewhere`), overlaps a labelled span."""
    spans, position = [], 0
    for index, item in enumerate(items):
        needle = item["text"]
        found = next(occurrences(text, needle, position), None)
        if found is None:
            anywhere = next(occurrences(text, needle), None)
            state = "is not in the article" if anywhere is None else "is out of text order"
            problems.add(where, f"{what} {index} {needle!r} {state}")
            continue
        spans.append((found, found + len(needle)))
        position = found + len(needle)
    for needle in {item["text"] for item in items}:
        for found in occurrences(text, needle):
            end = found + len(needle)
            if not any(start <= found and end <= stop for start, stop in spans):
                problems.add(
                    where,
                    f"{what} {needle!r} on line {line_of(text, found)} is not labelled "
                    "(every occurrence is)",
                )
    for needle in elsewhere - {item["text"] for item in items}:
        for found in occurrences(text, needle):
            end = found + len(needle)  # labelled with another extent ("Beijing Municipality")
            if not any(start < end and found < stop for start, stop in spans):
                problems.add(
                    where,
                    f"{needle!r} on line {line_of(text, found)}, a {what} elsewhere in the set "
                    "or a known name, is not labelled here",
                )


MONTHS = "January February March April May June July August September October November December"
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
HEBREW_MONTHS = "ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר"
HEBREW_WEEKDAYS = "ראשון שני שלישי רביעי חמישי שישי"
# What looks like a date, by language: each match must overlap a labelled date phrase.
DATE_CUES = {
    "en": re.compile(
        rf"\b(?:{'|'.join(MONTHS.split())}|(?:{'|'.join(m[:3] for m in MONTHS.split())})\.? \d"
        rf"|{'|'.join(WEEKDAYS.split())}|(?:19|20)\d\d|last (?:year|month|week)"
        r"|(?:next|this) (?:year|month|week)|years ago|this past)\b"
    ),
    "zh": re.compile(r"\d+[年月日]|[去今明前]年|[上本下]月"),
    "he": re.compile(
        rf"(?<![\u05d0-\u05ea])[בלמו]?(?:{'|'.join(HEBREW_MONTHS.split())})(?![\u05d0-\u05ea])"
        rf"|ביום (?:{'|'.join(HEBREW_WEEKDAYS.split())})|\b(?:19|20)\d\d\b|שעבר|אשתקד|הבאה"
        r"|לפני \S*(?:שנים|שנה|עשור)"
    ),
}


def check_date_cues(where: str, text: str, data: dict, problems: Problems) -> None:
    spans = []
    for phrase in data["dates"]:
        found = next(occurrences(text, phrase["text"], spans[-1][1] if spans else 0), None)
        if found is not None:
            spans.append((found, found + len(phrase["text"])))
    for cue in DATE_CUES[data["language"]].finditer(text):
        if not any(start < cue.end() and cue.start() < stop for start, stop in spans):
            problems.add(
                where,
                f"{cue.group()!r} on line {line_of(text, cue.start())} looks like a date and is "
                "in no date phrase",
            )


def length(text: str, language: str) -> int:
    return len(HAN.findall(text)) if language == "zh" else len(text.split())


def slugified(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold().replace("'", "")).strip("-")


def check_text(where: str, text: str, language: str, problems: Problems) -> None:
    lines = text.split("\n")
    if not lines[0].strip() or len(lines) < 3 or lines[1] != "":
        problems.add(where, "the first line is the headline, then a blank line, then paragraphs")
    if script(text) != language and not (language == "en" and script(text) == "en"):
        problems.add(where, f"the text is not written in {language}")
    low, high = LENGTHS[language]
    if not low <= length(text, language) <= high:
        unit = "characters" if language == "zh" else "words"
        problems.add(where, f"{length(text, language)} {unit}, not {low}-{high}")


def check_mentions(where, data, text, records, problems: Problems, elsewhere) -> None:
    for index, mention in enumerate(data["mentions"]):
        if not isinstance(mention, dict) or tuple(mention) != ("text", "kind", "known"):
            problems.add(where, f"mention {index}: keys must be text, kind, known")
            continue
        kind, known, name = mention["kind"], mention["known"], mention["text"]
        if kind not in MENTION_KINDS:
            problems.add(
                where, f"mention {index} {name!r}: kind must be one of {list(MENTION_KINDS)}"
            )
        elif known is not None:
            row = records[kind].get(known)
            if row is None:
                problems.add(where, f"mention {index} {name!r}: no known {kind} {known!r}")
            elif not names_by_script(row)[script(name)]:
                problems.add(
                    where,
                    f"mention {index} {name!r}: {known} ({row['origin']}) has no name in the "
                    f"{script(name)} script",
                )
            elif not names_it(name, row):
                problems.add(where, f"mention {index} {name!r} is not a name of {known}")
        if not isinstance(name, str) or not name or name != name.strip():
            problems.add(where, f"mention {index}: text must be a name without spaces around")
    if text is not None:
        check_spans(where, text, data["mentions"], "mention", problems, elsewhere)


def check_dates(where, data, text, problems: Problems, elsewhere) -> None:
    for index, phrase in enumerate(data["dates"]):
        if not isinstance(phrase, dict) or tuple(phrase) != ("text", "start", "end"):
            problems.add(where, f"date {index}: keys must be text, start, end")
            continue
        at = f"{where} date {index} {phrase['text']!r}"
        start = check_partial_date(f"{at} start", phrase["start"], problems)
        if phrase["end"] is not None:
            end = check_partial_date(f"{at} end", phrase["end"], problems)
            if start and end and end < start:
                problems.add(at, "ends before it starts")
    if text is not None:
        check_spans(where, text, data["dates"], "date", problems, elsewhere)
        check_date_cues(where, text, data, problems)


def check_records(where, data, records, problems: Problems) -> None:
    mentioned = {m["known"] for m in data["mentions"] if m.get("known")}
    unknown_names = {slugified(m["text"]) for m in data["mentions"] if m.get("known") is None}
    places = records["municipality"] | records["organization"]

    def party(at: str, slug, allowed: dict) -> None:
        if not isinstance(slug, str) or not SLUG.match(slug):
            problems.add(at, f"{slug!r} is not a slug")
        elif slug in allowed:
            if slug not in mentioned:
                problems.add(at, f"{slug} is known but no mention in the article names it")
        elif slug in places:
            problems.add(at, f"{slug} is not of a kind this field takes")
        elif data["language"] == "en" and slug not in unknown_names:
            problems.add(at, f"{slug} is neither known nor the slug of an unknown mention")

    for index, record in enumerate(data["records"]):
        kind = record.get("type") if isinstance(record, dict) else None
        at = f"{where} record {index} ({kind})"
        if kind not in RECORD_KEYS or tuple(record) != RECORD_KEYS[kind]:
            problems.add(at, f"keys must be one of {list(RECORD_KEYS.values())}")
            continue
        if record["start"] is not None:
            try:
                date.fromisoformat(record["start"])
            except (TypeError, ValueError):
                problems.add(at, f"start {record['start']!r} is not YYYY-MM-DD or null")
        if kind == "visit":
            if not record["from"] or not isinstance(record["to"], list):
                problems.add(at, "from: one or more slugs; to: a list")
            for slug in [*record["from"], *record["to"]]:
                party(at, slug, places)
        elif kind == "office":
            for field, country in (("sponsor", "CN"), ("host", "IL")):
                party(at, record[field], records["municipality"])
                row = records["municipality"].get(record[field])
                if row and row.get("country") != country:
                    problems.add(at, f"{field} {record[field]} is not in {country}")
        elif kind == "agreement":
            if record["kind"] not in AGREEMENT_KINDS:
                problems.add(at, f"kind must be one of {sorted(AGREEMENT_KINDS)}")
            parties = record["parties"]
            if len(parties) < 2 or len(set(parties)) != len(parties):
                problems.add(at, "parties: two or more distinct slugs")
            for slug in parties:
                party(at, slug, places)
        elif kind == "event":
            if record["kind"] not in EVENT_KINDS:
                problems.add(at, f"kind must be one of {sorted(EVENT_KINDS)}")
            if record["place"] is not None:
                party(at, record["place"], records["municipality"])


def check_label(path: Path, data, records, elsewhere, problems: Problems):
    """Check one label file; returns (data, text) for the summary, or None."""
    where = path.name
    shared = path.stem.startswith("shared_")
    keys = SHARED_KEYS if shared else ARTICLE_KEYS
    if not isinstance(data, dict) or tuple(data) != keys:
        problems.add(where, f"keys must be, in order, {list(keys)}")
        return None
    try:
        date.fromisoformat(data["date"])
    except (TypeError, ValueError):
        problems.add(where, f"date {data['date']!r} is not YYYY-MM-DD")
    if data["language"] not in LANGUAGES:
        problems.add(where, f"language must be one of {LANGUAGES}")
        return None
    text = None
    if shared:
        article = SHARED_ARTICLES / str(data["file"])
        if article.is_file():
            text = article.read_text(encoding="utf-8")
        else:
            print(f"note: {article} is missing; {where} is checked without its text")
    else:
        article = path.with_suffix(".txt")
        if not article.is_file():
            problems.add(where, f"{article.name} is missing")
        else:
            text = article.read_text(encoding="utf-8")
            check_text(article.name, text, data["language"], problems)
    for key in ("mentions", "dates", *(() if shared else ("records",))):
        if not isinstance(data[key], list):
            problems.add(where, f"{key} must be a list")
            return None
    check_mentions(where, data, text, records, problems, elsewhere["mention"])
    check_dates(where, data, text, problems, elsewhere["date"][data["language"]])
    if not shared:
        check_records(where, data, records, problems)
    return data, text


@cache
def simplified():
    """Traditional Chinese characters read as simplified, with OpenCC when it is installed
    (it is in the project's .venv); without it they are left as they are."""
    try:
        import opencc
    except ImportError:
        return None
    return opencc.OpenCC("t2s").convert


def folded(text: str) -> str:
    """Case, vowel points, accents, dashes and maqaf, and traditional characters aside."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    bare = re.sub("[\\-\u2010-\u2015\u05be]", " ", bare.replace("\u2019", "'")).casefold()
    if HAN.search(bare) and simplified():
        bare = simplified()(bare)
    return " ".join(bare.split())


def words(text: str) -> list[str]:
    return re.findall(r"[\w']+", folded(text))


def names_it(text: str, row: dict) -> bool:
    """Whether `text` can name the record `row`: its words are all words of one of the
    record's names (a surname, "port of Haifa"); in Chinese, at least half its characters
    are in one of them (以色列经济部 for 以色列经济与产业部)."""
    names = [name for names in names_by_script(row).values() for name in names]
    if script(text) == "zh":
        if simplified() is None:  # traditional characters cannot be compared without OpenCC
            return True
        characters = set(HAN.findall(folded(text)))
        return any(len(characters & set(folded(name))) * 2 >= len(characters) for name in names)
    return any(set(words(text)) <= set(words(name)) for name in names)


def full_name(mention: dict, records) -> bool:
    row = records[mention["kind"]][mention["known"]]
    names = {folded(name) for names in names_by_script(row).values() for name in names}
    text = folded(mention["text"])
    return text in names or (text.endswith(CHINESE_SUFFIXES) and text[:-1] in names)


def summary(checked: dict, records, verbose: bool) -> None:
    own = {name: item for name, item in checked.items() if not name.startswith("shared_")}
    shared = {name: item for name, item in checked.items() if name.startswith("shared_")}
    languages = Counter(data["language"] for data, _ in own.values())
    print(
        f"{len(own)} articles ({', '.join(f'{n} {lang}' for lang, n in sorted(languages.items()))})"
        f" and {len(shared)} shared labels\n"
    )
    print(f"{'label':44} lang  size  mentions known/unknown  dates  records")
    for name, (data, text) in checked.items():
        known = sum(1 for m in data["mentions"] if m["known"])
        size = length(text, data["language"]) if text else 0
        print(
            f"{name:44} {data['language']:4} {size:5}  {len(data['mentions']):8} "
            f"{known:5}/{len(data['mentions']) - known:<7}  {len(data['dates']):5}  "
            f"{len(data.get('records', [])):7}"
        )
    for label, group in (("own articles", own), ("shared articles", shared)):
        mentions = [m for data, _ in group.values() for m in data["mentions"]]
        known = [m for m in mentions if m["known"]]
        kinds = Counter(m["kind"] for m in mentions)
        share = len(known) / len(mentions) if mentions else 0
        print(
            f"\nmentions, {label}: {len(mentions)}, {len(known)} known ({share:.0%}), "
            f"{len(mentions) - len(known)} unknown; "
            + ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
        )
        phrases = [d for data, _ in group.values() for d in data["dates"]]
        qualifiers = Counter(d["start"]["qualifier"] for d in phrases)
        periods = sum(1 for d in phrases if d["end"])
        print(
            f"dates, {label}: {len(phrases)} phrases ({periods} with an end); by qualifier: "
            + ", ".join(f"{n} {q}" for q, n in sorted(qualifiers.items()))
        )
    rows = [r for data, _ in own.values() for r in data["records"]]
    types = Counter(r["type"] for r in rows)
    kinds = Counter(f"{r['type']} {r['kind']}" for r in rows if "kind" in r)
    print(
        f"records, own articles: {len(rows)}; "
        + ", ".join(f"{n} {t}" for t, n in sorted(types.items()))
        + "; "
        + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    )
    partial = [
        (name, m)
        for name, (data, _) in checked.items()
        for m in data["mentions"]
        if m["known"] and not full_name(m, records)
    ]
    print(f"known mentions that are not a full name or alias (surnames, variants): {len(partial)}")
    if verbose:
        for name, mention in partial:
            print(f"  {name}: {mention['text']!r} -> {mention['known']}")


def texts_elsewhere(labels, records) -> dict:
    """The texts each article must label wherever they occur: every mention text of the set
    and every known name; every date text of the set, by language."""
    mentions = {
        name
        for rows in records.values()
        for row in rows.values()
        for names in names_by_script(row).values()
        for name in names
    }
    dates = {language: set() for language in LANGUAGES}
    for data in labels:
        if not isinstance(data, dict):
            continue
        for mention in data.get("mentions") or []:
            if isinstance(mention, dict) and isinstance(mention.get("text"), str):
                mentions.add(mention["text"])
        for phrase in data.get("dates") or []:
            if isinstance(phrase, dict) and isinstance(phrase.get("text"), str):
                dates.setdefault(data.get("language"), set()).add(phrase["text"])
    return {"mention": frozenset(m for m in mentions if m), "date": dates}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    verbose = parser.parse_args().verbose
    problems = Problems()
    records = sample_records()
    check_known(HERE / "known.json", records, problems)
    labels = {}
    for path in sorted(HERE.glob("*.json")):
        if path.name == "known.json":
            continue
        if not (ARTICLE_NAME.match(path.stem) or SHARED_NAME.match(path.stem)):
            problems.add(path.name, "names are NN_slug.json (NN from 10) or shared_NNN.json")
        elif (data := load_json(path, problems)) is not None:
            labels[path] = data
    elsewhere = texts_elsewhere(labels.values(), records)
    checked = {}
    for path, data in labels.items():
        result = check_label(path, data, records, elsewhere, problems)
        if result is not None:
            checked[path.stem] = result
    for text in sorted(HERE.glob("*.txt")):
        if not text.with_suffix(".json").is_file():
            problems.add(text.name, "has no label file")
    numbers = Counter(name[:2] for name in checked if not name.startswith("shared_"))
    for number, count in numbers.items():
        if count > 1 or int(number) < 10:
            problems.add(f"{number}_*", "each article has its own number, from 10")
    if problems:
        print("\n".join(problems))
        print(f"\n{len(problems)} problems")
        return 1
    summary(checked, records, verbose)
    print("\nall labels check")
    return 0


if __name__ == "__main__":
    sys.exit(main())
