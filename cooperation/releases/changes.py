"""What changed between two releases, type by type, compared row by row by `id`.

- added: an id the previous release did not have (published since, or first released);
- corrected: an id both have whose row differs in any column (a fixed date, a new source,
  a renamed sponsor);
- withdrawn: an id the previous release had and this one does not (unpublished or deleted).

A row is compared by a digest of its JSON form, so a release is compared with the previous
one without holding both files' rows.
"""

import hashlib
import json
from dataclasses import dataclass, field


def row_digest(row: dict) -> str:
    text = json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class TableChanges:
    added: list[int] = field(default_factory=list)
    corrected: list[int] = field(default_factory=list)
    withdrawn: list[int] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"added": self.added, "corrected": self.corrected, "withdrawn": self.withdrawn}


def compare(previous: dict[int, str], current: dict[int, str]) -> TableChanges:
    """The changes from `previous` to `current`, each a map of id to row digest."""
    return TableChanges(
        added=sorted(current.keys() - previous.keys()),
        corrected=sorted(
            pk for pk in current.keys() & previous.keys() if current[pk] != previous[pk]
        ),
        withdrawn=sorted(previous.keys() - current.keys()),
    )


def digests_by_table(records: dict[str, list[dict]]) -> dict[str, dict[int, str]]:
    """Each table's rows of a release's JSON file as id -> digest."""
    return {name: {row["id"]: row_digest(row) for row in rows} for name, rows in records.items()}
