"""The second release's notes say what changed since the first: a record published since
(added), one whose row changed (corrected), one no longer published (withdrawn)."""

import pytest

from cooperation.models import PublicationStatus
from tests.releases.support import package_of, publish, releases_dir
from tests.support.factories import AgreementFactory, LiaisonOfficeFactory, VisitFactory

pytestmark = pytest.mark.django_db
__all__ = ["releases_dir"]


def test_the_second_release_reports_added_corrected_and_withdrawn(releases_dir):
    kept = LiaisonOfficeFactory(name="Kept office")
    corrected = LiaisonOfficeFactory(name="Office with a wrong address", address="1 Old St")
    withdrawn = VisitFactory(title="Visit found to be a duplicate")
    draft = AgreementFactory(title="Agreement in review", status=PublicationStatus.IN_REVIEW)
    publish()

    corrected.address = "2 New St"
    corrected.save()
    withdrawn.status = PublicationStatus.DRAFT
    withdrawn.save()
    draft.status = PublicationStatus.PUBLISHED
    draft.save()
    publish("--notes", "An address corrected")

    release = package_of(releases_dir / "2")["release"]
    assert release["previous"] == 1
    assert release["counts"] == {
        "offices": 2, "visits": 0, "events": 0, "agreements": 1, "municipalities": 6,
    }  # fmt: skip
    changes = release["changes"]
    assert changes["offices"] == {"added": [], "corrected": [corrected.pk], "withdrawn": []}
    assert changes["visits"] == {"added": [], "corrected": [], "withdrawn": [withdrawn.pk]}
    assert changes["agreements"] == {"added": [draft.pk], "corrected": [], "withdrawn": []}
    assert kept.pk not in changes["offices"]["corrected"]
    # The visit's origin is named by no published record any more; the agreement's parties are.
    assert len(changes["municipalities"]["withdrawn"]) == 1
    assert len(changes["municipalities"]["added"]) == 2

    notes = (releases_dir / "2" / "RELEASE_NOTES.md").read_text(encoding="utf-8")
    assert "An address corrected" in notes
    assert "## Changes since release 1" in notes
    assert "| offices | 2 | 0 | 1 | 0 |" in notes
    assert "| visits | 0 | 0 | 0 | 1 |" in notes
    assert "| agreements | 1 | 1 | 0 | 0 |" in notes
    assert f"- corrected: {corrected.pk}\n" in notes
    assert f"- withdrawn: {withdrawn.pk}\n" in notes
