"""Date phrases as articles and analysts write them, read into partial dates.

`read_date` reads an admin date box (the whole text is one date or period); `find_dates`
finds every date phrase in an article's text. Both give a `DateReading`: a start and an
end `PartialDate` (the end empty when the phrase names one date), each with the precision
the phrase has (day, month, year) and a qualifier that says how the date is known:

- stated in full, exact: "5 June 2018", "June 5, 2018", "2018-06-05", "June 2018", "2015",
  "5-7 June 2018", "30 May - 2 June 2018", "March 2012 to May 2013", "2017-2018",
  "from 2015 to 2017", "between 5 and 7 June 2018", "2013年5月22日至25日", "2013年5月",
  "5 ביוני 2018", "5-7 ביוני 2018", "ביוני 2018";
- the year not stated, worked out from the article's date (`today`), inferred: "June 5 to 7",
  "September 5 and 6", "5月22日", "a June interview", "last January", "last year", "去年",
  "השנה", "yesterday". A day or month is given the year that makes it the latest on or
  before `today`, unless it falls within the 60 days after `today` in the same year
  (articles announce visits shortly ahead);
- the day or month not stated either, inferred: a weekday is the latest on or before
  `today` ("Sunday", "ביום שלישי"; "last Monday" before it, "next Monday" after it); days a
  Chinese report writes alone are in its month ("19日", "本月10日至14日", "上月5日"); a week,
  which cannot be stored, is its month ("earlier this week", "上周", "בשבוע שעבר");
- vague, approximate: "c. 1998", "around 1998", "约1998年", "1998年左右", "בערך 1998",
  "c. 5-7 June 2018", and durations counted back from `today`: "for the past two decades",
  "20 years ago", "近20年来", "二十年前", "לפני 20 שנה" (said in 2018: c. 1998);
- only a bound, no later than: "by 2015", "already by 2015", "since 2015", "自2015年以来",
  "2015年以来", "מאז 2015". "Since" gives a period's start bound, with no end.

What `written_date` and `format_span` write reads back to the same dates, precisions and
qualifiers, so the admin can show a stored date in its box and read it again on save: the
inferred year in brackets ("22-25 May [2013]", "[2013]") needs no `today`; a "c." before a
period written once ("c. 5-7 June 2018", "c. 2017-2018") qualifies both ends, while ends
written each in full ("5 June 2018 - c. 7 June 2018", "c. 2017 - 2018") carry their own.

The formats are few and must be exact, so each is a regular expression of its own (in
`FORMS`, most specific first) rather than a general date guesser: a phrase is read the one
way its form says, or refused with a message in plain words. In an article, the longest
phrase at a position wins ("from June 5 to 7" is one phrase, not "June 5" and "7"), and a
phrase that looks like a date but is none ("31 June 2018", "1000-2000") is skipped whole;
two dates joined by "and" that are no one period ("5 and 7 June 2018") are each read alone.
Numbers between 1900 and 2100 standing alone are read as years: an analyst confirms what
is found.
"""

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from cooperation.partial_dates import MONTHS, PartialDate, Precision, Qualifier, format_span

FIRST_YEAR, LAST_YEAR = 1900, 2100
# A day or month without a year is read in the article's year when it is at most this
# far ahead of the article's date: a visit announced for next month.
AHEAD = timedelta(days=60)

NOT_UNDERSTOOD = (
    "Could not read “{text}”: write a date as “5 June 2018”, “June 2018”, “2018”, "
    "“c. 1998”, “by 2015” or a period “5-7 June 2018”."
)
NEEDS_TODAY = (
    "needs the article's date to be read: give the article's publication date, or write "
    "the date in full, as “5 June 2018”."
)


class DateNotUnderstood(ValueError):
    """A date box's text that is not a date; `str()` says why, in plain words."""


