"""An article's text and metadata from HTML and from pasted text, on pages written here."""

from datetime import date

import pytest

from cooperation.intake.extract import extract, text_language

ARTICLE = [
    "A delegation of twelve officials from Chengdu arrived in Haifa on Monday for talks.",
    "The two sides signed a memorandum of understanding on leak detection in water networks.",
    "Engineers from the Haifa water utility will spend two weeks in Sichuan next autumn.",
    "The head of the delegation said her city hoped to open a liaison office within two years.",
]
NAVIGATION = "Markets and harbour business"
RELATED = "Harbour workers threaten a strike over night shifts at the container terminal."
COMMENT = "I have lived near the bay for thirty years and nobody ever fixed the leaking pipes."
FOOTER = "Copyright 2019 Coastal Ledger Media, all rights reserved."


def news_page(*, head="", lang="en", title="Chengdu delegation signs memorandum in Haifa",
              paragraphs=ARTICLE, dateline="22 May 2019", extra=""):  # fmt: skip
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{title} | Coastal Ledger</title>{head}</head><body>
<nav><ul><li><a href="/">Front page</a></li><li><a href="/b">{NAVIGATION}</a></li></ul></nav>
<article><h1>{title}</h1><p class="byline">By Dana Levi</p><p class="date">{dateline}</p>
{body}{extra}</article>
<aside><h2>Related stories</h2><ul><li><a href="/r">{RELATED}</a></li></ul></aside>
<section id="comments"><h2>Comments</h2><div class="comment"><p>{COMMENT}</p></div></section>
<footer><p>{FOOTER}</p></footer></body></html>"""


PUBLISHED = '<meta property="article:published_time" content="2019-05-22T08:15:00+03:00">'
MODIFIED = '<meta property="article:modified_time" content="2021-03-01T11:40:00+02:00">'
SITE = '<meta property="og:site_name" content="Coastal Ledger">'


def test_the_article_text_is_kept_and_navigation_related_stories_comments_footer_left_out():
    article = extract(news_page(head=PUBLISHED + SITE), url="https://coastal.example/a/1")
    for sentence in ARTICLE:
        assert sentence in article.text
    for boilerplate in (NAVIGATION, RELATED, COMMENT, FOOTER):
        assert boilerplate not in article.text


def test_title_publisher_date_and_language_come_from_the_page():
    article = extract(news_page(head=PUBLISHED + MODIFIED + SITE), url="https://coastal.example/a")
    assert article.title == "Chengdu delegation signs memorandum in Haifa"
    assert article.publisher == "Coastal Ledger"
    assert article.published == date(2019, 5, 22)
    assert article.language == "en"


def test_the_publisher_is_the_host_name_when_the_page_names_no_site():
    article = extract(news_page(), url="https://www.negevweekly.example/story/4471")
    assert article.publisher == "negevweekly.example"


def test_the_date_written_in_the_page_wins_over_a_last_modified_meta():
    page = news_page(
        head='<meta name="last-modified" content="2020-07-09">',
        dateline="Published 14 March 2018, 10:05",
    )
    assert extract(page).published == date(2018, 3, 14)


def test_a_page_without_a_date_has_none_not_its_copyright_year():
    assert extract(news_page(dateline="By the newsroom")).published is None


def test_a_table_in_the_article_is_kept():
    table = (
        "<table><tr><th>Project</th><th>Parties</th></tr>"
        "<tr><td>A joint laboratory for desalination membranes</td><td>Haifa and Chengdu</td></tr>"
        "</table>"
    )
    article = extract(news_page(extra=table))
    assert "A joint laboratory for desalination membranes" in article.text


CHINESE = [
    "6月10日至12日，深圳市代表团一行十五人对以色列海法市进行了为期三天的友好访问。",
    "访问期间，代表团与海法市政府官员举行了会谈，双方就科技创新和人才交流交换了意见。",
    "两市代表在海法市政厅签署了创新合作意向书，约定共同推动两地高校开展联合研发。",
    "根据意向书，深圳将在明年邀请海法的初创企业参加高交会，并为其提供展位和对接服务。",
    "海法市副市长表示，海法的理工院校和深圳的制造业优势可以形成良好的互补。",
    "代表团还参观了海法港和一家从事海水淡化技术的企业，并与当地华人商会进行了座谈。",
]
HEBREW = [
    "ראש עיריית כרמיאל חתם השבוע על מכתב כוונות לשיתוף פעולה עם העיר צ'אנגג'ואו שבסין.",
    "הטקס נערך בבית העירייה בהשתתפות משלחת של שמונה נציגים מהעירייה הסינית.",
    "לפי המסמך, שתי הערים יבחנו הקמה של מרכז משותף להכשרה מקצועית בתחום הייצור.",
]


def test_a_chinese_page_declared_english_by_its_template_is_chinese():
    page = news_page(
        lang="en", title="深圳代表团访问海法", paragraphs=CHINESE, dateline="2019年06月12日 09:30"
    )
    article = extract(page)
    assert article.language == "zh"
    assert article.title == "深圳代表团访问海法"
    assert CHINESE[0] in article.text
    assert article.published == date(2019, 6, 12)


def test_a_hebrew_page_is_hebrew_with_its_date():
    page = news_page(
        lang="he", title="מכתב כוונות עם צ'אנגג'ואו", paragraphs=HEBREW, dateline="12.03.2019"
    )
    article = extract(page, url="https://www.hamifratz.example/news/77310")
    assert article.language == "he"
    assert HEBREW[1] in article.text
    assert article.published == date(2019, 3, 12)


def test_latin_text_declared_in_another_language_is_other():
    assert extract(news_page(lang="fr-FR")).language == "other"


def test_an_xhtml_page_with_an_xml_declaration_is_read():
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + news_page(head=PUBLISHED)
    article = extract(page)
    assert ARTICLE[0] in article.text
    assert article.published == date(2019, 5, 22)


def test_html_without_any_text_gives_empty_text_and_no_date():
    article = extract("<html><head><title>Nothing</title></head><body></body></html>")
    assert article.text == ""
    assert article.published is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Haifa delegation met officials in 深圳 on Monday to discuss a water project.", "en"),
        ("深圳市代表团访问了海法（Haifa）和特拉维夫（Tel Aviv）。", "zh"),
        ("משלחת מחיפה (Haifa) נפגשה עם פקידים בשנג'ן.", "he"),
        ("Делегация из Хайфы посетила Шэньчжэнь.", "other"),
        ("2019 — 12 — 05", "other"),
    ],
)
def test_the_language_is_the_script_most_of_the_text_is_in(text, language):
    assert text_language(text) == language


PASTED = """

