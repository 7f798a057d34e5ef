"""On PostgreSQL, name search is backed by trigram indexes the planner can use."""

import pytest
from django.db import connection

from cooperation.models import LiaisonOffice, Municipality

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's")
def test_trigram_indexes_exist_and_serve_icontains():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE %s", ["%\\_trgm"])
        names = {row[0] for row in cursor.fetchall()}
        assert {"municipality_native_name_trgm", "liaisonoffice_aliases_trgm"} <= names
        cursor.execute("SET enable_seqscan = off")
        sql, params = LiaisonOffice.objects.filter(name__icontains="Z-Park").query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "liaisonoffice_name_trgm" in plan


def test_search_finds_native_names_on_either_database():
    Municipality.objects.create(
        name="Tel Aviv-Yafo",
        slug="tel-aviv-yafo",
        native_name="תל אביב-יפו",
        country="IL",
        level="city",
    )
    assert Municipality.objects.filter(native_name__icontains="אביב").count() == 1
