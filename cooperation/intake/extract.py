"""An article's text and metadata, from its page's HTML or from text an analyst pasted.

HTML: trafilatura's `bare_extraction` finds the text (comments left out, tables kept) and
the title; the date is htmldate's (through trafilatura), the original publication date
from the page's markup once the meta tags of the last modification are removed, else the
date line under the title as in pasted text; the publisher is the page's og:site_name, else
the URL's host name; the language is the text's script, the page's `lang` telling English
from other languages written in Latin letters.

Chosen by bench/extraction.py, on 8 pages written for it in English, Chinese and Hebrew
(50 article sentences; 82 of navigation, related stories, comments and footer):

    method                                         article  leaked  date  ms/page
    lxml text_content of <article>, or <body>         100%     73%   4/8      0.1
    trafilatura, defaults (comments in)               100%     20%   6/8      3-6
    bare_extraction or extract, no comments           100%      7%   6/8      3-6
      with favor_precision                            100%      7%   6/8      3-6
      with favor_recall                               100%     10%   6/8      3-6
      no tables, favor_precision                       94%      0%   6/8      3-6
      modification metas dropped                      100%      7%   7/8      3-6
      metas dropped, no extensive date search         100%      7%   8/8      3-6
    htmldate alone: defaults, original_date              -       -  4/8, 6/8  0.2
    this module                                       100%      7%   8/8      3-6

Titles: 8/8 for every trafilatura setting, 1/8 for the <title> (it carries the site's
name). Language: 8/8 here, 6/8 by the `lang` attribute alone. The pages are 3-4 KB and the
bench shares two cores: trafilatura's settings differ by less than the run-to-run noise.

- Comments out: the defaults keep them (20% leaked against 7%).
- Tables kept: leaving them out with favor_precision leaks nothing, but loses the table of
  the projects an article lists as signed (3 of its 8 sentences), the very facts records
  are made of. What leaks with tables kept is one page laid out in a single table, its
  comments and footer in the article's cell: a leak is seen by the analyst, a missed fact is
  lost.
- No favor_precision: no better on these pages, and made to drop marginal paragraphs.
- bare_extraction rather than extract: the same text, and the metadata as attributes.
- Modification metas dropped: htmldate, asked for the original date, still prefers
  `<meta name="last-modified">` to the "Published 14 March 2018" of the page.
- No extensive date search: it takes a page without a date for 1 January of its footer's
  "Copyright 2019"; without it the page has no date, and the analyst gives one. The quick
  search misses "2019年06月12日" in a date element, which the date line then finds.
- Language by script: trafilatura gives none (it needs py3langid), and templates declare
  `lang="en"` over Chinese text.

Plain text: the first non-empty line is the title and the whole is the text; the date is
the article's date line, when one of the lines under the title is one; the language is the
script's.
"""

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import trafilatura

from cooperation.scripts import HAN, HEBREW_LETTER


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str
    publisher: str
    published: date | None
    language: str  # 'en', 'zh', 'he' or 'other'


def extract(document: str, *, url: str = "") -> Extracted:
    """The article in `document`, HTML or plain text; `url` is where it was published."""
    if HTML_START.search(document[:2000]):
        return from_html(document, url)
    return from_text(document, url)


# A document is HTML when a tag that only HTML has comes near its start: pasted text that
# merely mentions "<" is not.
HTML_START = re.compile(r"<(!doctype\s+html|html|head|body|article|div|p)[\s>/]", re.IGNORECASE)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def from_html(document: str, url: str) -> Extracted:
    try:
        # lxml refuses a str that declares its encoding: the declaration says nothing now.
        tree = lxml.html.document_fromstring(XML_DECLARATION.sub("", document))
    except (lxml.etree.ParserError, ValueError):
        return Extracted("", "", host_name(url), None, "other")
    declared = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    publisher = site_name(tree) or host_name(url)
    drop_modification_dates(tree)
    found = trafilatura.bare_extraction(
        tree,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=DATE_SEARCH,
    )
    if found is None:
        return Extracted("", "", publisher, None, declared_language(declared) or "other")
    text = found.text or ""
    return Extracted(
        text=text,
        title=found.title or "",
        publisher=publisher,
        published=html_date(found.date, text),
        language=text_language(text, declared),
    )


def html_date(found: str | None, text: str) -> date | None:
    """The date htmldate found in the page's markup, else the text's date line, as in pasted
    text: htmldate's quick search does not read "2019年06月12日" in a page's date element."""
    if found:
        return date.fromisoformat(found)
    return date_line(text.splitlines()[:DATE_LINE_DEPTH])


def site_name(tree) -> str:
    names = tree.xpath("//meta[@property='og:site_name']/@content")
    return names[0].strip() if names else ""


