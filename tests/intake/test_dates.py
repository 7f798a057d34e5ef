from datetime import date, datetime, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cooperation.intake.dates import (
    DateNotUnderstood,
    DatePhrase,
    DateReading,
    find_dates,
    read_date,
)
from cooperation.partial_dates import PartialDate, Precision, Qualifier, format_span, written_date

DAY, MONTH, YEAR = Precision.DAY, Precision.MONTH, Precision.YEAR
EXACT, APPROXIMATE = Qualifier.EXACT, Qualifier.APPROXIMATE
INFERRED, NO_LATER_THAN = Qualifier.INFERRED, Qualifier.NO_LATER_THAN
NONE = PartialDate(None)
# The publication date of the made-up articles below.
ARTICLE = date(2018, 6, 8)


def on(y, m, d, qualifier=EXACT):
    return PartialDate(date(y, m, d), DAY, qualifier)


def in_month(y, m, qualifier=EXACT):
    return PartialDate(date(y, m, 1), MONTH, qualifier)


def in_year(y, qualifier=EXACT):
    return PartialDate(date(y, 1, 1), YEAR, qualifier)


def dates_of(text, today=None):
    reading = read_date(text, today=today)
    return reading.start, reading.end


def test_a_range_within_one_month_gives_two_days_of_one_month():
    reading = read_date("5-7 June 2018")
    assert reading == DateReading("5-7 June 2018", on(2018, 6, 5), on(2018, 6, 7))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("5 June 2018", on(2018, 6, 5), NONE),
        ("June 5, 2018", on(2018, 6, 5), NONE),
        ("2018-06-05", on(2018, 6, 5), NONE),
        ("June 2018", in_month(2018, 6), NONE),
        ("2015", in_year(2015), NONE),
        ("5th June 2018", on(2018, 6, 5), NONE),
        ("June 5th, 2018", on(2018, 6, 5), NONE),
        ("5th of June 2018", on(2018, 6, 5), NONE),
        ("Sept. 9, 2016", on(2016, 9, 9), NONE),
        ("20-27 March 2012", on(2012, 3, 20), on(2012, 3, 27)),
        ("20–27 March 2012", on(2012, 3, 20), on(2012, 3, 27)),
        ("20 — 27 March 2012", on(2012, 3, 20), on(2012, 3, 27)),
        ("5 to 7 June 2018", on(2018, 6, 5), on(2018, 6, 7)),
        ("from 5 until 7 June 2018", on(2018, 6, 5), on(2018, 6, 7)),
        ("between 5 and 7 June 2018", on(2018, 6, 5), on(2018, 6, 7)),
        ("June 5 through 7, 2018", on(2018, 6, 5), on(2018, 6, 7)),
        ("30 May - 2 June 2018", on(2018, 5, 30), on(2018, 6, 2)),
        ("May 30 - June 2, 2018", on(2018, 5, 30), on(2018, 6, 2)),
        ("April-May 2018", in_month(2018, 4), in_month(2018, 5)),
        ("March 2012 to May 2013", in_month(2012, 3), in_month(2013, 5)),
        ("2017-2018", in_year(2017), in_year(2018)),
        ("2017–2018", in_year(2017), in_year(2018)),
        ("from 2015 to 2017", in_year(2015), in_year(2017)),
        ("between 2015 and 2017", in_year(2015), in_year(2017)),
        ("5 June 2018 - 7 June 2018", on(2018, 6, 5), on(2018, 6, 7)),
        ("June 2018 - 2019", in_month(2018, 6), in_year(2019)),
        ("2013年5月22日至25日", on(2013, 5, 22), on(2013, 5, 25)),
        ("2013年5月22-25日", on(2013, 5, 22), on(2013, 5, 25)),
        ("2013年5月22日到25日", on(2013, 5, 22), on(2013, 5, 25)),
        ("2013年5月22日～25日", on(2013, 5, 22), on(2013, 5, 25)),
        ("2013年5月22日—25日", on(2013, 5, 22), on(2013, 5, 25)),
        ("2013年5月22日", on(2013, 5, 22), NONE),
        ("2013 年 5 月 22 日", on(2013, 5, 22), NONE),
        ("2013年5月", in_month(2013, 5), NONE),
        ("2013年", in_year(2013), NONE),
        ("２０１３年", in_year(2013), NONE),
        ("２０１３年５月２２日", on(2013, 5, 22), NONE),
        ("2012年3月20日至4月2日", on(2012, 3, 20), on(2012, 4, 2)),
        ("2018年4月至5月", in_month(2018, 4), in_month(2018, 5)),
        ("2015-2017年", in_year(2015), in_year(2017)),
        ("2015年至2017年", in_year(2015), in_year(2017)),
        ("2017年12月30日至2018年1月2日", on(2017, 12, 30), on(2018, 1, 2)),
        ("5 ביוני 2018", on(2018, 6, 5), NONE),
        ("5-7 ביוני 2018", on(2018, 6, 5), on(2018, 6, 7)),
        ("בין 5 ל-7 ביוני 2018", on(2018, 6, 5), on(2018, 6, 7)),
        ("ביוני 2018", in_month(2018, 6), NONE),
        ("יוני 2018", in_month(2018, 6), NONE),
        ("מ-2015 עד 2017", in_year(2015), in_year(2017)),
        ("5.6.2018", on(2018, 6, 5), NONE),
        ("  5 June 2018 ", on(2018, 6, 5), NONE),
    ],
)
def test_a_date_stated_in_full_is_exact(text, start, end):
    assert dates_of(text) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("June 5 to 7", on(2018, 6, 5, INFERRED), on(2018, 6, 7, INFERRED)),
        ("from June 5 to 7", on(2018, 6, 5, INFERRED), on(2018, 6, 7, INFERRED)),
        ("May 22", on(2018, 5, 22, INFERRED), NONE),
        ("5 June", on(2018, 6, 5, INFERRED), NONE),
        ("5月22日至25日", on(2018, 5, 22, INFERRED), on(2018, 5, 25, INFERRED)),
        ("5月22-25日", on(2018, 5, 22, INFERRED), on(2018, 5, 25, INFERRED)),
        ("5月", in_month(2018, 5, INFERRED), NONE),
        ("去年5月", in_month(2017, 5, INFERRED), NONE),
        ("5 ביוני", on(2018, 6, 5, INFERRED), NONE),
        ("ביוני", in_month(2018, 6, INFERRED), NONE),
        ("this past January", in_month(2018, 1, INFERRED), NONE),
        ("last January", in_month(2018, 1, INFERRED), NONE),
        ("last June", in_month(2017, 6, INFERRED), NONE),
        ("last year", in_year(2017, INFERRED), NONE),
        ("去年", in_year(2017, INFERRED), NONE),
        ("בשנה שעברה", in_year(2017, INFERRED), NONE),
        ("this year", in_year(2018, INFERRED), NONE),
        ("今年", in_year(2018, INFERRED), NONE),
        ("השנה", in_year(2018, INFERRED), NONE),
        ("last month", in_month(2018, 5, INFERRED), NONE),
        ("上个月", in_month(2018, 5, INFERRED), NONE),
        ("yesterday", on(2018, 6, 7, INFERRED), NONE),
        ("昨天", on(2018, 6, 7, INFERRED), NONE),
        ("today", on(2018, 6, 8, INFERRED), NONE),
        ("今天", on(2018, 6, 8, INFERRED), NONE),
    ],
)
def test_a_year_left_out_is_inferred_from_the_article_date(text, start, end):
    assert dates_of(text, today=ARTICLE) == (start, end)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("June 7", 2018),  # the day before the article
        ("July 20", 2018),  # 42 days ahead: announced
        ("August 6", 2018),  # 59 days ahead
        ("August 10", 2017),  # 63 days ahead: last year's
        ("December 5", 2017),
        ("September", 2017),  # its first day 85 days ahead
    ],
)
def test_a_day_without_a_year_is_the_latest_on_or_before_the_article_or_within_60_days(text, year):
    start, _ = dates_of(text, today=ARTICLE)
    assert (start.year, start.qualifier) == (year, INFERRED)


