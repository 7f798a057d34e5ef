"""`manage.py intake PATH_OR_URL [--date YYYY-MM-DD] [--json]`: what the intake page would
propose for an article, for scripts. Reads only; creates nothing."""

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cooperation.intake.extract import extract
from cooperation.intake.fetch import FetchRefused, fetch
from cooperation.intake.reading import as_json, read_article

URL_SCHEMES = ("http://", "https://")


def article_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--date takes a date written YYYY-MM-DD, not “{text}”.") from None


def document(location: str) -> tuple[str, str]:
    """The article's HTML or text, and its URL ("" for a file)."""
    if location.startswith(URL_SCHEMES) or "://" in location:
        try:
            fetched = fetch(location)
        except FetchRefused as refusal:
            raise CommandError(str(refusal)) from None
        return fetched.text, fetched.url
    path = Path(location)
    if not path.is_file():
        raise CommandError(f"No file “{location}”: give a file of the article or its URL.")
    try:
        return path.read_text(encoding="utf-8"), ""
    except UnicodeDecodeError:
        raise CommandError(f"“{location}” is not UTF-8 text or HTML.") from None


class Command(BaseCommand):
    help = (
        "Read an article (a file of its text or HTML, or its http(s) URL) and print what the "
        "intake page would propose: its metadata, the names and dates recognized, and the "
        "records it reports. Creates nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("location", metavar="PATH_OR_URL")
        parser.add_argument(
            "--date",
            help="The article's publication date, YYYY-MM-DD: relative dates are read "
            "against it (default: the date found in the article).",
        )
        parser.add_argument("--json", action="store_true", help="Print JSON (see the README).")

    def handle(self, *args, **options):
        published = article_date(options["date"])
        text, url = document(options["location"])
        article = extract(text, url=url)
        if not article.text.strip():
            raise CommandError("The article has no text to read.")
        reading = read_article(article, url=url, published=published)
        result = as_json(reading)
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        self.stdout.write(self.summary(result))

    @staticmethod
    def summary(result: dict) -> str:
        source = result["source"]
        lines = [f"{source['title']} ({source['language']}, {source['published'] or 'no date'})"]
        known = [m for m in result["mentions"] if m["record"]]
        lines.append(
            f"{len(result['mentions'])} names ({len(known)} known), {len(result['dates'])} dates"
        )
        lines += [f"  proposed {p['type']}: {p['title']}" for p in result["proposals"]]
        return "\n".join(lines)
