"""Cell values a spreadsheet reads as data, never as a formula (OWASP CSV injection)."""

# A cell starting with one of these may be run as a formula by Excel or LibreOffice.
FORMULA_PREFIXES = frozenset("=+-@\t\r\0")


def safe_text(value) -> str:
    """Text for a cell: empty for nothing, and a leading apostrophe before a formula prefix."""
    if not value:
        return ""
    if value[0] in FORMULA_PREFIXES:
        return "'" + value
    return value