class _Refused(Exception):
    """A phrase shaped like a date that is not one; `reason` follows the phrase in the
    message: "“32 June 2018” is not a date: June has 30 days."."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class _TwoDates(_Refused):
    """Two dates joined by "and" that are no one period ("5 and 7 June 2018": the 6th is not
    meant). Unlike other refusals it leaves the text to be read again: each date may be
    found on its own."""

    def __init__(self):
        super().__init__(
            "names two dates, not one period: write one date, or the period as “5-7 June 2018”."
        )


@dataclass(frozen=True)
class DateReading:
    text: str
    start: PartialDate
    end: PartialDate

    def understood(self) -> str:
        """What was understood, for the analyst to check before saving:
        "5-7 June 2018: day precision", "c. 1998: year precision, approximate"."""
        if not self.start:
            return "no date"
        written = format_span(self.start, self.end)
        if not self.end or _described(self.start) == _described(self.end):
            return f"{written}: {_described(self.start)}"
        return f"{written}: start {_described(self.start)}; end {_described(self.end)}"


@dataclass(frozen=True)
class DatePhrase:
    text: str
    start: int
    end: int
    reading: DateReading


# A reading's start and end; the end `PartialDate(None)` when it names one date.
Span = tuple[PartialDate, PartialDate]

QUALIFIER_WORDS = {
    Qualifier.INFERRED: "year inferred",
    Qualifier.APPROXIMATE: "approximate",
    Qualifier.NO_LATER_THAN: "no later than",
}


def _described(partial: PartialDate) -> str:
    qualifier = QUALIFIER_WORDS.get(partial.qualifier)
    precision = f"{Precision(partial.precision).value} precision"
    return f"{precision}, {qualifier}" if qualifier else precision


# --- Text made comparable, one character for one, so that offsets stay those of the text.

SAME_WIDTH = str.maketrans(
    {
        **{chr(0xFF10 + digit): str(digit) for digit in range(10)},
        "［": "[",
        "］": "]",
        "～": "~",
        "〜": "~",
        "，": ",",
        "．": ".",
        **dict.fromkeys("‐‑‒–—―−﹘﹣－־", "-"),
        **dict.fromkeys("\u00a0\u2002\u2003\u2009\u202f\u3000", " "),
    }
)


def _normalized(text: str) -> str:
    """Full-width digits and brackets as ASCII, every dash a hyphen, every space a space."""
    return text.translate(SAME_WIDTH)


# --- Words.

ENGLISH_MONTHS = {name[:3].lower(): number for number, name in enumerate(MONTHS, start=1)}
HEBREW_MONTHS = {
    "ינואר": 1,
    "פברואר": 2,
    "מרץ": 3,
    "מרס": 3,
    "אפריל": 4,
    "מאי": 5,
    "יוני": 6,
    "יולי": 7,
    "אוגוסט": 8,
    "ספטמבר": 9,
    "אוקטובר": 10,
    "נובמבר": 11,
    "דצמבר": 12,
}
APPROXIMATE_WORDS = (
    "c.",
    "ca.",
    "circa",
    "around",
    "about",
    "approximately",
    "roughly",
    "בערך",
    "בסביבות",
    "约",
    "大约",
    "大概",
    "左右",
    "前后",
)
NO_LATER_THAN_WORDS = ("by", "already by", "as early as", "since", "מאז", "以来", "起")

NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
ENGLISH_NUMBERS = dict(zip(NUMBER_WORDS, range(21), strict=True))
ENGLISH_NUMBERS |= {"a": 1, "an": 1, "dozen": 12, "a dozen": 12, "thirty": 30, "forty": 40}
ENGLISH_NUMBERS |= {"fifty": 50}
ENGLISH_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
CHINESE_DIGITS = dict(zip("一二三四五六七八九", range(1, 10), strict=True)) | {"两": 2}
HEBREW_NUMBERS = {
    "שתי": 2,
    "שני": 2,
    "שלוש": 3,
    "שלושה": 3,
    "ארבע": 4,
    "ארבעה": 4,
    "חמש": 5,
    "חמישה": 5,
    "עשר": 10,
    "עשרה": 10,
    "עשרים": 20,
    "שלושים": 30,
}
YEARS_IN_UNIT = {"year": 1, "years": 1, "decade": 10, "decades": 10, "年": 1}
YEARS_IN_UNIT |= {"שנה": 1, "שנים": 1, "השנים": 1, "שנתיים": 2, "עשור": 10, "עשורים": 10}

RELATIVE_YEARS = {
    "last year": -1,
    "this year": 0,
    "next year": 1,
    "去年": -1,
    "前年": -2,
    "今年": 0,
    "明年": 1,
    "בשנה שעברה": -1,
    "השנה שעברה": -1,
    "אשתקד": -1,
    "השנה": 0,
    "בשנה הבאה": 1,
}
RELATIVE_MONTHS = {
    "last month": -1,
    "this month": 0,
    "next month": 1,
    "上个月": -1,
    "上月": -1,
    "本月": 0,
    "这个月": 0,
    "下个月": 1,
    "下月": 1,
    "בחודש שעבר": -1,
    "החודש": 0,
    "בחודש הבא": 1,
}
RELATIVE_DAYS = {
    "yesterday": -1,
    "today": 0,
    "昨天": -1,
    "昨日": -1,
    "前天": -2,
    "今天": 0,
    "今日": 0,
    "אתמול": -1,
    "שלשום": -2,
    "היום": 0,
}
WEEKDAYS = {
    "Monday": 0,
    "Tuesday": 1,
    "Wednesday": 2,
    "Thursday": 3,
    "Friday": 4,
    "Saturday": 5,
    "Sunday": 6,
}
HEBREW_WEEKDAYS = {
    "שני": 0,
    "שלישי": 1,
    "רביעי": 2,
    "חמישי": 3,
    "שישי": 4,
    "שבת": 5,
    "ראשון": 6,
}
# Which day of that name a word means: the latest before the article's date (-1), the first
# after it (1). Without one, the latest on or before it (`_read_weekday`).
WHICH_WEEKDAY = {"last": -1, "this past": -1, "next": 1, "this coming": 1, "שעבר": -1, "הבא": 1}
# Days named for a feast, not for the week they fall in.
FEAST_WORDS = ("Good", "Black", "Easter", "Palm", "Ash", "Cyber", "Super", "Holy", "Bloody")
RELATIVE_WEEKS = {
    "last week": -1,
    "this past week": -1,
    "this week": 0,
    "next week": 1,
    "上周": -1,
    "上星期": -1,
    "上个星期": -1,
    "本周": 0,
    "这周": 0,
    "本星期": 0,
    "这星期": 0,
    "这个星期": 0,
    "下周": 1,
    "下星期": 1,
    "下个星期": 1,
    "בשבוע שעבר": -1,
    "השבוע שעבר": -1,
    "השבוע": 0,
    "בשבוע הבא": 1,
    "השבוע הבא": 1,
}
CHINESE_RELATIVE_MONTHS = [word for word in RELATIVE_MONTHS if "月" in word]


def _words(words) -> str:
    """A regex alternation of `words`, longest first, any spaces in them any spaces."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


# --- Regex fragments. A group is named `<role>_<tag>`: the role says what it holds (d1: the
# start's day, m2: the end's month, y: the year written once for both ends, yb: that year
# in brackets, q: a qualifier word for both), the tag keeps names unique in one pattern.

BEFORE = r"(?<![0-9A-Za-z])"
AFTER = r"(?![0-9A-Za-z])"
HEBREW = "א-ת"