Beersheba and Harbin mark ten years of twinning
By a staff writer | 14 March 2018

Forty young musicians from Harbin landed in Israel on Sunday to play three concerts.
The mayor said the twinning agreement signed in 2008 had led to student exchanges.
"""


def test_pasted_text_is_its_own_text_with_its_first_line_as_title():
    article = extract(PASTED, url="https://www.negevweekly.example/story/4471")
    assert article.title == "Beersheba and Harbin mark ten years of twinning"
    assert article.text == PASTED.strip()
    assert article.language == "en"
    assert article.publisher == "negevweekly.example"
    assert article.published == date(2018, 3, 14)


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("By Dana Levi | 22 May 2019", date(2019, 5, 22)),
        ("June 5, 2019", date(2019, 6, 5)),
        ("Sept. 5, 2019 10:00", date(2019, 9, 5)),
        ("2019-06-12 09:30", date(2019, 6, 12)),
        ("2019年06月12日 09:30 来源：滨海新闻网", date(2019, 6, 12)),
        ("פורסם: 12.03.2019 14:20", date(2019, 3, 12)),
        ("יום שלישי, 5 בנובמבר 2019", date(2019, 11, 5)),
    ],
)
def test_the_date_line_under_the_title_gives_the_date(line, published):
    assert extract(f"A title\n{line}\n\nThe article's first sentence.").published == published


@pytest.mark.parametrize(
    "text",
    [
        "A title\nUpdated 5 June 2019\n\nThe article's text.",
        "A title\n\nThe twinning agreement signed on 5 June 2008 led to exchanges of students.",
        "A title\n" + "A line of the article.\n" * 6 + "5 June 2019\n",
        "A title\nBy Dana Levi\n\n31.02.2019 is not a date.",
    ],
)
def test_pasted_text_has_no_date_but_its_date_line(text):
    assert extract(text).published is None


def test_pasted_text_mentioning_a_tag_is_not_read_as_html():
    text = "Haifa <-> Chengdu flights\n\nThe route would cut travel times, officials said."
    article = extract(text)
    assert article.title == "Haifa <-> Chengdu flights"
    assert article.text == text


def test_pasted_chinese_and_hebrew_text_take_their_script_language():
    assert extract("\n".join(CHINESE)).language == "zh"
    assert extract("\n".join(HEBREW)).language == "he"
