"""Helpers for reading the public pages in tests."""

import html
import re

LIST_URLS = ["/offices/", "/visits/", "/agreements/", "/municipalities/"]


def result_titles(response) -> list[str]:
    """The linked titles of the results on a list page, in order."""
    page = response.content.decode()
    listing = page.split('<ol class="result-list">', 1)
    if len(listing) == 1:
        return []
    body = listing[1].split("</ol>", 1)[0]
    titles = re.findall(r'<h3><a href="[^"]+"><bdi[^>]*>([^<]+)</bdi></a>', body)
    return [html.unescape(title) for title in titles]


def count_heading(response) -> str:
    match = re.search(r'<h2 id="results-heading">([^<]+)</h2>', response.content.decode())
    return " ".join(match.group(1).split()) if match else ""


# Every GET parameter of each list, as the public contract names them.
PARAMETERS = {
    "/offices/": [
        "q", "sponsor", "host", "province", "status", "sector",
        "year_min", "year_max", "ordering", "page",
    ],
    "/visits/": [
        "q", "origin", "destination", "province", "person", "sector",
        "year_min", "year_max", "ordering", "page",
    ],
    "/agreements/": [
        "q", "kind", "party", "province", "sector", "year_min", "year_max", "ordering", "page",
    ],
    "/municipalities/": ["q", "country", "level", "ordering", "page"],
}  # fmt: skip