ENGLISH_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)(?![a-z])"
)
# A Hebrew month may carry a prefix: ביוני, "in June"; ומיוני, "and from June".
HEBREW_MONTH = rf"(?<![{HEBREW}])(?:ו?[בהמל]-?)?(?:{_words(HEBREW_MONTHS)})(?![{HEBREW}])"
QUALIFIER = _words(APPROXIMATE_WORDS + NO_LATER_THAN_WORDS)
RANGE_WORD = r"to|until|till|through|thru|ו?עד"
DASH = r"-{1,2}|~"
SEP = rf"(?:\s*(?:{DASH})\s*|\s+(?:{RANGE_WORD})\s+)"
# "between 5 and 7 June", Hebrew "בין 5 ל-7 ביוני": "and" joins the ends of a range after
# "between". Without it "and" joins two dates ("September 5 and 6", "5 ו-6 ביוני"), which are
# one period only when the second directly follows the first (`_follows`).
AND = r"(?:\s+and\s+|\s+[לו]-?\s*)"
JOINED = r"\s+and\s+|\s+ו-?\s*"
FROM = rf"(?:(?P<between>between|בין)\s+|from\s+|(?<![{HEBREW}])מ-?\s*)?"
RANGE_SEP = rf"(?(between){AND}|(?:{SEP}|(?P<joined>{JOINED})))"
# Years joined by a bare hyphen are one period written once ("c. 2017-2018": both
# approximate); "c. 2017 - 2018" is two ends written in full (only the first approximate).
YEAR_SEP = rf"(?(between){AND}|(?:{DASH}|\s+(?:{RANGE_WORD})\s+))"
CHINESE_SEP = r"\s*(?:至|到|-{1,2}|~)\s*"
CHINESE_FROM = r"(?:从|自|由)?"
ENGLISH_NUMBER = (
    rf"\d{{1,3}}|(?:{_words(ENGLISH_TENS)})[-\s](?:{_words(list(ENGLISH_NUMBERS)[1:10])})"
    rf"|{_words(ENGLISH_NUMBERS)}"
)
CHINESE_NUMBER = r"\d{1,3}|[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九]"
ROUGHLY = r"nearly|almost|about|around|over|more\s+than|some|roughly|close\s+to|at\s+least"


def _day(role: str, tag: str) -> str:
    return rf"(?<!\d)(?P<{role}_{tag}>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?"


def _month(role: str, tag: str) -> str:
    return rf"(?P<{role}_{tag}>{ENGLISH_MONTH}|{HEBREW_MONTH})"


def _year(role: str, tag: str) -> str:
    """Four digits, or four digits in brackets: a year the analyst inferred."""
    return rf"(?:\[(?P<{role}b_{tag}>\d{{4}})\]|(?<!\d)(?P<{role}_{tag}>\d{{4}})(?!\d))"


def _prefix(role: str, tag: str) -> str:
    # Hebrew "since the year 2015": מאז שנת 2015.
    return rf"(?:(?P<{role}_{tag}>{QUALIFIER})\s*(?:שנת\s*)?)?"


def _year_tail(tag: str) -> str:
    return rf",?\s+(?:of\s+)?{_year('y', tag)}"


def _point(n: str) -> str:
    """One date stated in full, with its own qualifier: "5 June 2018", "June 5, 2018",
    "June 2018", "2018-06-05", "5.6.2018" (day first), "2018", "c. 1998", "May [2013]"."""
    d, m, y = f"d{n}", f"m{n}", f"y{n}"
    return (
        rf"{_prefix(f'q{n}', 'p')}"
        rf"(?:{_day(d, 'dmy')}\s+(?:of\s+)?{_month(m, 'dmy')},?\s+{_year(y, 'dmy')}"
        rf"|{_month(m, 'mdy')}\s+{_day(d, 'mdy')},?\s+{_year(y, 'mdy')}"
        rf"|{_month(m, 'my')},?\s+(?:of\s+)?{_year(y, 'my')}"
        rf"|(?<!\d)(?P<{y}_iso>\d{{4}})[-/.](?P<{m}_iso>\d{{1,2}})[-/.](?P<{d}_iso>\d{{1,2}})(?!\d)"
        rf"|(?<![\d.])(?P<{d}_dot>\d{{1,2}})\.(?P<{m}_dot>\d{{1,2}})\.(?P<{y}_dot>\d{{4}})(?!\d)"
        rf"|{_year(y, 'y')})"
    )


def _chinese_date(n: str, year: str) -> str:
    """A Chinese date from its year slot `year`: 2013年5月22日, 2013年5月, 2013年."""
    return rf"{year}(?:\s*(?P<m{n}_cn>\d{{1,2}})\s*月(?:\s*(?P<d{n}_cn>\d{{1,2}})\s*[日号])?)?"


# The year of a Chinese date written once, before both ends: a number or a relative word.
# 去年 ("last year") and 明年 ("next year") also end 过去, 失去 and 聪明 ("past", "lose",
# "clever") before a word that begins with 年.
NOT_LAST_YEAR = r"(?<![过失聪])"
CHINESE_YEAR = rf"(?:(?P<yl_cn>\d{{4}})\s*年|{NOT_LAST_YEAR}(?P<ry_cn>去年|前年|今年|明年))"

# English and Hebrew periods written once: the qualifier and the year stand for both ends.
DAYS_IN_MONTH = (
    rf"{FROM}{_day('d1', 'a')}{RANGE_SEP}{_day('d2', 'a')}\s+(?:of\s+)?{_month('m2', 'a')}"
)
MONTH_AND_DAYS = rf"{FROM}{_month('m1', 'a')}\s+{_day('d1', 'a')}{RANGE_SEP}{_day('d2', 'a')}"
DAYS_AND_MONTHS = (
    rf"{FROM}{_day('d1', 'a')}\s+(?:of\s+)?{_month('m1', 'a')}{RANGE_SEP}"
    rf"{_day('d2', 'a')}\s+(?:of\s+)?{_month('m2', 'a')}"
)
MONTHS_AND_DAYS = (
    rf"{FROM}{_month('m1', 'a')}\s+{_day('d1', 'a')}{RANGE_SEP}{_month('m2', 'a')}\s+"
    rf"{_day('d2', 'a')}"
)
MONTH_TO_MONTH = rf"{FROM}{_month('m1', 'a')}{RANGE_SEP}{_month('m2', 'a')}"
DAY_AND_MONTH = (
    rf"(?:{_day('d1', 'dm')}\s+(?:of\s+)?{_month('m1', 'dm')}"
    rf"|{_month('m1', 'md')}\s+{_day('d1', 'md')})"
)


def _stated(period: str) -> re.Pattern:
    """`period` with its year written after it and a qualifier before: "c. 5-7 June 2018"."""
    return _compiled(rf"{BEFORE}{_prefix('q', 's')}{period}{_year_tail('s')}{AFTER}")


# The year after a date, which a yearless form leaves to the stated one.
YEAR_FOLLOWS = r",?\s+(?:of\s+)?(?:\[\d{4}\]|\d{4}(?!\d))"


