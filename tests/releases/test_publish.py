"""A release is written whole or not at all, takes a number no other run takes, and is
never overwritten."""

import subprocess
import sys

import pytest

from cooperation.releases import catalog
from cooperation.releases.publish import publish_release, publishing_lock
from cooperation.releases.tables import SiteAddress
from tests.releases.support import SITE, package_of, publish, releases_dir
from tests.support.factories import LiaisonOfficeFactory

pytestmark = pytest.mark.django_db
__all__ = ["releases_dir"]

TRY_LOCK = """
import fcntl, sys
with open(sys.argv[1], "a") as lock:
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        sys.exit(3)
"""


def test_a_release_is_never_overwritten(releases_dir):
    LiaisonOfficeFactory(name="First office")
    publish()
    first = {path.name: path.read_bytes() for path in (releases_dir / "1").iterdir()}
    LiaisonOfficeFactory(name="Second office")
    publish()
    assert {path.name: path.read_bytes() for path in (releases_dir / "1").iterdir()} == first
    assert package_of(releases_dir / "2")["release"]["counts"]["offices"] == 2
    assert all(not path.stat().st_mode & 0o222 for path in (releases_dir / "1").iterdir())


def test_a_run_that_finishes_first_takes_the_number_and_the_other_the_next(releases_dir):
    """The number is chosen under the lock, after the slow part: a release published while
    this run wrote its tables is the previous release, not a number this one reuses."""
    LiaisonOfficeFactory()
    site = SiteAddress(SITE)
    inner = []

    def meanwhile(line):
        if line.startswith("records.json") and not inner:
            inner.append(publish_release(site=site, progress=lambda line: None))

    outer = publish_release(site=site, progress=meanwhile)
    assert (inner[0].number, outer.number) == (1, 2)
    assert package_of(outer.folder)["release"]["previous"] == 1
    assert catalog.release_numbers(catalog.release_storage()) == [1, 2]


def test_the_lock_keeps_another_process_out(releases_dir):
    releases_dir.mkdir()
    command = [sys.executable, "-c", TRY_LOCK, str(releases_dir / ".publish.lock")]
    with publishing_lock(releases_dir):
        assert subprocess.run(command, check=False).returncode == 3
    assert subprocess.run(command, check=False).returncode == 0


@pytest.mark.parametrize("stop_at", ["offices.csv", "RELEASE_NOTES.md", "datapackage.json"])
def test_an_interrupted_run_leaves_no_half_release(releases_dir, stop_at):
    LiaisonOfficeFactory()

    def interrupt(line):
        if line.startswith(stop_at):
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        publish_release(site=SiteAddress(SITE), progress=interrupt)
    assert {path.name for path in releases_dir.iterdir()} <= {".publish.lock"}
    assert catalog.releases() == []
    publish()
    assert catalog.release_numbers(catalog.release_storage()) == [1]
