"""Extracting an article from its page: trafilatura's settings, htmldate, a plain lxml baseline.

    .venv/bin/python bench/extraction.py [--runs 5] [--verbose]

Reads the pages of bench/pages/: news-style pages written for the bench (no real site's
text), in English, Chinese and Hebrew, each with a navigation bar, related stories, reader
comments, a footer, a byline and its date in the visible text and mostly in meta tags too;
some carry a later modification date, one lays the whole page out in a table, one has a
table in its article, one has no date but its copyright year. Each page's .json file has
its truth: the article's sentences, the boilerplate's (navigation, related stories,
comments, footer), its title, publisher, publication date (null: none) and language. The
choice made from these figures is explained in cooperation/intake/extract.py. For each
method it prints:

- article: the share of the article's sentences found in the extracted text (spaces aside);
- leaked: the share of the boilerplate sentences found in it;
- title, date, language, publisher: the pages it got right, "-" where it gives none;
- ms/page: the mean over the pages of the median of `--runs` runs, the libraries' caches
  emptied before each.

`--verbose` lists each method's misses and leaks.
"""

import argparse
import importlib
import json
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import htmldate
import lxml.html
import trafilatura

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "bench" / "pages"
sys.path.insert(0, str(ROOT))

from cooperation.intake.extract import drop_modification_dates, extract  # noqa: E402


@dataclass
class Result:
    text: str | None = None
    title: str | None = None
    date: str | None = None
    language: str | None = None
    publisher: str | None = None


def lxml_baseline(html: str, url: str) -> Result:
    """text_content of <article>, else <body>; <title>; the article:published_time meta;
    the html lang; og:site_name, else the host."""
    tree = lxml.html.document_fromstring(html)
    root = (tree.xpath("//article") or tree.xpath("//body"))[0]
    published = tree.xpath("//meta[@property='article:published_time']/@content")
    site = tree.xpath("//meta[@property='og:site_name']/@content")
    lang = (tree.get("lang") or "").split("-")[0].lower()
    return Result(
        text=root.text_content(),
        title=tree.findtext(".//title"),
        date=published[0][:10] if published else None,
        language=lang if lang in ("en", "zh", "he") else "other",
        publisher=site[0] if site else urlsplit(url).hostname.removeprefix("www."),
    )


def trafilatura_extract(**options):
    def run(html: str, url: str) -> Result:
        found = json.loads(
            trafilatura.extract(html, url=url, output_format="json", with_metadata=True, **options)
        )
        # As the txt output gives them: the text, then any comments.
        text = "\n".join(filter(None, (found["text"], found["comments"])))
        return Result(text, found["title"], found["date"], None, found["source-hostname"])

    return run


def trafilatura_bare(*, clean_dates: bool = False, **options):
    def run(html: str, url: str) -> Result:
        document = html
        if clean_dates:
            document = lxml.html.document_fromstring(html)
            drop_modification_dates(document)
        found = trafilatura.bare_extraction(document, url=url, with_metadata=True, **options)
        text = "\n".join(filter(None, (found.text, found.comments)))
        return Result(text, found.title, found.date, None, found.sitename)

    return run


def htmldate_only(*, clean_dates: bool = False, **options):
    def run(html: str, url: str) -> Result:
        document = lxml.html.document_fromstring(html)
        if clean_dates:
            drop_modification_dates(document)
        return Result(date=htmldate.find_date(document, url=url, **options))

    return run


def chosen(html: str, url: str) -> Result:
    found = extract(html, url=url)
    published = found.published.isoformat() if found.published else None
    return Result(found.text, found.title, published, found.language, found.publisher)


NO_COMMENTS = {"include_comments": False}
NOT_EXTENSIVE = {"original_date": True, "extensive_search": False}
METHODS = {
    "lxml <article>/<body> text_content": lxml_baseline,
    "trafilatura.extract, defaults (comments in)": trafilatura_extract(),
    "extract, no comments": trafilatura_extract(**NO_COMMENTS),
    "extract, no comments, favor_precision": trafilatura_extract(
        **NO_COMMENTS, favor_precision=True
    ),
    "bare_extraction, no comments": trafilatura_bare(**NO_COMMENTS),
    "bare_extraction, no comments, favor_precision": trafilatura_bare(
        **NO_COMMENTS, favor_precision=True
    ),
    "bare_extraction, no comments, favor_recall": trafilatura_bare(
        **NO_COMMENTS, favor_recall=True
    ),
    "bare_extraction, no comments, no tables": trafilatura_bare(
        **NO_COMMENTS, include_tables=False
    ),
    "bare_extraction, no comments, no tables, precision": trafilatura_bare(
        **NO_COMMENTS, include_tables=False, favor_precision=True
    ),
    "bare_extraction, no comments, modified metas dropped": trafilatura_bare(
        **NO_COMMENTS, clean_dates=True
    ),
    "bare_extraction, no comments, metas dropped, no extensive": trafilatura_bare(
        **NO_COMMENTS, clean_dates=True, date_extraction_params=NOT_EXTENSIVE
    ),
    "htmldate.find_date, defaults": htmldate_only(),
    "htmldate.find_date, original_date": htmldate_only(original_date=True),
    "htmldate, original_date, modified metas dropped": htmldate_only(
        original_date=True, clean_dates=True
    ),
    "htmldate, original_date, metas dropped, no extensive": htmldate_only(
        **NOT_EXTENSIVE, clean_dates=True
    ),
    "cooperation.intake.extract (chosen)": chosen,
}


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def same(value: str | None, expected: str | None) -> bool:
    """Equal, spaces aside; None is right only where the truth is None (a page without a
    date)."""
    if value is None or expected is None:
        return value is expected
    return squeezed(value) == squeezed(expected)