def _yearless(period: str) -> re.Pattern:
    """`period` without a year: the article's date gives it. Not where a year follows: "5 and
    7 June 2018" is two dates of 2018, not "5 and 7 June" of the article's year and "2018"."""
    return _compiled(rf"{BEFORE}{period}{AFTER}(?!{YEAR_FOLLOWS})")


def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


DAYS_IN_MONTH_STATED = _stated(DAYS_IN_MONTH)  # 5-7 June 2018, between 5 and 7 June 2018
MONTH_AND_DAYS_STATED = _stated(MONTH_AND_DAYS)  # June 5-7, 2018
DAYS_AND_MONTHS_STATED = _stated(DAYS_AND_MONTHS)  # 30 May - 2 June 2018
MONTHS_AND_DAYS_STATED = _stated(MONTHS_AND_DAYS)  # May 30 - June 2, 2018
MONTHS_STATED = _stated(MONTH_TO_MONTH)  # April-May 2018
YEARS = _compiled(  # 2017-2018, from 2015 to 2017, c. 1997-1998
    rf"{BEFORE}{_prefix('q', 'r')}{FROM}(?<!\d)(?P<y1_r>\d{{4}}){YEAR_SEP}(?P<y2_r>\d{{4}})(?!\d)"
)
YEARS_INFERRED = _compiled(r"\[(?P<y1b_r>\d{4})-(?P<y2b_r>\d{4})\]")  # [2017-2018]
TWO_DATES = _compiled(  # 5 June 2018 - c. 7 June 2018, March 2012 to May 2013
    rf"{BEFORE}{FROM}{_point('1')}{RANGE_SEP}{_point('2')}{AFTER}"
)
ONE_DATE = _compiled(rf"{BEFORE}{_point('1')}{AFTER}")  # 5 June 2018, c. 1998, by 2015

DAYS_IN_MONTH_YEARLESS = _yearless(DAYS_IN_MONTH)  # 5-7 June
MONTH_AND_DAYS_YEARLESS = _yearless(MONTH_AND_DAYS)  # from June 5 to 7
DAYS_AND_MONTHS_YEARLESS = _yearless(DAYS_AND_MONTHS)  # 30 May - 2 June
MONTHS_AND_DAYS_YEARLESS = _yearless(MONTHS_AND_DAYS)  # May 30 - June 2
MONTHS_YEARLESS = _yearless(MONTH_TO_MONTH)  # from April to May
DAY_AND_MONTH_YEARLESS = _yearless(DAY_AND_MONTH)  # 5 June, June 5th, 5 ביוני
# A month alone is a date after "in" or "during" ("in June"), or alone in a date box;
# a Hebrew one with its "in": ביוני (יוני alone is also a name, Yoni).
MONTH_YEARLESS = _compiled(
    rf"{BEFORE}(?:(?<=\bin )|(?<=\bduring )|^){_month('m1', 'in')}{AFTER}"
    rf"|(?<![{HEBREW}])(?P<m1_he>ו?ב-?(?:{_words(HEBREW_MONTHS)}))(?![{HEBREW}])"
)
# A month alone before a noun, after an article or a possessive: "a June interview", "the
# March meeting", "Haifa's May visit". Not before a word that makes the month a name ("the
# March of Dimes", "May and June" is `MONTHS_YEARLESS`), nor after "this" or "next".
DETERMINER = "|".join(
    [
        *(rf"(?<=\b{word} )" for word in ("a", "an", "the", "its", "his", "her", "their", "our")),
        r"(?<='s )",
        r"(?<=’s )",
    ]
)
NOT_A_NOUN = r"(?:of|on|to|and|or|in|at|for|by|with|from|is|was|said|says)(?![a-z])"
MONTH_BEFORE_NOUN = _compiled(
    rf"(?:{DETERMINER}){_month('m1', 'noun')}(?=\s+(?!{NOT_A_NOUN})(?-i:[a-z]))"
)
LAST_MONTH_NAMED = _compiled(rf"{BEFORE}(?:last|this\s+past)\s+{_month('m', 'last')}{AFTER}")

CHINESE_DAYS = (
    rf"(?P<m1_cn>\d{{1,2}})\s*月\s*(?P<d1_cn>\d{{1,2}})\s*[日号]?{CHINESE_SEP}"
    r"(?P<d2_cn>\d{1,2})(?:\s*[日号]|(?![\d月年]))"
)
CHINESE_MONTHS_AND_DAYS = (
    rf"(?P<m1_cn>\d{{1,2}})\s*月\s*(?P<d1_cn>\d{{1,2}})\s*[日号]?{CHINESE_SEP}"
    r"(?P<m2_cn>\d{1,2})\s*月\s*(?P<d2_cn>\d{1,2})\s*[日号]?"
)
CHINESE_MONTHS = (
    rf"(?P<m1_cn>\d{{1,2}})\s*月?{CHINESE_SEP}(?P<m2_cn>\d{{1,2}})\s*月"
    r"(?!\s*\d)"
)
CHINESE_QUALIFIER = _prefix("q", "cn")


def _chinese(period: str, *, year: bool) -> re.Pattern:
    """A Chinese period with its year written once before it ("2013年5月22日至25日",
    "约2013年5月22日至25日", "从2013年5月22日至25日"), or without one ("5月22日至25日")."""
    before = rf"{CHINESE_QUALIFIER}{CHINESE_FROM}{CHINESE_YEAR}\s*" if year else CHINESE_FROM
    return _compiled(rf"(?<!\d){before}{period}")


