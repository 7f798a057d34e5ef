"""Writing a release: every file into a hidden temporary folder, then the folder moved into
place whole, under the next number.

- No half release: the files are written in `.incoming-<random>/` inside the releases folder
  (never listed: not a number), which is removed on any error or interruption (Ctrl-C); a
  run killed outright leaves only that hidden folder. The release appears when the folder
  is renamed to its number, one atomic `rename` on the same file system.
- One number per release: the number is chosen and the folder renamed while holding an
  exclusive lock (`flock`) on `.publish.lock` in the releases folder, so two runs at once
  take 3 and 4, never both 3. The lock is the kernel's: a run that dies drops it.
- Never overwritten: no code writes into a numbered folder, `rename` refuses a target that
  exists with files in it, and a release's files are made read-only.

The tables are written before the lock is taken (the slow part); the notes and the package,
which depend on the number and on the previous release, are written under it.
"""

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.core.files.storage import FileSystemStorage
from django.utils import timezone

from cooperation.releases import catalog, package
from cooperation.releases.changes import compare, digests_by_table, row_digest
from cooperation.releases.tables import TABLES, SiteAddress, schema, typed_rows, write_csv
from sinoisrael.http.page_cache import public_data_changed

LOCK_FILE = ".publish.lock"
STAGING_PREFIX = ".incoming-"


class ReleaseError(Exception):
    """The release cannot be written; nothing was published."""


@dataclass(frozen=True)
class Published:
    number: int
    folder: Path


def release_folder(storage) -> Path:
    """The folder a FileSystemStorage keeps the releases in: the one place a whole release
    can be moved into with one rename."""
    if isinstance(storage, FileSystemStorage):
        return Path(storage.path(""))
    raise ReleaseError(
        "publish_release writes into a folder: set STORAGES['releases'] to a "
        "FileSystemStorage (DJANGO_RELEASES_DIR) and copy the releases to the bucket "
        "(see README, Dataset releases)."
    )


@contextmanager
def publishing_lock(root: Path):
    with (root / LOCK_FILE).open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield  # closing the file releases the lock


def write_tables(folder: Path, site: SiteAddress, progress) -> tuple[dict, dict]:
    """Each table's CSV, then `records.json` from them; the row counts and row digests."""
    counts, digests = {}, {}
    for name in TABLES:
        write_csv(name, site, folder / package.csv_file(name))
    with (folder / package.RECORDS_FILE).open("w", encoding="utf-8") as out:
        out.write("{")
        for index, name in enumerate(TABLES):
            out.write(f"{',' if index else ''}\n{json.dumps(name)}: [")
            digests[name] = {}
            rows = typed_rows(folder / package.csv_file(name), schema(name, site))
            for position, row in enumerate(rows):
                out.write(f"{',' if position else ''}\n  {json.dumps(row, ensure_ascii=False)}")
                digests[name][row["id"]] = row_digest(row)
            out.write("\n]")
            counts[name] = len(digests[name])
            progress(f"{package.csv_file(name)}: {counts[name]} rows")
        out.write("\n}\n")
    progress(f"{package.RECORDS_FILE}: {sum(counts.values())} rows")
    return counts, digests


def previous_digests(storage, number: int) -> dict[str, dict[int, str]]:
    with storage.open(catalog.storage_name(number, package.RECORDS_FILE)) as file:
        return digests_by_table(json.load(file))


def seal(folder: Path) -> None:
    """Files read-only; the folder readable by the web server (mkdtemp made it private)."""
    for path in folder.iterdir():
        path.chmod(0o444)
    folder.chmod(0o755)


def publish_release(*, site: SiteAddress, progress: Callable, notes: str = "") -> Published:
    """Write the next release of every published record and move it into place."""
    storage = catalog.release_storage()
    root = release_folder(storage)
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
    try:
        counts, digests = write_tables(staging, site, progress)
        with publishing_lock(root):
            numbers = catalog.release_numbers(storage)
            previous = numbers[-1] if numbers else None
            number = (previous or 0) + 1
            changes = None
            if previous is not None:
                before = previous_digests(storage, previous)
                changes = {name: compare(before.get(name, {}), digests[name]) for name in counts}
            facts = package.ReleaseFacts(
                number=number,
                created=timezone.now(),
                notes=notes,
                counts=counts,
                changes=changes,
                previous=previous,
            )
            (staging / package.NOTES_FILE).write_text(
                package.release_notes(facts), encoding="utf-8"
            )
            progress(f"{package.NOTES_FILE}: counts and changes of {len(counts)} tables")
            data_package = package.data_package(facts, folder=staging, site=site)
            (staging / catalog.PACKAGE_FILE).write_text(
                json.dumps(data_package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            progress(f"{catalog.PACKAGE_FILE}: {len(data_package['resources'])} files described")
            seal(staging)
            target = root / str(number)
            os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    public_data_changed()  # /data/ lists it
    return Published(number=number, folder=target)