@dataclass
class Page:
    name: str
    html: str
    truth: dict


def pages() -> list[Page]:
    found = []
    for path in sorted(PAGES.glob("*.html")):
        page = Page(
            path.stem,
            path.read_text(encoding="utf-8"),
            json.loads(path.with_suffix(".json").read_text(encoding="utf-8")),
        )
        check_truth(page)
        found.append(page)
    return found


def check_truth(page: Page) -> None:
    """Every sentence of the truth is in the page: a typo in it would count as a miss."""
    whole = squeezed(lxml.html.document_fromstring(page.html).text_content())
    for sentence in page.truth["article"] + page.truth["boilerplate"]:
        assert squeezed(sentence) in whole, f"{page.name}: not in the page: {sentence}"


# htmldate, trafilatura and courlan cache what they parse (date strings, lines of text): the
# caches are emptied before each run, so that a run costs what a page never seen would.
CACHED_MODULES = (
    "htmldate.extractors",
    "htmldate.validators",
    "trafilatura.deduplication",
    "trafilatura.utils",
    "courlan.filters",
)


def clear_caches() -> None:
    for module in map(importlib.import_module, CACHED_MODULES):
        for value in vars(module).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()


def median_ms(method, page: Page, runs: int) -> tuple[Result, float]:
    times = []
    for _ in range(runs):
        clear_caches()
        start = time.perf_counter()
        result = method(page.html, page.truth["url"])
        times.append(time.perf_counter() - start)
    return result, statistics.median(times) * 1000


FIELDS = ("title", "date", "language", "publisher")
TRUTH_KEYS = {
    "title": "title",
    "date": "published",
    "language": "language",
    "publisher": "publisher",
}


def score(method, all_pages: list[Page], runs: int, verbose: bool) -> dict:
    found = leaked = article = boilerplate = 0
    right = dict.fromkeys(FIELDS, 0)
    given = dict.fromkeys(FIELDS, False)
    times = []
    for page in all_pages:
        result, ms = median_ms(method, page, runs)
        times.append(ms)
        text = squeezed(result.text or "")
        missed = [s for s in page.truth["article"] if squeezed(s) not in text]
        leaks = [s for s in page.truth["boilerplate"] if squeezed(s) in text]
        if result.text is not None:
            article += len(page.truth["article"])
            boilerplate += len(page.truth["boilerplate"])
            found += len(page.truth["article"]) - len(missed)
            leaked += len(leaks)
        for field in FIELDS:
            value = getattr(result, field)
            given[field] |= value is not None
            expected = page.truth[TRUTH_KEYS[field]]
            if same(value, expected):
                right[field] += 1
            elif verbose:
                print(f"    {page.name}: {field} {value!r}, not {expected!r}")
        if verbose and result.text is not None:
            for sentence in missed:
                print(f"    {page.name}: missed {sentence}")
            for sentence in leaks:
                print(f"    {page.name}: leaked {sentence}")
    return {
        "article": f"{found / article:.0%}" if article else "-",
        "leaked": f"{leaked / boilerplate:.0%}" if boilerplate else "-",
        **{f: f"{right[f]}/{len(all_pages)}" if given[f] else "-" for f in FIELDS},
        "ms/page": f"{statistics.mean(times):.1f}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    all_pages = pages()
    for method in METHODS.values():  # warm up: trafilatura and htmldate load lazily
        method(all_pages[0].html, all_pages[0].truth["url"])
    columns = ("article", "leaked", *FIELDS, "ms/page")
    width = max(map(len, METHODS))
    print(f"{len(all_pages)} pages ({', '.join(p.name for p in all_pages)}), {args.runs} runs each")
    print(f"{'method':<{width}}  " + "  ".join(f"{c:>9}" for c in columns))
    for name, method in METHODS.items():
        if args.verbose:
            print(name)
        row = score(method, all_pages, args.runs, args.verbose)
        print(f"{name:<{width}}  " + "  ".join(f"{row[c]:>9}" for c in columns))


if __name__ == "__main__":
    main()