CHINESE_DAYS_STATED = _chinese(CHINESE_DAYS, year=True)  # 2013年5月22日至25日
# 2012年3月20日至4月2日
CHINESE_MONTHS_AND_DAYS_STATED = _chinese(CHINESE_MONTHS_AND_DAYS, year=True)
CHINESE_MONTHS_STATED = _chinese(CHINESE_MONTHS, year=True)  # 2018年4月至5月, 2018年4-5月
CHINESE_YEARS = _compiled(  # 2015-2017年, 2015年至2017年
    rf"(?<!\d){CHINESE_QUALIFIER}{CHINESE_FROM}(?P<y1_cn>\d{{4}})\s*年?{CHINESE_SEP}"
    r"(?P<y2_cn>\d{4})\s*年"
)
CHINESE_TWO_DATES = _compiled(  # 2017年12月30日至2018年1月2日
    rf"(?<!\d){CHINESE_FROM}{_chinese_date('1', r'(?P<y1_cn>\d{4})\s*年')}{CHINESE_SEP}"
    rf"{_chinese_date('2', r'(?P<y2_cn>\d{4})\s*年')}"
)
CHINESE_SINCE = _compiled(  # 自2015年以来, 2015年以来, 自2015年起
    rf"(?:自|从)?\s*(?<!\d){_chinese_date('1', r'(?P<y1_cn>\d{4})\s*年')}"
    r"\s*(?P<q_since>以来|起(?![草飞步]))"
)
CHINESE_DATE = _compiled(  # 2013年5月22日, 约1998年, 1998年左右, 去年5月
    rf"(?<!\d){CHINESE_QUALIFIER}{_chinese_date('1', CHINESE_YEAR)}"
    r"(?:\s*(?P<q_after>左右|前后))?"
)
CHINESE_DAYS_YEARLESS = _chinese(CHINESE_DAYS, year=False)  # 5月22-25日
CHINESE_MONTHS_AND_DAYS_YEARLESS = _chinese(CHINESE_MONTHS_AND_DAYS, year=False)
CHINESE_MONTHS_YEARLESS = _chinese(CHINESE_MONTHS, year=False)  # 4月至5月
CHINESE_DATE_YEARLESS = _compiled(  # 5月22日, 5月
    r"(?<!\d)(?P<m1_cn>\d{1,2})\s*月(?:\s*(?P<d1_cn>\d{1,2})\s*[日号])?"
)

# Days without their month, in the article's month or one 本月, 上月, 下月 name: 19日,
# 10日至14日, 本月10日至14日. Not after a month or a digit (2013年5月22日 is a whole date),
# nor 第3日 ("the third day"), nor before 本, 内, 元, 游: 日本 (Japan), 30日内 ("within 30 days"),
# 30日元 ("30 yen"), 7日游 ("a seven-day tour").
CHINESE_DAYS_OF_MONTH = _compiled(
    rf"(?:(?P<rm_cn>{_words(CHINESE_RELATIVE_MONTHS)})\s*|(?<![\d月年第]))"
    rf"(?P<d1_cn>\d{{1,2}})\s*(?:日\s*)?(?:{CHINESE_SEP}(?P<d2_cn>\d{{1,2}})\s*)?日(?![本内元游])"
)

WORD_BEFORE = rf"(?<![0-9A-Za-z{HEBREW}])"
WORD_AFTER = rf"(?![0-9A-Za-z{HEBREW}])"
# השנה ("this year") is also the year of ראש השנה, the new year's feast.
RELATIVE_YEAR = _compiled(
    rf"{WORD_BEFORE}(?<!ראש ){NOT_LAST_YEAR}(?:{_words(RELATIVE_YEARS)}){WORD_AFTER}"
)
RELATIVE_MONTH = _compiled(rf"{WORD_BEFORE}(?:{_words(RELATIVE_MONTHS)}){WORD_AFTER}")
RELATIVE_DAY = _compiled(rf"{WORD_BEFORE}(?:{_words(RELATIVE_DAYS)}){WORD_AFTER}")
# "earlier this week", 上周, בשבוע שעבר; 上周期 ("the previous cycle"), 本周年 are no weeks.
RELATIVE_WEEK = _compiled(
    rf"{WORD_BEFORE}(?:(?P<part>earlier|later)\s+)?(?P<week>{_words(RELATIVE_WEEKS)})"
    rf"{WORD_AFTER}(?![期边围年岁])"
)
# A weekday, capitalized in English ("Sunday", "last Monday") and with its יום in Hebrew
# ("ביום שלישי"), not when a date follows that says which day it is ("Monday, June 5").
FEAST_BEFORE = "".join(f"(?<!{word} )" for word in FEAST_WORDS)
DATE_FOLLOWS = (
    r",?\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
    rf"(?:(?=(?-i:[A-Z])){ENGLISH_MONTH}|{HEBREW_MONTH})"
)
WEEKDAY = _compiled(
    rf"(?:{BEFORE}(?:(?P<which_en>{_words(w for w in WHICH_WEEKDAY if w.isascii())})\s+)?"
    rf"{FEAST_BEFORE}(?P<wd_en>(?-i:{_words(WEEKDAYS)})){AFTER}"
    rf"|(?<![{HEBREW}])(?:ו?[בלמ]-?)?יום\s+(?P<wd_he>{_words(HEBREW_WEEKDAYS)})"
    rf"(?:\s+(?P<which_he>{_words(w for w in WHICH_WEEKDAY if not w.isascii())}))?"
    rf"(?![{HEBREW}]))(?!{DATE_FOLLOWS})"
)

