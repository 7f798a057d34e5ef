"""Formula injection (OWASP CSV injection, ASVS 5.0 V1.2.10): text cells never start a formula."""

from decimal import Decimal

import pytest

from cooperation.exports.cells import FORMULA_PREFIXES, safe_text
from tests.support.export_csv import csv_records
from tests.support.factories import MunicipalityFactory

PREFIXES = ["=", "+", "-", "@", "\t", "\r", "\0"]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_formula_prefix_gets_an_apostrophe(prefix):
    assert safe_text(f"{prefix}SUM(A1:A9)") == f"'{prefix}SUM(A1:A9)"


@pytest.mark.parametrize(
    "text",
    [
        " =SUM(A1:A9)",
        "\u00a0=1+1",
        "\u3000+cmd",
        "\u200b=1",
        "\ufeff@SUM(A1)",
        '＝HYPERLINK("http://evil.example")',
        "  ＋972",
        "﹢1",
        "－1",
        "＠SUM(A1)",
    ],
)
def test_a_formula_behind_blanks_or_in_full_width_gets_an_apostrophe(text):
    assert safe_text(text) == "'" + text


@pytest.mark.parametrize("text", [" Tel Aviv", "（北京）", "\u3000特拉维夫", "“quoted”", "   "])
def test_text_that_only_starts_with_blanks_or_punctuation_is_left_alone(text):
    assert safe_text(text) == text


def test_the_list_of_prefixes_is_complete_and_other_text_is_left_alone():
    assert set(PREFIXES) == FORMULA_PREFIXES
    assert safe_text("Tel Aviv-Yafo = 特拉维夫") == "Tel Aviv-Yafo = 特拉维夫"
    assert safe_text("'quoted") == "'quoted"
    assert safe_text("") == safe_text(None) == ""


@pytest.mark.django_db
def test_text_cells_are_escaped_in_the_file_and_numbers_are_not(admin_client):
    # NUL cannot be stored in PostgreSQL text, so the file test covers the others.
    MunicipalityFactory(
        name='=HYPERLINK("http://evil.example","x")',
        name_he="+972",
        aliases=["-2+3", "@SUM(A1)"],
        wikidata_id="\tQ1",
        description="\rcmd|' /C calc'!A0",
        latitude=Decimal("-33.868800"),
        longitude=Decimal("-151.209300"),
    )
    (row,) = csv_records(admin_client.get("/admin/cooperation/municipality/export.csv"))
    assert row["Name"] == """'=HYPERLINK("http://evil.example","x")"""
    assert row["Hebrew name"] == "'+972"
    assert row["Other names"] == "'-2+3; @SUM(A1)"
    assert row["Wikidata id"] == "'\tQ1"
    assert row["Description"] == "'\rcmd|' /C calc'!A0"
    assert (row["Latitude"], row["Longitude"]) == ("-33.868800", "-151.209300")
