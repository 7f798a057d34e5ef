"""A record's public history: when it was first published, when it was last corrected, and
each correction the public saw, with what changed, when and why.

The rule: only published versions count. django-simple-history keeps one entry per save
(cooperation/records/history.py), drafts and versions in review included; those are work
in progress the public never saw, so they are not read at all (`status = published` in the
query). The first published version is the publication; each later published version that
shows the reader something different from the one before is a correction, and only the
fields the page shows are compared, under the page's labels: the publication status,
timestamps, the evidence grade's bookkeeping and the search key are internal.

A save is one version even when it wrote several entries: a record saved outside the admin
(the sample data's loader, a script) gets an entry when it is saved and one more each time
its sources or sectors are set after, through Django's many-to-many signals. Those later
entries keep the record's `updated_at`, since the record itself was not saved again, so
consecutive entries with the same `updated_at` are read as one save, in its final state
(`saves`): the loader's records are published with their sectors, not corrected to have
them.

Why, in public words only: an approved change's entry reads "Change #5 by analyst
approved: second article", which names the analyst. Its public reason is the `Revision`'s
own `reason` ("second article"); an editor's direct edit shows the reason typed with it.
A reason that names its author (the entry's user) is left out rather than shown.

The whole history is one query, whatever the number of versions: the linked names are
joined, the sources and sectors of each version and the approved change's reason are
correlated subqueries.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from django.db.models import CharField, F, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Concat
from django.db.models.lookups import StartsWith

from cooperation.exports.columns import date_sources
from cooperation.exports.joined import Joined
from cooperation.models import (
    Agreement,
    Event,
    LiaisonOffice,
    PublicationStatus,
    Revision,
    RevisionStatus,
    Visit,
)
from cooperation.models.visits import written_dates
from cooperation.partial_dates import PartialDate

# The entry of an approved change (cooperation/records/revisions.py, `approve`).
APPROVED_CHANGE = re.compile(r"Change #\d+ by ")


@dataclass(frozen=True)
class Shown:
    """A fact of the page as one version shows it: its label and its value in words."""

    label: str
    read: Callable  # a history entry -> str


def text(label: str, name: str) -> Shown:
    return Shown(label, lambda entry: getattr(entry, name) or "")


def choice(label: str, name: str) -> Shown:
    return Shown(label, lambda entry: getattr(entry, f"get_{name}_display")())


def named(label: str, name: str) -> Shown:
    """A linked place, body or person, by its name (joined in the query)."""
    return Shown(label, lambda entry: str(getattr(entry, name) or ""))


def public_record(label: str, name: str) -> Shown:
    """A linked visit or event, named only while it is published itself, as the page
    names it only then."""

    def read(entry) -> str:
        record = getattr(entry, name)
        published = record is not None and record.status == PublicationStatus.PUBLISHED
        return str(record) if published else ""

    return Shown(label, read)


def partial_date(entry, name: str) -> PartialDate:
    return PartialDate(*(getattr(entry, column) for column in date_sources(name)))


def dated(label: str, name: str) -> Shown:
    return Shown(label, lambda entry: str(partial_date(entry, name)))


def period(label: str) -> Shown:
    return Shown(
        label,
        lambda entry: written_dates(partial_date(entry, "start"), partial_date(entry, "end")),
    )


# The version's sectors and sources, by name ("; "-joined annotations of the query).
TAGS_AND_SOURCES = (text("Sectors", "sectors_text"), text("Sources", "sources_text"))

# What each record's page shows, as the page labels it, and the links the query joins.
SHOWN = {
    LiaisonOffice: (
        text("Name", "name"),
        text("Chinese name", "name_zh"),
        text("Hebrew name", "name_he"),
        named("Run by", "sponsor"),
        named("Through", "sponsor_organization"),
        named("Located in", "host"),
        choice("Status", "operating_status"),
        dated("Announced", "announced"),
        dated("Opened", "opened"),
        dated("Closed", "closed"),
        text("Address", "address"),
        text("Website", "website"),
        text("Description", "description"),
        *TAGS_AND_SOURCES,
    ),
    Visit: (
        text("Title", "title"),
        period("Dates"),
        named("Led by", "leader"),
        text("Purpose", "purpose"),
        text("What happened", "description"),
        *TAGS_AND_SOURCES,
    ),
    Event: (
        text("Title", "title"),
        choice("Kind", "kind"),
        period("Dates"),
        named("Held in", "place"),
        text("What happened", "description"),
        *TAGS_AND_SOURCES,
    ),
    Agreement: (
        text("Title", "title"),
        choice("Kind", "kind"),
        dated("Signed", "signed"),
        dated("Ended", "ended"),
        public_record("Signed during", "visit"),
        public_record("Signed at", "event"),
        text("Description", "description"),
        *TAGS_AND_SOURCES,
    ),
}
JOINED = {
    LiaisonOffice: ("sponsor", "sponsor_organization", "host"),
    Visit: ("leader",),
    Event: ("place",),
    Agreement: ("visit", "event"),
}


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Correction:
    when: datetime
    changes: tuple[Change, ...]
    reason: str


@dataclass(frozen=True)
class PublicHistory:
    first_published: datetime
    corrections: tuple[Correction, ...]  # newest first

    @property
    def last_corrected(self) -> datetime | None:
        return self.corrections[0].when if self.corrections else None


def snapshot_names(history_model, field: str, name: str):
    """The names of a version's sources or sectors, "; "-joined in a fixed order."""
    rows = history_model._meta.get_field(f"{history_model._meta.model_name}_{field}")
    target = field[:-1]  # the snapshot row's link: "sources" -> "source"
    return Joined(
        rows.related_model.objects.filter(history=OuterRef("pk")).values(
            item_text=F(f"{target}__{name}"), item_order=F(f"{target}__{name}")
        )
    )