ENGLISH_YEARS = r"(?P<unit>years?|decades?)"
PAST_YEARS = _compiled(  # for the past two decades, over the past 20 years, the last decade
    rf"{BEFORE}(?:for|over|in|during|throughout|within)\s+(?:the\s+)?(?:past|last|previous)\s+"
    rf"(?:(?P<n>{ENGLISH_NUMBER})\s+)?{ENGLISH_YEARS}{AFTER}"
)
FOR_YEARS = _compiled(  # twin cities for 20 years, for more than a decade
    rf"{BEFORE}for\s+(?:(?:{ROUGHLY})\s+)?(?P<n>{ENGLISH_NUMBER})\s+{ENGLISH_YEARS}"
    rf"(?:\s+now)?{AFTER}"
)
YEARS_AGO = _compiled(  # 20 years ago, two decades ago, some twenty years ago
    rf"{BEFORE}(?:(?:{ROUGHLY})\s+)?(?P<n>{ENGLISH_NUMBER})\s+{ENGLISH_YEARS}\s+ago{AFTER}"
)
CHINESE_YEARS_AGO = _compiled(  # 二十年前, 20多年前
    rf"(?<![\d一二两三四五六七八九十])(?P<n>{CHINESE_NUMBER})\s*多?\s*(?P<unit>年)前(?!后)"
)
CHINESE_PAST_YEARS = _compiled(  # 近20年来, 过去二十年, 20多年来
    rf"(?:近|过去|最近)\s*(?P<n_a>{CHINESE_NUMBER})\s*多?\s*(?P<unit_a>年)(?:来|间|中|里)?"
    rf"|(?<![\d一二两三四五六七八九十])(?P<n_b>{CHINESE_NUMBER})\s*多?\s*(?P<unit_b>年)来"
)
HEBREW_YEARS = (
    rf"(?:(?P<n>\d{{1,3}}|{_words(HEBREW_NUMBERS)})\s+(?P<unit>שנה|שנים|עשורים|עשור)"
    rf"|(?P<unit_one>שנתיים|עשור|שנה))(?![{HEBREW}])"
)
HEBREW_YEARS_AGO = _compiled(rf"(?<![{HEBREW}])לפני\s+(?:כ-?\s*)?{HEBREW_YEARS}")  # לפני 20 שנה
HEBREW_PAST_YEARS = _compiled(  # במשך 20 שנה, כבר עשור
    rf"(?<![{HEBREW}])(?:במשך|כבר|זה)\s+(?:כ-?\s*)?{HEBREW_YEARS}"
)
HEBREW_LAST_YEARS = _compiled(  # ב-20 השנים האחרונות
    rf"(?<![{HEBREW}])(?:ב|במהלך\s+)-?\s*(?:כ-?\s*)?(?P<n>\d{{1,3}})\s+(?P<unit>השנים)\s+האחרונות"
)


# --- Reading a match.


def _parts(match: re.Match) -> dict[str, str]:
    """The match's groups that took part, by role: {"d1": "5", "d2": "7", "m2": "June"}."""
    return {
        name.split("_")[0]: value for name, value in match.groupdict().items() if value is not None
    }


def _needs(today: date | None) -> date:
    if today is None:
        raise _Refused(NEEDS_TODAY)
    return today


def _month_number(text: str | None) -> int | None:
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    for name, number in HEBREW_MONTHS.items():
        if text.endswith(name):
            return number
    return ENGLISH_MONTHS[text.lower()[:3]]


def _qualifier_of(words: str | None, *, inferred: bool) -> str:
    if words is None:
        return Qualifier.INFERRED if inferred else Qualifier.EXACT
    if inferred:
        raise _Refused(
            "has both a qualifier and an inferred year: write “c.” or “by” with the year, "
            "or the year in brackets, not both."
        )
    if _key(words) in NO_LATER_THAN_WORDS:
        return Qualifier.NO_LATER_THAN
    return Qualifier.APPROXIMATE


def _partial(year: int, month: int | None, day: int | None, qualifier: str) -> PartialDate:
    """A checked partial date; its precision is the finest part given."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _Refused(
            f"is not a date this tracker records: its years run from {FIRST_YEAR} to {LAST_YEAR}."
        )
    if month is not None and not 1 <= month <= 12:
        raise _Refused(f"is not a date: there is no month {month}.")
    if day == 0:
        raise _Refused("is not a date: there is no day 0.")
    if day is not None:
        length = calendar.monthrange(year, month)[1]
        if day > length:
            name = MONTHS[month - 1]
            if month == 2:
                name = f"{name} {year}"
            raise _Refused(f"is not a date: {name} has {length} days.")
    precision = Precision.DAY if day is not None else Precision.MONTH if month else Precision.YEAR
    return PartialDate(date(year, month or 1, day or 1), precision, qualifier)


def _infer_year(month: int, day: int | None, today: date) -> int:
    """The year of a day or month written without one: the latest on or before `today`,
    or `today`'s year when it is at most `AHEAD` after it (a visit announced ahead)."""
    for year in range(today.year, today.year - 9, -1):
        try:
            candidate = date(year, month, day or 1)
        except ValueError:  # 29 February of a common year, or no such date at all
            continue
        if year < today.year or candidate <= today + AHEAD:
            return year
    return today.year  # not a date in any year: `_partial` says why


def _read_stated(match: re.Match, today: date | None) -> Span:
    """A date or period of any form that names its parts (`_parts`' roles).

    An end missing a part takes the other end's: "5-7 June" both in June, "June 5-7" too;
    a year written once stands for both ends (after them in English, before them in
    Chinese), and a period that runs over a new year moves the other end's year by one.
    """
    p = _parts(match)
    start_day, end_day = _int(p.get("d1")), _int(p.get("d2"))
    start_month = _month_number(p.get("m1") or (p.get("m2") if start_day else None))
    end_month = _month_number(p.get("m2") or (p.get("m1") if end_day else None))
    is_period = any(role in p for role in ("d2", "m2", "y2", "y2b"))

    shared, shared_inferred = _shared_year(p, today)
    start_year, start_inferred = _own_year(p, "1") or (shared, shared_inferred)
    end_year, end_inferred = _own_year(p, "2") or (shared, shared_inferred)
    if start_year is None:  # no year written: the article's date gives it
        start_year = _infer_year(start_month, start_day, _needs(today))
        end_year, start_inferred, end_inferred = start_year, True, True
    own_years = any(role in p for role in ("y1", "y1b", "y2", "y2b"))
    if is_period and not own_years and _over_new_year(start_month, end_month):
        if "y" in p or "yb" in p:  # "30 December - 2 January 2019"
            start_year -= 1
        else:  # "2018年12月30日至1月2日", or no year at all
            end_year += 1

    words = p.get("q")
    if is_period and words and _key(words) in NO_LATER_THAN_WORDS:
        raise _Refused(
            "gives one bound for a whole period: write each end in full, as "
            "“by 5 June 2015 - by 7 June 2015”."
        )
    start = _partial(
        start_year,
        start_month,
        start_day,
        _qualifier_of(p.get("q1") or words, inferred=start_inferred),
    )
    if not is_period:
        return start, PartialDate(None)
    end = _partial(
        end_year, end_month, end_day, _qualifier_of(p.get("q2") or words, inferred=end_inferred)
    )
    if "joined" in p and not _follows(start, end):
        raise _TwoDates
    if end.value < start.value:
        raise _Refused("ends before it starts.")
    return start, (PartialDate(None) if end == start else end)


