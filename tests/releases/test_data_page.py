"""/data/ lists the releases newest first with their files, counts and notes, says how to
cite them, describes the latest as a schema.org Dataset, and serves the files a release's
package names, nothing else."""

import html
import json
import re

import pytest

from cooperation.releases.citation import CITATION_FILE
from tests.releases.support import publish, releases_dir
from tests.support.factories import LiaisonOfficeFactory

pytestmark = pytest.mark.django_db
__all__ = ["releases_dir"]

FILES = [
    "offices.csv", "visits.csv", "events.csv", "agreements.csv", "municipalities.csv",
    "records.json", "RELEASE_NOTES.md", "datapackage.json",
]  # fmt: skip


@pytest.fixture
def two_releases(releases_dir):
    LiaisonOfficeFactory(name="First office")
    publish("--notes", "The first cut")
    LiaisonOfficeFactory(name="Second office")
    publish("--notes", "One office more")
    return releases_dir


def json_ld(page: str) -> list[dict]:
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return [json.loads(script) for script in scripts]


def test_without_a_release_it_says_so_and_how_to_make_one(client, releases_dir):
    response = client.get("/data/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "No release yet" in page
    assert "manage.py publish_release" in page
    assert not any(document["@type"] == "Dataset" for document in json_ld(page))


def test_it_lists_the_releases_newest_first_with_files_counts_and_notes(client, two_releases):
    page = client.get("/data/").content.decode()
    assert page.index("Release 2,") < page.index("Release 1,")
    assert "One office more" in page and "The first cut" in page
    assert "<caption>Records in release 2, and what changed since release 1</caption>" in page
    second = page[page.index('id="release-2"') : page.index('id="release-1"')]
    assert (
        '<th scope="row">Offices</th><td>2</td><td>1 added, 0 corrected, 0 withdrawn</td>' in second
    )
    for name in FILES:
        size = (two_releases / "2" / name).stat().st_size
        assert f'href="/data/2/{name}"' in page
        assert f"<br>({size} bytes)" in second, name
    assert '<a href="/data/" aria-current="page">Data</a>' in page


def test_it_says_how_to_cite_the_latest_release(client, two_releases):
    page = html.unescape(client.get("/data/").content.decode())
    assert "Dataset release 2," in page
    assert "@misc{sinoisrael_release_2," in page
    assert "version = {2}" in page
    assert 'href="/data/CITATION.cff"' in page
    cff = client.get("/data/CITATION.cff")
    assert cff["Content-Type"] == "text/plain; charset=utf-8"
    assert cff.content == CITATION_FILE.read_bytes()


def test_the_json_ld_names_every_file_of_the_latest_release(client, two_releases):
    page = client.get("/data/").content.decode()
    (dataset,) = [document for document in json_ld(page) if document["@type"] == "Dataset"]
    assert dataset["version"] == "2"
    assert dataset["url"] == "http://testserver/data/"
    downloads = dataset["distribution"]
    assert [download["name"] for download in downloads] == FILES
    for download in downloads:
        assert download["@type"] == "DataDownload"
        assert download["contentUrl"] == f"http://testserver/data/2/{download['name']}"
        response = client.get(download["contentUrl"])
        assert response.status_code == 200
        assert response["Content-Type"].startswith(download["encodingFormat"])


def test_it_serves_a_release_file_as_written(client, two_releases):
    response = client.get("/data/1/offices.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "immutable" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == (two_releases / "1" / "offices.csv").read_bytes()
    package = client.get("/data/2/datapackage.json")
    assert package["Content-Type"] == "application/json"
    assert json.loads(b"".join(package.streaming_content))["version"] == "2"
    notes = client.get("/data/2/RELEASE_NOTES.md")
    assert notes["Content-Type"] == "text/markdown; charset=utf-8"


@pytest.mark.parametrize(
    "url",
    [
        "/data/3/offices.csv",  # no such release
        "/data/1/people.csv",  # no such file
        "/data/1/stray.txt",  # in the folder, not in the package
        "/data/1/.publish.lock",
        "/data/1/..",
        "/data/1/%2e%2e%2f2%2foffices.csv",
        "/data/1/..%2F..%2Fsettings.py",
        "/data/../.publish.lock",
        "/data/1/",
        "/data/latest/offices.csv",
        "/data/-1/offices.csv",
    ],
)
def test_anything_else_is_404(client, two_releases, url):
    (two_releases / "1" / "stray.txt").write_text("not part of the release")
    assert client.get(url).status_code == 404


def test_only_reading_is_allowed(client, two_releases):
    assert client.post("/data/1/offices.csv").status_code == 405
    assert client.head("/data/1/offices.csv").status_code == 200
