"""A release's `datapackage.json` (Frictionless Data Package, https://specs.frictionlessdata.io/)
and its `RELEASE_NOTES.md`.

Each file is a resource with its size in bytes and its SHA-256 (`"hash": "sha256:..."`), so
a reader can check a download; each CSV has its Table Schema (field names and types from
the export's columns). `release` carries what /data/ shows: the number, the operator's notes, the
counts per type, what changed since the previous release, and which release that was.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.urls import reverse

from cooperation.releases.changes import TableChanges
from cooperation.releases.tables import SiteAddress, schema

NAME = "sino-israeli-municipal-cooperation"
TITLE = "Sino-Israeli municipal cooperation tracker"
DESCRIPTION = (
    "Liaison offices, delegation visits, events and agreements between Chinese and Israeli "
    "municipalities, each cited to the news articles it comes from: every published record."
)
RECORDS_FILE = "records.json"
NOTES_FILE = "RELEASE_NOTES.md"


def csv_file(name: str) -> str:
    return f"{name}.csv"


def file_facts(path: Path) -> dict:
    """`bytes` and `hash` of a written file, read back in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while block := file.read(1 << 20):
            digest.update(block)
    return {"bytes": path.stat().st_size, "hash": f"sha256:{digest.hexdigest()}"}


def file_resource(folder: Path, *, name: str, title: str, path: str, mediatype: str) -> dict:
    """A file of the release as a resource: what it is, then its size and digest."""
    return {
        "name": name,
        "title": title,
        "path": path,
        "format": path.rsplit(".", 1)[1],
        "mediatype": mediatype,
        "encoding": "utf-8",
        **file_facts(folder / path),
    }


def table_resource(name: str, folder: Path, site: SiteAddress) -> dict:
    resource = file_resource(
        folder,
        name=name,
        title=f"{name.capitalize()} (CSV)",
        path=csv_file(name),
        mediatype="text/csv",
    )
    return {**resource, "type": "table", "schema": schema(name, site)}


# The files beside the tables: name, title, path, media type.
OTHER_FILES = (
    ("records", "Every table's rows (JSON, an object of arrays by type)", RECORDS_FILE,
     "application/json"),
    ("release-notes", "Release notes (Markdown)", NOTES_FILE, "text/markdown"),
)  # fmt: skip


def changes_json(changes: dict[str, TableChanges] | None) -> dict | None:
    if changes is None:
        return None
    return {name: table.as_json() for name, table in changes.items()}


@dataclass(frozen=True)
class ReleaseFacts:
    """What a release says of itself, beside its files."""

    number: int
    created: datetime
    notes: str
    counts: dict[str, int]
    changes: dict[str, TableChanges] | None  # None for the first release
    previous: int | None


def data_package(facts: ReleaseFacts, *, folder: Path, site: SiteAddress) -> dict:
    """The package of the files in `folder` (the tables, the JSON file, the notes)."""
    return {
        "name": NAME,
        "title": TITLE,
        "description": facts.notes or DESCRIPTION,
        "version": str(facts.number),
        "created": facts.created.isoformat(),
        "homepage": site.build_absolute_uri(reverse("cooperation:data")),
        "resources": [
            *(table_resource(name, folder, site) for name in facts.counts),
            *(
                file_resource(folder, name=name, title=title, path=path, mediatype=mediatype)
                for name, title, path, mediatype in OTHER_FILES
            ),
        ],
        "release": {
            "number": facts.number,
            "notes": facts.notes,
            "counts": facts.counts,
            "changes": changes_json(facts.changes),
            "previous": facts.previous,
        },
    }


def id_list(ids: list[int]) -> str:
    return ", ".join(map(str, ids)) if ids else "none"


def release_notes(facts: ReleaseFacts) -> str:
    """The notes as Markdown: the operator's words, the counts, then each type's changes
    by id."""
    lines = [f"# {TITLE}: release {facts.number}, {facts.created:%Y-%m-%d}", ""]
    if facts.notes:
        lines += [facts.notes, ""]
    lines += ["| type | records | added | corrected | withdrawn |", "|---|---|---|---|---|"]
    for name, count in facts.counts.items():
        table = facts.changes[name] if facts.changes else TableChanges()
        lines.append(
            f"| {name} | {count} | {len(table.added)} | {len(table.corrected)} "
            f"| {len(table.withdrawn)} |"
        )
    lines.append("")
    if facts.changes is None:
        lines += ["The first release: nothing to compare with.", ""]
        return "\n".join(lines)
    lines += [f"## Changes since release {facts.previous}", ""]
    for name, table in facts.changes.items():
        lines += [
            f"### {name.capitalize()}",
            "",
            f"- added: {id_list(table.added)}",
            f"- corrected: {id_list(table.corrected)}",
            f"- withdrawn: {id_list(table.withdrawn)}",
            "",
        ]
    return "\n".join(lines)