def test_last_january_read_in_january_is_the_previous_years():
    assert dates_of("last January", today=date(2019, 1, 20)) == (
        in_month(2018, 1, INFERRED),
        NONE,
    )


def test_a_yearless_period_over_the_new_year_ends_in_the_next_year():
    assert dates_of("30 December - 2 January", today=date(2019, 1, 5)) == (
        on(2018, 12, 30, INFERRED),
        on(2019, 1, 2, INFERRED),
    )


@pytest.mark.parametrize(
    "text",
    ["30 December - 2 January 2019", "December 30 - January 2, 2019", "2018年12月30日至1月2日"],
)
def test_a_period_with_one_year_written_over_the_new_year_gives_the_other_end_its_year(text):
    assert dates_of(text) == (on(2018, 12, 30), on(2019, 1, 2))


def test_the_29th_of_february_without_a_year_is_the_latest_leap_years():
    assert dates_of("29 February", today=ARTICLE) == (on(2016, 2, 29, INFERRED), NONE)


def test_a_datetime_serves_as_the_article_date():
    assert dates_of("May 22", today=datetime(2018, 6, 8, 14, 30)) == (
        on(2018, 5, 22, INFERRED),
        NONE,
    )


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("c. 1998", in_year(1998, APPROXIMATE), NONE),
        ("ca. 1998", in_year(1998, APPROXIMATE), NONE),
        ("circa 1998", in_year(1998, APPROXIMATE), NONE),
        ("around 1998", in_year(1998, APPROXIMATE), NONE),
        ("about 1998", in_year(1998, APPROXIMATE), NONE),
        ("约1998年", in_year(1998, APPROXIMATE), NONE),
        ("1998年左右", in_year(1998, APPROXIMATE), NONE),
        ("בערך 1998", in_year(1998, APPROXIMATE), NONE),
        ("c. June 2018", in_month(2018, 6, APPROXIMATE), NONE),
        ("c. 5-7 June 2018", on(2018, 6, 5, APPROXIMATE), on(2018, 6, 7, APPROXIMATE)),
        ("c. 1997-1998", in_year(1997, APPROXIMATE), in_year(1998, APPROXIMATE)),
        # Ends written each in full carry their own qualifier.
        ("c. 1997 - 1998", in_year(1997, APPROXIMATE), in_year(1998)),
        ("5 June 2018 - c. 7 June 2018", on(2018, 6, 5), on(2018, 6, 7, APPROXIMATE)),
    ],
)
def test_a_vague_date_is_approximate(text, start, end):
    assert dates_of(text) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "for the past two decades",
        "for the past 20 years",
        "over the past 20 years",
        "in the last twenty years",
        "for 20 years",
        "for more than two decades",
        "20 years ago",
        "two decades ago",
        "some twenty years ago",
        "近20年来",
        "近二十年",
        "20多年来",
        "二十年前",
        "20年前",
        "לפני 20 שנה",
        "לפני כ-20 שנים",
        "לפני שני עשורים",
        "במשך 20 שנה",
        "ב-20 השנים האחרונות",
    ],
)
def test_twenty_years_counted_back_from_an_article_of_2018_is_about_1998(text):
    assert dates_of(text, today=ARTICLE) == (in_year(1998, APPROXIMATE), NONE)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("a decade ago", 2008),
        ("for the past decade", 2008),
        ("three decades ago", 1988),
        ("a dozen years ago", 2006),
        ("twenty-five years ago", 1993),
        ("十年前", 2008),
        ("十五年来", 2003),
        ("两年前", 2016),
        ("לפני עשור", 2008),
        ("לפני שנתיים", 2016),
    ],
)
def test_numbers_in_words_and_chinese_numerals_count_years(text, year):
    assert dates_of(text, today=ARTICLE) == (in_year(year, APPROXIMATE), NONE)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("by 2015", in_year(2015, NO_LATER_THAN)),
        ("already by 2015", in_year(2015, NO_LATER_THAN)),
        ("by June 2015", in_month(2015, 6, NO_LATER_THAN)),
        ("since 2015", in_year(2015, NO_LATER_THAN)),
        ("since 5 June 2015", on(2015, 6, 5, NO_LATER_THAN)),
        ("自2015年以来", in_year(2015, NO_LATER_THAN)),
        ("2015年以来", in_year(2015, NO_LATER_THAN)),
        ("自2015年起", in_year(2015, NO_LATER_THAN)),
        ("מאז 2015", in_year(2015, NO_LATER_THAN)),
    ],
)
def test_a_bound_is_no_later_than_and_a_since_starts_a_period_with_no_end(text, start):
    assert dates_of(text) == (start, NONE)


