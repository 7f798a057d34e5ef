"""Cell values a spreadsheet reads as data, never as a formula (OWASP CSV injection)."""

import unicodedata

# A cell starting with one of these may be run as a formula by Excel or LibreOffice.
FORMULA_PREFIXES = frozenset("=+-@\t\r\0")


def starts_a_formula(value: str) -> bool:
    """Whether `value` opens with a formula character once its leading blanks are skipped
    (spaces, no-break and ideographic spaces, invisible format characters, which spreadsheets
    may trim), the character also counting in its full-width or small form (＝, ﹢)."""
    for char in value:
        if char.isspace() or unicodedata.category(char) == "Cf":
            continue
        return unicodedata.normalize("NFKC", char)[0] in FORMULA_PREFIXES
    return False


def safe_text(value) -> str:
    """Text for a cell: empty for nothing, and a leading apostrophe before a formula.

    Most cells start with a letter or digit: those are returned at once, so a million-row
    export pays the closer look only for the few that do not.
    """
    if not value:
        return ""
    first = value[0]
    if first in FORMULA_PREFIXES or (not first.isalnum() and starts_a_formula(value)):
        return "'" + value
    return value
