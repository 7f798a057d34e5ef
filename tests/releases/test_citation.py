"""CITATION.cff is Citation File Format 1.2.0 and names the dataset as the page cites it.

(cffconvert 2.0.0 validates it against the format's schema; it needs jsonschema 3, which
frictionless cannot share, so the tests check the format's required keys themselves.)
"""

import yaml

from cooperation.releases.citation import CITATION_FILE
from cooperation.releases.package import TITLE


def test_citation_file_has_what_cff_1_2_0_requires():
    cff = yaml.safe_load(CITATION_FILE.read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["message"].strip()
    assert cff["type"] == "dataset"
    assert cff["title"] == TITLE
    assert cff["authors"] and all(
        author.get("name") or author.get("family-names") for author in cff["authors"]
    )
    assert all(isinstance(keyword, str) for keyword in cff["keywords"])