def test_two_bounds_written_each_in_full_are_two_bounds():
    assert dates_of("by 5 June 2015 - by 7 June 2015") == (
        on(2015, 6, 5, NO_LATER_THAN),
        on(2015, 6, 7, NO_LATER_THAN),
    )


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("May [2013]", in_month(2013, 5, INFERRED), NONE),
        ("22-25 May [2013]", on(2013, 5, 22, INFERRED), on(2013, 5, 25, INFERRED)),
        ("[2013]", in_year(2013, INFERRED), NONE),
        ("[2012-2013]", in_year(2012, INFERRED), in_year(2013, INFERRED)),
        ("22 May [2013] - 25 May 2013", on(2013, 5, 22, INFERRED), on(2013, 5, 25)),
        (
            "30 December [2017] - 2 January [2018]",
            on(2017, 12, 30, INFERRED),
            on(2018, 1, 2, INFERRED),
        ),
    ],
)
def test_a_bracketed_year_reads_back_as_inferred_without_the_article_date(text, start, end):
    assert dates_of(text) == (start, end)


@pytest.mark.parametrize(
    "text", ["June 5 to 7", "May 22", "last year", "去年", "20 years ago", "השנה"]
)
def test_a_phrase_read_against_the_article_date_says_it_needs_it(text):
    with pytest.raises(DateNotUnderstood) as error:
        read_date(text)
    assert str(error.value) == (
        f"“{text}” needs the article's date to be read: give the article's publication "
        "date, or write the date in full, as “5 June 2018”."
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("32 June 2018", "“32 June 2018” is not a date: June has 30 days."),
        ("31 June 2018", "“31 June 2018” is not a date: June has 30 days."),
        ("29 February 2019", "“29 February 2019” is not a date: February 2019 has 28 days."),
        ("0 June 2018", "“0 June 2018” is not a date: there is no day 0."),
        ("2018-13-01", "“2018-13-01” is not a date: there is no month 13."),
        ("2018-00-05", "“2018-00-05” is not a date: there is no month 0."),
        ("2013年13月", "“2013年13月” is not a date: there is no month 13."),
        ("7-5 June 2018", "“7-5 June 2018” ends before it starts."),
        ("2018-2017", "“2018-2017” ends before it starts."),
        ("June 2018 - 2017", "“June 2018 - 2017” ends before it starts."),
        (
            "1850",
            "“1850” is not a date this tracker records: its years run from 1900 to 2100.",
        ),
        (
            "c. May [2013]",
            "“c. May [2013]” has both a qualifier and an inferred year: write “c.” or “by” "
            "with the year, or the year in brackets, not both.",
        ),
        (
            "by 5-7 June 2015",
            "“by 5-7 June 2015” gives one bound for a whole period: write each end in full, "
            "as “by 5 June 2015 - by 7 June 2015”.",
        ),
    ],
)
def test_a_calendar_error_is_a_message_in_plain_words(text, message):
    with pytest.raises(DateNotUnderstood) as error:
        read_date(text, today=ARTICLE)
    assert str(error.value) == message