def approved_reason(model):
    """The reason of the approved change whose entry this is ("Change #5 by ..."): a
    subquery matching the entry's reason against each approved change of the record."""
    opts = model._meta
    prefix = Concat(Value("Change #"), Cast("pk", CharField()), Value(" by "))
    changes = Revision.objects.filter(
        StartsWith(OuterRef("history_change_reason"), prefix),
        content_type__app_label=opts.app_label,
        content_type__model=opts.model_name,
        object_id=OuterRef("id"),
        status=RevisionStatus.APPROVED,
    )
    return Subquery(changes.values("reason")[:1])


def published_versions(record):
    """The record's published versions, oldest first, with what `SHOWN` reads."""
    model = type(record)
    history_model = model.history.model
    return (
        history_model.objects.filter(id=record.pk, status=PublicationStatus.PUBLISHED)
        .select_related("history_user", *JOINED[model])
        .annotate(
            sources_text=snapshot_names(history_model, "sources", "title"),
            sectors_text=snapshot_names(history_model, "sectors", "name"),
            revision_reason=approved_reason(model),
        )
        .order_by("history_date", "history_id")
    )


def names_its_author(entry) -> bool:
    user = entry.history_user
    if user is None:
        return False
    names = [name for name in (user.get_username(), user.get_full_name()) if name.strip()]
    reason = entry.history_change_reason or ""
    return any(re.search(rf"\b{re.escape(name)}\b", reason, re.IGNORECASE) for name in names)


def public_reason(entry) -> str:
    """Why the version was saved, in words that name nobody."""
    if entry.revision_reason is not None:
        return entry.revision_reason
    reason = entry.history_change_reason or ""
    if APPROVED_CHANGE.match(reason) or names_its_author(entry):
        return ""
    return reason


def changes_between(shown, before, after) -> tuple[Change, ...]:
    values = ((fact.label, fact.read(before), fact.read(after)) for fact in shown)
    return tuple(Change(label, old, new) for label, old, new in values if old != new)


@dataclass(frozen=True)
class Save:
    when: datetime  # its first entry's time
    version: object  # its last entry: the state the save left


def saves(versions) -> list[Save]:
    """The versions, those with the same `updated_at` as the one before taken as one save."""
    found = []
    for version in versions:
        if found and found[-1].version.updated_at == version.updated_at:
            found[-1] = Save(found[-1].when, version)
        else:
            found.append(Save(version.history_date, version))
    return found


def public_history(record) -> PublicHistory | None:
    """When the record was first published and its corrections since; None when it never
    was published."""
    published = saves(published_versions(record))
    if not published:
        return None
    shown = SHOWN[type(record)]
    corrections = []
    for before, after in pairwise(published):
        changes = changes_between(shown, before.version, after.version)
        if changes:
            reason = public_reason(after.version)
            corrections.append(Correction(after.when, changes, reason))
    return PublicHistory(published[0].when, tuple(reversed(corrections)))
