"""The releases kept in the storage `STORAGES["releases"]`, read as /data/ lists them.

A release is a folder named by its number (`3/`) whose `datapackage.json` lists every other
file in it with its size and SHA-256; a folder only appears once complete (publish.py moves
it into place whole), and only the files its package names are ever served. The catalog
reads through the storage API alone (listdir, open, size), so a bucket's backend serves
the same releases as the folder does.
"""

import json
from dataclasses import dataclass
from datetime import datetime

from django.core.files.storage import storages

PACKAGE_FILE = "datapackage.json"
PACKAGE_MEDIATYPE = "application/json"


def release_storage():
    return storages["releases"]


@dataclass(frozen=True)
class ReleaseFile:
    """One file of a release; `sha256` is empty for the package itself, which holds the
    others' digests."""

    name: str
    title: str
    mediatype: str
    size: int
    sha256: str = ""


@dataclass(frozen=True)
class TableSummary:
    """A table's row count and how many of its rows changed since the previous release."""

    name: str
    count: int
    added: int = 0
    corrected: int = 0
    withdrawn: int = 0


@dataclass(frozen=True)
class Release:
    number: int
    created: datetime
    notes: str
    files: tuple[ReleaseFile, ...]
    counts: dict[str, int]
    changes: dict[str, dict[str, list[int]]] | None  # None for the first release
    previous: int | None

    @property
    def tables(self) -> list[TableSummary]:
        return [
            TableSummary(
                name,
                count,
                **{kind: len(ids) for kind, ids in (self.changes or {}).get(name, {}).items()},
            )
            for name, count in self.counts.items()
        ]

    def file(self, name: str) -> ReleaseFile | None:
        return next((file for file in self.files if file.name == name), None)


def storage_name(number: int, name: str) -> str:
    return f"{number}/{name}"


def release_numbers(storage) -> list[int]:
    """The numbers of the release folders, ascending; other entries (a run's hidden
    temporary folder, the lock file) are not releases."""
    folders, _ = storage.listdir("")
    return sorted(int(name) for name in folders if name.isdigit() and str(int(name)) == name)


def read_package(storage, number: int) -> dict:
    with storage.open(storage_name(number, PACKAGE_FILE)) as file:
        return json.load(file)


def read_release(storage, number: int) -> Release:
    package = read_package(storage, number)
    release = package["release"]
    files = tuple(
        ReleaseFile(
            name=resource["path"],
            title=resource["title"],
            mediatype=resource["mediatype"],
            size=resource["bytes"],
            sha256=resource["hash"].removeprefix("sha256:"),
        )
        for resource in package["resources"]
    )
    package_file = ReleaseFile(
        name=PACKAGE_FILE,
        title="Data Package: every file's schema, size and SHA-256",
        mediatype=PACKAGE_MEDIATYPE,
        size=storage.size(storage_name(number, PACKAGE_FILE)),
    )
    return Release(
        number=number,
        created=datetime.fromisoformat(package["created"]),
        notes=release["notes"],
        files=(*files, package_file),
        counts=release["counts"],
        changes=release["changes"],
        previous=release["previous"],
    )


def releases() -> list[Release]:
    """Every release, newest first."""
    storage = release_storage()
    if not storage.exists(""):
        return []
    return [read_release(storage, number) for number in reversed(release_numbers(storage))]


def find_release(number: int) -> Release | None:
    storage = release_storage()
    if not storage.exists("") or number not in release_numbers(storage):
        return None
    return read_release(storage, number)