@pytest.mark.parametrize("text", ["next-ish", "5 June - July 2018", "soon", "June the fifth"])
def test_text_that_is_no_date_is_refused_with_the_forms_to_write(text):
    with pytest.raises(DateNotUnderstood) as error:
        read_date(text, today=ARTICLE)
    assert str(error.value) == (
        f"Could not read “{text}”: write a date as “5 June 2018”, “June 2018”, “2018”, "
        "“c. 1998”, “by 2015” or a period “5-7 June 2018”."
    )


def test_date_not_understood_is_a_value_error():
    with pytest.raises(ValueError, match="is not a date"):
        read_date("31 June 2018")


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_box_is_no_date(text):
    assert read_date(text) == DateReading(text, NONE, NONE)
    assert read_date(text).understood() == "no date"


@pytest.mark.parametrize(
    ("text", "understood"),
    [
        ("5-7 June 2018", "5-7 June 2018: day precision"),
        ("circa 1998", "c. 1998: year precision, approximate"),
        ("January [2018]", "January [2018]: month precision, year inferred"),
        ("since 2015", "by 2015: year precision, no later than"),
        ("2013年5月22日至25日", "22-25 May 2013: day precision"),
        (
            "5 June 2018 - c. 7 June 2018",
            "5 June 2018 - c. 7 June 2018: start day precision; end day precision, approximate",
        ),
        (
            "June 2018 - 2019",
            "June 2018 - 2019: start month precision; end year precision",
        ),
    ],
)
def test_understood_writes_the_dates_with_their_precision_and_qualifier(text, understood):
    assert read_date(text).understood() == understood


