"""What the release tests share: a releases folder of the test's own, and a release
written into it by the command, as an operator runs it."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

SITE = "https://tracker.example.org"


@pytest.fixture
def releases_dir(tmp_path, settings) -> Path:
    """`STORAGES["releases"]` pointed at a temporary folder for the test."""
    folder = tmp_path / "releases"
    settings.STORAGES = {
        **settings.STORAGES,
        "releases": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": folder},
        },
    }
    return folder


def publish(*options: str) -> str:
    """Run `publish_release` (public URLs under SITE) and return what it printed."""
    out = io.StringIO()
    call_command("publish_release", "--site-url", SITE, *options, stdout=out)
    return out.getvalue()


def package_of(folder: Path) -> dict:
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def every_file_text(folder: Path) -> dict[str, str]:
    """Each file of a release by name, as text (the CSVs without their byte-order mark)."""
    return {path.name: path.read_text(encoding="utf-8-sig") for path in folder.iterdir()}
