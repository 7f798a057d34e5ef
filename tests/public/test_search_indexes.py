"""Name search in three scripts, on either database; on PostgreSQL backed by trigram indexes
the planner can use."""

import pytest
from django.db import connection

from cooperation.models import LiaisonOffice, Municipality
from cooperation.models.base import names_contain
from tests.support.factories import IsraeliMunicipalityFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


def plan_of(queryset) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's")
def test_trigram_indexes_exist_and_serve_titles_and_every_name():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE %s", ["%\\_trgm"])
        names = {row[0] for row in cursor.fetchall()}
    assert {"municipality_search_names_trgm", "liaisonoffice_search_names_trgm"} <= names
    assert "liaisonoffice_name_trgm" in plan_of(LiaisonOffice.objects.filter(name__icontains="Z-P"))
    by_names = Municipality.objects.filter(names_contain("東莞", ""))
    assert "municipality_search_names_trgm" in plan_of(by_names)


def found(text: str) -> list[str]:
    return list(Municipality.objects.filter(names_contain(text, "")).values_list("slug", flat=True))


@pytest.fixture
def places():
    IsraeliMunicipalityFactory(
        slug="tel-aviv-yafo", name="Tel Aviv-Yafo", name_zh="特拉维夫-雅法", name_he="תל אביב-יפו"
    )
    IsraeliMunicipalityFactory(slug="haifa", name="Haifa", name_he="חיפה", aliases=["海法"])
    MunicipalityFactory(slug="dongguan", name="Dongguan", name_zh="东莞", aliases=["Tungkun"])
    IsraeliMunicipalityFactory(slug="maalot", name="Ma'alot-Tarshiha", name_he="מעלות–תרשיחא")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("tel aviv", ["tel-aviv-yafo"]),  # a space for the hyphen, any case
        ("TEL-AVIV", ["tel-aviv-yafo"]),
        ("特拉维夫", ["tel-aviv-yafo"]),  # Chinese, simplified
        ("特拉維夫", ["tel-aviv-yafo"]),  # and traditional
        ("東莞", ["dongguan"]),
        ("东莞", ["dongguan"]),
        ("海法", ["haifa"]),  # an alias
        ("tungkun", ["dongguan"]),
        ("תל־אביב", ["tel-aviv-yafo"]),  # maqaf for the hyphen
        ("חֵיפָה", ["haifa"]),  # with vowel points
        ("מעלות-תרשיחא", ["maalot"]),  # hyphen for the en dash
        ("ma’alot", ["maalot"]),  # a typographic apostrophe
        ("Jerusalem", []),
    ],
)
def test_search_finds_every_name_in_every_script(places, typed, expected):
    assert found(typed) == expected


def test_an_alias_changed_or_deleted_changes_what_search_finds(places):
    haifa = Municipality.objects.get(slug="haifa")
    alias = haifa.aliases.get()
    alias.name = "海法市"
    alias.save()
    assert found("海法市") == ["haifa"]
    alias.delete()
    assert found("海法") == []