# --- Round trip: what the site writes, the box reads back.

PRECISIONS = st.sampled_from([DAY, MONTH, YEAR])
QUALIFIERS = st.sampled_from([EXACT, APPROXIMATE, INFERRED, NO_LATER_THAN])
LAST = date(2100, 12, 31)


def stored(value, precision, qualifier):
    return PartialDate(PartialDate(value, precision).first_day(), precision, qualifier)


@st.composite
def partial_dates(draw):
    return stored(draw(st.dates(date(1900, 1, 1), LAST)), draw(PRECISIONS), draw(QUALIFIERS))


@st.composite
def spans(draw):
    """A start and an end as a visit stores them: the end not before the start, not the
    same, often of the start's precision and qualifier and close to it (so that the forms
    written once, "5-7 June 2018", come up as often as those written in full)."""
    start = draw(partial_dates())
    if draw(st.booleans()):
        precision, qualifier = start.precision, start.qualifier
    else:
        precision, qualifier = draw(PRECISIONS), draw(QUALIFIERS)
    days = draw(st.one_of(st.integers(0, 40), st.integers(0, 1200)))
    later = start.value + timedelta(days=days)
    assume(later <= LAST)
    end = stored(later, precision, qualifier)
    assume(end.value >= start.value and end != start)
    return start, end


@settings(max_examples=200, deadline=None)
@given(partial_dates())
def test_whatever_written_date_writes_reads_back_the_same_date(partial):
    written = written_date(partial.value, partial.precision, partial.qualifier)
    assert dates_of(written) == (partial, NONE)


@settings(max_examples=200, deadline=None)
@given(spans())
def test_whatever_format_span_writes_reads_back_the_same_start_and_end(span):
    start, end = span
    written = format_span(start, end)
    reading = read_date(written)
    assert (reading.start, reading.end) == (start, end)
    assert reading.understood().startswith(f"{written}: ")


@settings(max_examples=100, deadline=None)
@given(spans())
def test_what_format_span_writes_is_found_whole_in_a_sentence(span):
    written = format_span(*span)
    text = f"The delegation stayed {written}, the mayor said."
    [phrase] = find_dates(text)
    assert (phrase.text, phrase.start) == (written, text.index(written))
    assert (phrase.reading.start, phrase.reading.end) == span


# --- Finding the dates of an article.


def test_find_dates_gives_every_phrase_in_order_with_its_offsets():
    text = (
        "The two cities signed a friendship agreement on 5 June 2018 in Haifa. A second "
        "delegation came from June 20 to 22, and the mayors have met every year since 2015."
    )
    phrases = find_dates(text, today=date(2018, 7, 1))
    assert [p.text for p in phrases] == ["5 June 2018", "from June 20 to 22", "since 2015"]
    for phrase in phrases:
        assert text[phrase.start : phrase.end] == phrase.text == phrase.reading.text
    assert [(p.reading.start, p.reading.end) for p in phrases] == [
        (on(2018, 6, 5), NONE),
        (on(2018, 6, 20, INFERRED), on(2018, 6, 22, INFERRED)),
        (in_year(2015, NO_LATER_THAN), NONE),
    ]
    assert isinstance(phrases[0], DatePhrase)