def _follows(start: PartialDate, end: PartialDate) -> bool:
    """Whether `end` is the day, month or year right after `start`: then "September 5 and 6"
    names every day of the period 5-6 September, and is that period."""
    return end.precision == start.precision and end.value == start.last_day() + timedelta(days=1)


def _over_new_year(start_month: int | None, end_month: int | None) -> bool:
    """Whether a period written with one year runs into the next: "30 December - 2 January"."""
    return start_month is not None and end_month is not None and end_month < start_month


def _int(text: str | None) -> int | None:
    return None if text is None else int(text)


def _own_year(p: dict, n: str) -> tuple[int, bool] | None:
    """The year end `n` writes for itself ("2018", "[2018]"), and whether it is inferred."""
    if f"y{n}" in p:
        return int(p[f"y{n}"]), False
    if f"y{n}b" in p:
        return int(p[f"y{n}b"]), True
    return None


def _shared_year(p: dict, today: date | None) -> tuple[int | None, bool]:
    """The year written once for both ends ("5-7 June 2018", "去年5月"), whether inferred."""
    for role, inferred in (("y", False), ("yb", True), ("yl", False)):
        if role in p:
            return int(p[role]), inferred
    if "ry" in p:
        return _needs(today).year + RELATIVE_YEARS[p["ry"]], True
    return None, False


def _read_last_month_named(match: re.Match, today: date | None) -> Span:
    """The latest January before the article's month: "last January", "this past January"."""
    today = _needs(today)
    month = _month_number(_parts(match)["m"])
    year = today.year if month < today.month else today.year - 1
    return _partial(year, month, None, Qualifier.INFERRED), PartialDate(None)


def _read_relative_year(match: re.Match, today: date | None) -> Span:
    """The article's year moved by the phrase: "last year", "去年", "השנה"."""
    year = _needs(today).year + RELATIVE_YEARS[_key(match.group())]
    return _partial(year, None, None, Qualifier.INFERRED), PartialDate(None)


def _moved_month(today: date, months: int) -> tuple[int, int]:
    """The year and month `months` after `today`'s (before it when negative)."""
    count = today.year * 12 + today.month - 1 + months
    return count // 12, count % 12 + 1


def _read_relative_month(match: re.Match, today: date | None) -> Span:
    """The article's month moved by the phrase: "last month", "上个月", "החודש"."""
    year, month = _moved_month(_needs(today), RELATIVE_MONTHS[_key(match.group())])
    return _partial(year, month, None, Qualifier.INFERRED), PartialDate(None)


def _read_days_of_month(match: re.Match, today: date | None) -> Span:
    """Days a Chinese report writes without their month ("19日", "10日至14日") are in the
    month it is written in, as its dateline; 本月, 上月, 下月 ("this", "last", "next month")
    name the article's month or move it by one."""
    p = _parts(match)
    year, month = _moved_month(_needs(today), RELATIVE_MONTHS.get(p.get("rm"), 0))
    start = _partial(year, month, int(p["d1"]), Qualifier.INFERRED)
    if "d2" not in p:
        return start, PartialDate(None)
    end = _partial(year, month, int(p["d2"]), Qualifier.INFERRED)
    if end.value < start.value:
        raise _Refused("ends before it starts.")
    return start, (PartialDate(None) if end == start else end)


def _read_relative_day(match: re.Match, today: date | None) -> Span:
    """The article's day moved by the phrase: "yesterday", "今天", "אתמול". In quoted words
    (“Today we open…”) it counts from the day they were said, which an article often does
    not give: the month of that day, which is all it tells (said within days of the report).
    """
    day = _needs(today) + timedelta(days=RELATIVE_DAYS[_key(match.group())])
    if _quoted(match):
        return _partial(day.year, day.month, None, Qualifier.INFERRED), PartialDate(None)
    return _partial(day.year, day.month, day.day, Qualifier.INFERRED), PartialDate(None)


# Quotation marks that open and that close; a straight one does either, except between two
# letters, where it is a Hebrew gershayim (ארה"ב) and no quotation mark.
OPENING_QUOTES, CLOSING_QUOTES = "“„«「『", "”»」』"
STRAIGHT_QUOTE = re.compile(r'(?<![^\W\d_])"|"(?![^\W\d_])')


def _quoted(match: re.Match) -> bool:
    """Whether the match stands inside quotation marks opened earlier in its paragraph."""
    before = match.string[: match.start()].rpartition("\n")[2]
    opened = sum(map(before.count, OPENING_QUOTES)) - sum(map(before.count, CLOSING_QUOTES))
    return opened > 0 or len(STRAIGHT_QUOTE.findall(before)) % 2 == 1


def _read_relative_week(match: re.Match, today: date | None) -> Span:
    """The month of the week the phrase names: "last week", "上周", "בשבוע שעבר". A week
    cannot be stored, and its month is what analysts record; a week across two months gives
    both, as a period. Weeks run from Monday, in Hebrew from Sunday, as Israel counts them;
    "earlier this week" is the days before the article's date, "later" those after it."""
    today = _needs(today)
    week = _key(match.group("week"))
    first_weekday = 6 if "א" <= week[0] <= "ת" else 0
    first = today - timedelta(days=(today.weekday() - first_weekday) % 7)
    first += timedelta(weeks=RELATIVE_WEEKS[week])
    last = first + timedelta(days=6)
    part = _key(match.group("part") or "")
    if part == "earlier":
        last = min(last, today)
    elif part == "later":
        first = max(first, today)
    start = _partial(first.year, first.month, None, Qualifier.INFERRED)
    end = _partial(last.year, last.month, None, Qualifier.INFERRED)
    return start, (PartialDate(None) if end == start else end)


def _read_weekday(match: re.Match, today: date | None) -> Span:
    """The day of that name nearest the article's date on the side its word says: "last
    Monday" before it, "next Monday" after it. A weekday alone ("on Sunday", "ביום שלישי")
    is the latest on or before it: a report tells of the days just past, and of the same
    day when it is that day."""
    today = _needs(today)
    p = _parts(match)
    weekday = (WEEKDAYS | HEBREW_WEEKDAYS)[p["wd"]]
    which = WHICH_WEEKDAY.get(_key(p.get("which", "")), 0)
    if which > 0:
        day = today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
    else:
        back = (today.weekday() - weekday) % 7
        day = today - timedelta(days=(back or 7) if which < 0 else back)
    return _partial(day.year, day.month, day.day, Qualifier.INFERRED), PartialDate(None)


