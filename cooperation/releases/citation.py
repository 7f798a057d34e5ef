"""How to cite a release: a sentence, a BibTeX entry, and the repository's `CITATION.cff`.

A citation names the release by its number and date: a release never changes, so what a
reader cites is exactly what another reader downloads.
"""

from functools import cache

from django.conf import settings

from cooperation.releases.catalog import Release
from cooperation.releases.package import TITLE

CITATION_FILE = settings.BASE_DIR / "CITATION.cff"


def suggested_citation(release: Release, url: str) -> str:
    return (
        f"{TITLE} ({release.created:%Y}). Dataset release {release.number}, "
        f"{release.created:%-d %B %Y}. {url}"
    )


def bibtex(release: Release, url: str) -> str:
    return "\n".join(
        [
            f"@misc{{sinoisrael_release_{release.number},",
            f"  title = {{{TITLE}: dataset release {release.number}}},",
            f"  author = {{{{{TITLE}}}}},",
            f"  year = {{{release.created:%Y}}},",
            f"  version = {{{release.number}}},",
            f"  url = {{{url}}},",
            f"  note = {{Published {release.created:%Y-%m-%d}}}",
            "}",
        ]
    )


@cache
def citation_file() -> str:
    """CITATION.cff as the repository holds it (Citation File Format 1.2.0)."""
    return CITATION_FILE.read_text(encoding="utf-8")