def test_the_longest_phrase_at_a_position_wins():
    text = "Officials met from June 5 to 7 and again between 20 and 27 March 2012."
    phrases = find_dates(text, today=ARTICLE)
    assert [p.text for p in phrases] == ["from June 5 to 7", "between 20 and 27 March 2012"]


def test_find_dates_skips_relative_phrases_without_the_article_date():
    text = "Last year the sister city sent a team; on May 22 a forum opened; 2015 saw more."
    assert [p.text for p in find_dates(text)] == ["2015"]
    assert [p.text for p in find_dates(text, today=ARTICLE)] == ["Last year", "May 22", "2015"]


def test_find_dates_reads_durations_against_the_article_date():
    text = "The twin cities have cooperated for the past two decades, officials said."
    [phrase] = find_dates(text, today=ARTICLE)
    assert phrase.text == "for the past two decades"
    assert phrase.reading.start == in_year(1998, APPROXIMATE)


def test_find_dates_in_chinese_text():
    text = "代表团于2013年5月22日至25日访问了海法。两市自2015年以来保持友好关系，去年又签署了协议。"
    phrases = find_dates(text, today=ARTICLE)
    assert [p.text for p in phrases] == ["2013年5月22日至25日", "自2015年以来", "去年"]
    assert [p.reading.start for p in phrases] == [
        on(2013, 5, 22),
        in_year(2015, NO_LATER_THAN),
        in_year(2017, INFERRED),
    ]


def test_find_dates_keeps_the_offsets_of_full_width_digits():
    text = "会议于２０１３年５月２２日举行。"
    [phrase] = find_dates(text)
    assert phrase.text == "２０１３年５月２２日" == text[phrase.start : phrase.end]
    assert phrase.reading.start == on(2013, 5, 22)


def test_find_dates_in_hebrew_text():
    text = "המשלחת ביקרה בעיר בין 5 ל-7 ביוני 2018. שתי הערים משתפות פעולה מאז 2015."
    phrases = find_dates(text)
    assert [p.text for p in phrases] == ["בין 5 ל-7 ביוני 2018", "מאז 2015"]
    assert phrases[0].reading.end == on(2018, 6, 7)
    assert phrases[1].reading.start == in_year(2015, NO_LATER_THAN)


def test_rosh_hashana_is_not_this_year():
    text = "הם נפגשו לפני ראש השנה, והשנה ייפגשו שוב."
    assert [p.text for p in find_dates(text, today=ARTICLE)] == []
    assert [p.text for p in find_dates("השנה ייפגשו שוב", today=ARTICLE)] == ["השנה"]


def test_a_phrase_shaped_like_a_date_that_is_none_is_skipped_whole():
    text = "On 31 June 2018 (sic) tickets cost 1000-2000 yuan; the forum was in 2019."
    assert [p.text for p in find_dates(text)] == ["2019"]


def test_a_lowercase_may_is_not_a_month():
    text = "The mayors may 5 times a year exchange letters; they met May 5, 2018."
    assert [p.text for p in find_dates(text, today=ARTICLE)] == ["May 5, 2018"]


def test_and_joins_two_days_into_a_period_only_after_between():
    phrases = find_dates("Talks were held on 5 and 7 June 2018.")
    assert [(p.text, p.reading.end) for p in phrases] == [("7 June 2018", NONE)]


def test_chinese_words_that_contain_last_year_or_since_are_not_dates():
    text = "过去年代的合作在2018年起草的协议中延续。"
    assert [p.text for p in find_dates(text, today=ARTICLE)] == ["2018年"]
    assert find_dates(text, today=ARTICLE)[0].reading.start == in_year(2018)


# --- Days, weeks and months the article's date gives (ARTICLE, 8 June 2018, is a Friday).


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Friday", 8),  # the article's own weekday is its day
        ("Thursday", 7),
        ("Saturday", 2),  # a weekday alone is the latest on or before the article
        ("Monday", 4),
        ("last Friday", 1),  # "last" is before the article's day
        ("this past Tuesday", 5),
        ("next Friday", 15),
        ("next Monday", 11),
        ("ביום שישי", 8),
        ("ביום שלישי", 5),
        ("יום ראשון", 3),
        ("ביום שני שעבר", 4),
    ],
)
def test_a_weekday_is_the_nearest_day_of_that_name_on_the_side_its_words_say(text, day):
    assert dates_of(text, today=ARTICLE) == (on(2018, 6, day, INFERRED), NONE)