def _read_years_back(match: re.Match, today: date | None) -> Span:
    """A duration counted back from the article's year: "for the past 20 years", said in
    2018, is c. 1998."""
    p = _parts(match)
    unit = _key(p["unit"])
    if "n" not in p and unit in ("years", "שנים", "decades", "עשורים"):
        raise _Refused("does not say how many years: write the year, as “c. 1998”.")
    years = _number(p.get("n", "1")) * YEARS_IN_UNIT[unit]
    start = _partial(_needs(today).year - years, None, None, Qualifier.APPROXIMATE)
    return start, PartialDate(None)


def _number(text: str) -> int:
    """A count written in digits, English or Hebrew words, or Chinese numerals."""
    text = _key(text)
    if text.isdigit():
        return int(text)
    if text in ENGLISH_NUMBERS:
        return ENGLISH_NUMBERS[text]
    if text in HEBREW_NUMBERS:
        return HEBREW_NUMBERS[text]
    if text[:1].isascii():  # "twenty-five"
        tens, units = re.split(r"[-\s]", text)
        return ENGLISH_TENS[tens] + ENGLISH_NUMBERS[units]
    tens, ten, units = text.partition("十")
    if not ten:
        return CHINESE_DIGITS[text]
    return CHINESE_DIGITS.get(tens, 1) * 10 + CHINESE_DIGITS.get(units, 0)


Reader = Callable[[re.Match, date | None], Span]


@dataclass(frozen=True)
class Form:
    pattern: re.Pattern
    read: Reader


# Most specific first: of two forms that read the same text, the first is taken.
FORMS = [
    *(
        Form(pattern, _read_stated)
        for pattern in (
            DAYS_IN_MONTH_STATED,
            MONTH_AND_DAYS_STATED,
            DAYS_AND_MONTHS_STATED,
            MONTHS_AND_DAYS_STATED,
            MONTHS_STATED,
            YEARS,
            YEARS_INFERRED,
            TWO_DATES,
            ONE_DATE,
            CHINESE_DAYS_STATED,
            CHINESE_MONTHS_AND_DAYS_STATED,
            CHINESE_MONTHS_STATED,
            CHINESE_YEARS,
            CHINESE_TWO_DATES,
            CHINESE_SINCE,
            CHINESE_DATE,
            DAYS_IN_MONTH_YEARLESS,
            MONTH_AND_DAYS_YEARLESS,
            DAYS_AND_MONTHS_YEARLESS,
            MONTHS_AND_DAYS_YEARLESS,
            MONTHS_YEARLESS,
            DAY_AND_MONTH_YEARLESS,
            MONTH_YEARLESS,
            MONTH_BEFORE_NOUN,
            CHINESE_DAYS_YEARLESS,
            CHINESE_MONTHS_AND_DAYS_YEARLESS,
            CHINESE_MONTHS_YEARLESS,
            CHINESE_DATE_YEARLESS,
        )
    ),
    Form(LAST_MONTH_NAMED, _read_last_month_named),
    Form(RELATIVE_YEAR, _read_relative_year),
    Form(RELATIVE_MONTH, _read_relative_month),
    Form(RELATIVE_DAY, _read_relative_day),
    Form(RELATIVE_WEEK, _read_relative_week),
    Form(WEEKDAY, _read_weekday),
    Form(CHINESE_DAYS_OF_MONTH, _read_days_of_month),
    *(
        Form(pattern, _read_years_back)
        for pattern in (
            PAST_YEARS,
            FOR_YEARS,
            YEARS_AGO,
            CHINESE_YEARS_AGO,
            CHINESE_PAST_YEARS,
            HEBREW_YEARS_AGO,
            HEBREW_PAST_YEARS,
            HEBREW_LAST_YEARS,
        )
    ),
]


def _day_of(today: date | datetime | None) -> date | None:
    return today.date() if isinstance(today, datetime) else today


def read_date(text: str, *, today: date | None = None) -> DateReading:
    """The date or period `text` names, all of it (a date box); `today` is the article's
    date, for phrases that do not give their year. Empty text is no date."""
    today = _day_of(today)
    phrase = _normalized(text).strip()
    if not phrase:
        return DateReading(text, PartialDate(None), PartialDate(None))
    for form in FORMS:
        match = form.pattern.fullmatch(phrase)
        if match:
            try:
                return DateReading(text, *form.read(match, today))
            except _Refused as refused:
                raise DateNotUnderstood(f"“{text.strip()}” {refused.reason}") from None
    raise DateNotUnderstood(NOT_UNDERSTOOD.format(text=text.strip()))


def find_dates(text: str, *, today: date | None = None) -> list[DatePhrase]:
    """Every date phrase in `text`, in order and not overlapping: at each position the
    longest. Phrases that need `today` are skipped without it, and phrases shaped like a
    date that is none ("31 June 2018") are skipped whole."""
    today = _day_of(today)
    searched = _normalized(text)
    candidates = sorted(
        (match.start(), -match.end(), order, match)
        for order, form in enumerate(FORMS)
        for match in form.pattern.finditer(searched)
        if match.end() > match.start()
    )
    phrases, taken = [], 0
    for start, negative_end, order, match in candidates:
        end = -negative_end
        if start < taken or _lowercase_month(match):
            continue
        try:
            reading = DateReading(text[start:end], *FORMS[order].read(match, today))
        except _TwoDates:  # each of the two dates may yet be found on its own
            continue
        except _Refused:  # a phrase shaped like a date that is none: skipped whole
            taken = end
            continue
        taken = end
        phrases.append(DatePhrase(text[start:end], start, end, reading))
    return phrases


def _lowercase_month(match: re.Match) -> bool:
    """An English month name in lower case ("they may 5…"): articles capitalize months."""
    return any(
        name.startswith("m") and value.isascii() and value.rstrip(".").isalpha() and value.islower()
        for name, value in match.groupdict().items()
        if value
    )
