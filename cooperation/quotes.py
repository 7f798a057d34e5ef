"""Quotes checked against the article they come from.

A quote must occur in the source's stored text, spaces and punctuation aside: copied from a
web page, a quote gains or loses line breaks, curly quotes and dashes, and those must not
make it fail. Letters and digits must match (case and compatibility forms aside, so a
full-width digit is a digit). A quote that does not occur is refused with the passage of
the article closest to it, found by rapidfuzz's best partial alignment, so the analyst sees
at once whether a word was mistyped or the quote is from another article.
"""

import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

CONTEXT = 20  # characters of the article shown around the closest passage


@dataclass(frozen=True)
class Comparable:
    """A text reduced to what a quote must match, with where each kept character was."""

    letters: str
    positions: tuple[int, ...]


def kept(char: str) -> bool:
    return unicodedata.category(char)[0] in "LNM"  # letters, digits, combining marks


def comparable(text: str) -> Comparable:
    letters, positions = [], []
    for position, char in enumerate(text):
        for part in unicodedata.normalize("NFKC", char).casefold():
            if kept(part):
                letters.append(part)
                positions.append(position)
    return Comparable("".join(letters), tuple(positions))


def occurs(quote: str, text: str) -> bool:
    """Whether `quote` is in `text`, spaces and punctuation aside."""
    needle = comparable(quote).letters
    return bool(needle) and needle in comparable(text).letters


def closest_passage(quote: str, text: str) -> str:
    """The passage of `text` most like `quote`, with a little of what surrounds it."""
    needle, haystack = comparable(quote).letters, comparable(text)
    if not needle or not haystack.letters:
        return ""
    match = fuzz.partial_ratio_alignment(needle, haystack.letters)
    if match.dest_end <= match.dest_start:
        return ""
    start = haystack.positions[match.dest_start]
    end = haystack.positions[match.dest_end - 1] + 1
    before = max(0, start - CONTEXT)
    after = min(len(text), end + CONTEXT)
    passage = " ".join(text[before:after].split())
    return ("…" if before else "") + passage + ("…" if after < len(text) else "")


def quote_error(quote: str, text: str) -> str | None:
    """Why `quote` cannot be cited from `text`, in words; None when it occurs."""
    if not comparable(quote).letters:
        return "Quote the words of the article that support the fact."
    if occurs(quote, text):
        return None
    passage = closest_passage(quote, text)
    closest = f" The closest passage is: “{passage}”" if passage else ""
    return (
        "This quote is not in the source's text (spaces and punctuation aside): copy it "
        f"from the article as written.{closest}"
    )