def test_a_weekday_is_found_in_a_report_without_the_on_before_it():
    text = "The mayors toured the port on Tuesday and signed the letter on Wednesday."
    phrases = find_dates(text, today=ARTICLE)
    assert [(p.text, p.reading.start) for p in phrases] == [
        ("Tuesday", on(2018, 6, 5, INFERRED)),
        ("Wednesday", on(2018, 6, 6, INFERRED)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Talks went on all monday.",  # weekdays are capitalized
        "The offices close on Mondays.",
        "Sales rose on Black Friday and fell after Easter Sunday.",
    ],
)
def test_a_weekday_in_lower_case_in_the_plural_or_in_a_feast_name_is_no_date(text):
    assert find_dates(text, today=ARTICLE) == []


def test_a_weekday_followed_by_its_date_leaves_the_date_to_say_the_day():
    text = "The forum opened on Monday, May 28, 2018 and again on Tuesday, 5 ביוני 2018."
    assert [p.text for p in find_dates(text, today=ARTICLE)] == ["May 28, 2018", "5 ביוני 2018"]


def test_a_weekday_needs_the_article_date():
    with pytest.raises(DateNotUnderstood, match="needs the article's date"):
        read_date("Sunday")


@pytest.mark.parametrize(
    "text",
    ["earlier this week", "this week", "later this week", "השבוע", "本周", "这个星期"],
)
def test_this_week_is_the_month_of_the_articles_week(text):
    assert dates_of(text, today=ARTICLE) == (in_month(2018, 6, INFERRED), NONE)


MAY, JUNE, JULY = (in_month(2018, month, INFERRED) for month in (5, 6, 7))


@pytest.mark.parametrize(
    ("text", "today", "start", "end"),
    [
        ("last week", ARTICLE, MAY, JUNE),  # 28 May - 3 June
        ("上周", ARTICLE, MAY, JUNE),
        ("last week", date(2018, 6, 20), JUNE, NONE),
        ("next week", ARTICLE, JUNE, NONE),
        ("下周", date(2018, 6, 28), JULY, NONE),
        ("earlier this week", date(2018, 7, 31), JULY, NONE),  # 30 and 31 July only
        ("later this week", date(2018, 6, 28), JUNE, JULY),
        # On Sunday 3 June 2018 the ISO week before ran 21-27 May; the Israeli week, which
        # starts on Sunday, ran 27 May - 2 June.
        ("last week", date(2018, 6, 3), MAY, NONE),
        ("בשבוע שעבר", date(2018, 6, 3), MAY, JUNE),
    ],
)
def test_a_week_across_two_months_is_the_period_of_both(text, today, start, end):
    assert dates_of(text, today=today) == (start, end)


def test_a_chinese_word_that_begins_with_a_week_word_is_no_week():
    assert find_dates("本周期的合作", today=ARTICLE) == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("19日", on(2018, 6, 19, INFERRED), NONE),
        ("3日", on(2018, 6, 3, INFERRED), NONE),
        ("10日至14日", on(2018, 6, 10, INFERRED), on(2018, 6, 14, INFERRED)),
        ("10至14日", on(2018, 6, 10, INFERRED), on(2018, 6, 14, INFERRED)),
        ("本月10日至14日", on(2018, 6, 10, INFERRED), on(2018, 6, 14, INFERRED)),
        ("上月25日", on(2018, 5, 25, INFERRED), NONE),
        ("上个月2日至4日", on(2018, 5, 2, INFERRED), on(2018, 5, 4, INFERRED)),
        ("下月1日", on(2018, 7, 1, INFERRED), NONE),
    ],
)
def test_chinese_days_without_a_month_are_in_the_articles_month_or_the_one_named(text, start, end):
    assert dates_of(text, today=ARTICLE) == (start, end)


