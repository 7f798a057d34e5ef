"""Quotes are checked against the article's text, spaces and punctuation aside."""

import pytest

from cooperation.quotes import closest_passage, occurs, quote_error
from tests.support.factories import ARTICLE

CHINESE = (
    "新华社成都5月3日电。成都市代表团于周一抵达海法，进行为期三天的会谈。"
    "双方同意明年春天在成都再次会面。"
)
HEBREW = "משלחת מצ'נגדו הגיעה לחיפה ביום שני לשלושה ימי שיחות עם ראשי העירייה."


@pytest.mark.parametrize(
    "quote",
    [
        "led by deputy mayor Liu Wei",
        "led by deputy mayor  Liu\nWei",  # a line break where the page wrapped
        "“We came to learn how a port city turns research into companies”",  # curly quotes
        "LED BY DEPUTY MAYOR LIU WEI",
        "Chengdu led by deputy mayor",  # the comma dropped
        "Ｌｉｕ Ｗｅｉ",  # full-width letters
    ],
)
def test_a_quote_occurs_whatever_its_spaces_punctuation_case_and_width(quote):
    assert occurs(quote, ARTICLE)
    assert quote_error(quote, ARTICLE) is None


def test_chinese_and_hebrew_quotes_ignore_their_own_punctuation():
    assert occurs("成都市代表团于周一抵达海法进行为期三天的会谈", CHINESE)
    assert occurs("抵达海法，进行为期三天的会谈。", CHINESE)
    assert occurs("משלחת מצ׳נגדו הגיעה לחיפה", HEBREW)  # geresh for the apostrophe
    assert not occurs("成都市代表团于周二抵达海法", CHINESE)


def test_a_misquote_is_refused_with_the_closest_passage():
    message = quote_error("led by deputy mayor Li Wei", ARTICLE)
    assert "not in the source's text" in message
    assert "led by deputy mayor Liu Wei" in message


def test_the_closest_passage_is_cut_from_the_text_with_a_little_context():
    passage = closest_passage("three days of talk with city officials", ARTICLE)
    assert "three days of talks with city officials" in passage
    assert passage.startswith("…") and len(passage) < 100


def test_words_that_are_not_in_the_text_at_all_still_get_an_answer():
    message = quote_error("Tel Aviv signed a twinning agreement", ARTICLE)
    assert message.startswith("This quote is not in the source's text")


@pytest.mark.parametrize("quote", ["", "  ", "“”", "..."])
def test_a_quote_without_words_is_refused(quote):
    assert quote_error(quote, ARTICLE) == "Quote the words of the article that support the fact."
