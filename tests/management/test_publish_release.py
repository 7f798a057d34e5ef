"""`manage.py publish_release`: one line per file with its row count, where the release
went, and a clear message for a site address it cannot use."""

import io

import pytest
from django.core.management import CommandError, call_command

from tests.releases.support import package_of, publish, releases_dir
from tests.support.factories import LiaisonOfficeFactory

pytestmark = pytest.mark.django_db
__all__ = ["releases_dir"]


def test_it_shows_each_file_and_where_the_release_went(releases_dir):
    LiaisonOfficeFactory.create_batch(3)
    output = publish("--notes", "  Three offices  ")
    lines = output.splitlines()
    assert lines[0] == "Public URLs under https://tracker.example.org"
    assert "  offices.csv: 3 rows" in lines
    assert "  visits.csv: 0 rows" in lines
    assert "  municipalities.csv: 6 rows" in lines
    assert "  records.json: 9 rows" in lines
    assert "  datapackage.json: 7 files described" in lines
    assert lines[-1] == f"Release 1 written to {releases_dir / '1'}"
    assert package_of(releases_dir / "1")["release"]["notes"] == "Three offices"
    assert "Release 2 written to" in publish()


def test_by_default_public_urls_are_on_the_first_allowed_host(releases_dir, settings):
    settings.ALLOWED_HOSTS = [".example.org", "tracker.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    LiaisonOfficeFactory(slug="z-park")
    out = io.StringIO()
    call_command("publish_release", stdout=out)
    assert out.getvalue().startswith("Public URLs under https://tracker.example.org\n")
    offices = (releases_dir / "1" / "offices.csv").read_text(encoding="utf-8-sig")
    assert "https://tracker.example.org/offices/z-park/" in offices


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("tracker.example.org", "takes the site's address"),
        ("ftp://tracker.example.org", "takes the site's address"),
        ("https://tracker.example.org/data/", "root alone"),
        ("https://tracker.example.org/?a=1", "root alone"),
    ],
)
def test_a_site_address_it_cannot_use_is_refused(releases_dir, url, message):
    with pytest.raises(CommandError, match=message):
        call_command("publish_release", "--site-url", url, stdout=io.StringIO())
    assert not releases_dir.exists()


def test_a_storage_that_is_no_folder_is_refused_with_a_way_out(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "releases": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    with pytest.raises(CommandError, match="writes into a folder"):
        publish()