def test_a_chinese_day_after_its_month_is_part_of_the_whole_date():
    text = "代表团于5月28日抵达，29日签署协议，2017年3月9日曾来访。"
    phrases = find_dates(text, today=ARTICLE)
    assert [p.text for p in phrases] == ["5月28日", "29日", "2017年3月9日"]
    assert phrases[1].reading.start == on(2018, 6, 29, INFERRED)


@pytest.mark.parametrize(
    "text",
    ["他们访问了日本。", "须在30日内答复。", "展会第3日举行论坛。", "票价30日元。", "参加7日游。"],
)
def test_chinese_words_with_a_number_before_the_sun_character_are_no_days(text):
    assert find_dates(text, today=ARTICLE) == []


def test_a_chinese_day_the_articles_month_lacks_is_refused():
    with pytest.raises(DateNotUnderstood, match="June has 30 days"):
        read_date("31日", today=ARTICLE)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("September 5 and 6", on(2017, 9, 5, INFERRED), on(2017, 9, 6, INFERRED)),
        ("5 and 6 June 2018", on(2018, 6, 5), on(2018, 6, 6)),
        ("May 31 and June 1", on(2018, 5, 31, INFERRED), on(2018, 6, 1, INFERRED)),
        ("5 ו-6 ביוני", on(2018, 6, 5, INFERRED), on(2018, 6, 6, INFERRED)),
        ("April and May 2018", in_month(2018, 4), in_month(2018, 5)),
        ("2015 and 2016", in_year(2015), in_year(2016)),
    ],
)
def test_two_dates_joined_by_and_are_a_period_when_the_second_directly_follows(text, start, end):
    assert dates_of(text, today=ARTICLE) == (start, end)


def test_two_days_joined_by_and_that_leave_a_gap_are_refused_in_a_date_box():
    with pytest.raises(DateNotUnderstood) as error:
        read_date("5 and 7 June 2018")
    assert str(error.value) == (
        "“5 and 7 June 2018” names two dates, not one period: write one date, or the period "
        "as “5-7 June 2018”."
    )


def test_two_days_joined_by_and_that_leave_a_gap_are_each_found_in_an_article():
    phrases = find_dates("The team came on June 1 and June 4.", today=ARTICLE)
    assert [(p.text, p.reading.end) for p in phrases] == [("June 1", NONE), ("June 4", NONE)]


@pytest.mark.parametrize(
    ("text", "phrase", "month"),
    [
        ("In a June interview the mayor spoke of trade.", "June", 6),
        ("The March meeting was short.", "March", 3),
        ("Haifa's April visit went well.", "April", 4),
        ("Their July forum is announced.", "July", 7),  # 23 days ahead: this year's
    ],
)
def test_a_month_alone_before_a_noun_is_inferred_like_in_june(text, phrase, month):
    [found] = find_dates(text, today=ARTICLE)
    assert found.text == phrase
    assert found.reading.start == in_month(2018, month, INFERRED)


@pytest.mark.parametrize(
    "text",
    [
        "They said the may meeting was useful.",
        "Donors gave to the March of Dimes.",
        "The March on the capital was peaceful.",
    ],
)
def test_a_month_before_a_noun_is_capitalized_and_not_part_of_a_name(text):
    assert find_dates(text, today=ARTICLE) == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ('The mayor said: "Today we open our office here."', in_month(2018, 6, INFERRED)),
        ("“Yesterday we signed,” she told the press.", in_month(2018, 6, INFERRED)),
        ('"We signed." Today the office opened.', on(2018, 6, 8, INFERRED)),
        ("Today the office opened.", on(2018, 6, 8, INFERRED)),
        ('מנכ"ל העירייה הגיע היום.', on(2018, 6, 8, INFERRED)),
    ],
)
def test_today_in_quoted_words_is_only_the_month_they_were_said_in(text, start):
    [found] = find_dates(text, today=ARTICLE)
    assert found.reading.start == start


def test_a_quotation_opened_in_an_earlier_paragraph_does_not_reach_the_next():
    text = 'He said: "We came to learn.\n\nToday the office opened.'
    [found] = find_dates(text, today=ARTICLE)
    assert found.reading.start == on(2018, 6, 8, INFERRED)