def host_name(url: str) -> str:
    """The publisher when the page names none: "www.negevweekly.example" gives
    "negevweekly.example"."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


# The original publication date, from the page's markup and its date elements: the
# extensive search would also take the footer's "Copyright 2019" for 1 January 2019.
DATE_SEARCH = {"original_date": True, "extensive_search": False}
MODIFIED = re.compile(r"modif|updat", re.IGNORECASE)
META_NAMES = ("name", "property", "itemprop", "http-equiv")


def drop_modification_dates(tree) -> None:
    """Remove the meta tags that give the last-modified date.

    htmldate, asked for the original date, still takes a `<meta name="last-modified">` over
    a date written in the page ("Published 14 March 2018"): without the tag it finds that.
    """
    for meta in list(tree.iter("meta")):
        if any(MODIFIED.search(meta.get(attribute, "")) for attribute in META_NAMES):
            meta.drop_tree()


LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
LANGUAGES = {"en": "en", "zh": "zh", "he": "he", "iw": "he"}


def text_language(text: str, declared: str = "") -> str:
    """'he' or 'zh' for text mostly in Hebrew letters or Chinese characters; Latin text is
    'en', unless the page declares another language (`lang="fr"`: 'other'); anything else is
    'other'.

    The script decides over the declared `lang`: sites' templates often declare "en" over
    Chinese text, and an English text quoting a Chinese name is still English.
    """
    counts = {
        "he": len(HEBREW_LETTER.findall(text)),
        "zh": len(HAN.findall(text)),
        "latin": len(LATIN_LETTER.findall(text)),
    }
    script = max(counts, key=counts.get)
    if not counts[script]:
        return declared_language(declared) or "other"
    if script != "latin":
        return script
    return "en" if declared_language(declared) in ("", "en", "zh", "he") else "other"


def declared_language(declared: str) -> str:
    """`lang="zh-CN"` gives 'zh', `"iw"` 'he', `"fr"` 'other', none ''."""
    primary = declared.strip().lower().replace("_", "-").split("-")[0]
    return LANGUAGES.get(primary, "other") if primary else ""


def from_text(document: str, url: str) -> Extracted:
    lines = [line.strip() for line in document.splitlines() if line.strip()]
    text = document.strip()
    return Extracted(
        text=text,
        title=lines[0] if lines else "",
        publisher=host_name(url),
        published=date_line(lines[1:DATE_LINE_DEPTH]),
        language=text_language(text),
    )


# The date line of pasted text is one of the few lines under the title with a date and
# little else ("By Dana Levi | 22 May 2019", "2019年06月12日 09:30 来源：…", "פורסם: 12.03.2019"):
# not a sentence (the event's date in the first sentence is not the article's), nor an update.
DATE_LINE_DEPTH = 6
DATE_LINE_REST = 60
SENTENCE_END = re.compile(r"[.!?。！？]\s*$")
UPDATED = re.compile(r"updat|modif|更新|修改|עודכן|עדכון", re.IGNORECASE)
# English months are known by their first three letters ("Sept", "September"); Hebrew ones
# are written whole, with or without the preposition: "5 ביוני 2019".
ENGLISH_MONTHS = [
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
]
HEBREW_MONTHS = [
    "ינואר",
    "פברואר",
    "מרץ",
    "אפריל",
    "מאי",
    "יוני",
    "יולי",
    "אוגוסט",
    "ספטמבר",
    "אוקטובר",
    "נובמבר",
    "דצמבר",
]
MONTH = "(?P<month_name>(?:" + "|".join(ENGLISH_MONTHS) + ")[a-z]*|" + "|".join(HEBREW_MONTHS) + ")"
# Numbers with dots or slashes are day first (05.06.2018 is 5 June), as Israeli and
# European pages write them; an American page spells its month.
DATE_FORMATS = [
    re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"),
    re.compile(r"\b(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})\b"),
    re.compile(r"\b(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+ב?{MONTH}\.?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b{MONTH}\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
]


def date_line(lines: list[str]) -> date | None:
    """The date of the first of `lines` that is a date line."""
    for line in lines:
        if SENTENCE_END.search(line) or UPDATED.search(line):
            continue
        found = date_in(line)
        if found and len(line) - found[1] <= DATE_LINE_REST:
            return found[0]
    return None


def date_in(line: str) -> tuple[date, int] | None:
    """The first whole date in `line`, and the length of its words there."""
    for pattern in DATE_FORMATS:
        for match in pattern.finditer(line):
            parts = match.groupdict()
            month = parts.get("month") or month_number(parts["month_name"])
            try:
                return date(int(parts["year"]), int(month), int(parts["day"])), len(match[0])
            except ValueError:
                continue
    return None


def month_number(name: str) -> int:
    name = name.lower()
    if name[:3] in ENGLISH_MONTHS:
        return ENGLISH_MONTHS.index(name[:3]) + 1
    return HEBREW_MONTHS.index(name) + 1
