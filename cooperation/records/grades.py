"""The evidence grade of a record: computed from its sources and citations, never typed.

Points, seven at most:
- independent outlets (distinct publishers; a source without one counts by its web site):
  two give 1 point, three or more 2;
- an official source (publisher kind "official government") from the Chinese side gives
  1 point, one from the Israeli side 1 more;
- sources in two or more languages give 1 point;
- the facts cited (`facts()` of the record, each with at least one quote): all of them
  give 2 points, at least half 1.

A is 5 points or more, B 3-4, C 1-2, D none. The reason says each part in words, "2
independent outlets, no official source, 1 language, 4 of 6 facts cited", so a reader sees
what the letter rests on and what would raise it.

The grade and its reason are stored on the record (`evidence_grade`, `evidence_reason`,
with the counts of facts stated and cited, which the data-quality page reads),
so lists filter and sort by them in the database; `refresh_grade` writes them again
whenever what they are computed from changes (cooperation/records/signals.py), and the
`grade_records` command grades every record (after an upgrade).
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from cooperation.models.base import EvidenceGrade as Grade
from cooperation.models.places import Country
from cooperation.models.sources import PublisherKind
from cooperation.scripts import name_key
from sinoisrael.http.page_cache import public_data_changed


@dataclass(frozen=True)
class Assessment:
    grade: str
    reason: str
    facts: int
    cited: int


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def outlet(source) -> str:
    return name_key(source.publisher) if source.publisher else urlsplit(source.url).hostname


def cited_points(cited: int, facts: int) -> int:
    if not facts:
        return 0
    return 2 if cited == facts else 1 if 2 * cited >= facts else 0


def assess(*, sources: list, facts: list[str], cited: set[str]) -> Assessment:
    """The grade of a record with these sources and facts, of which `cited` are cited."""
    outlets = {outlet(source) for source in sources}
    official = [
        side
        for side, country in (("Chinese", Country.CHINA), ("Israeli", Country.ISRAEL))
        if any(
            source.publisher_kind == PublisherKind.GOVERNMENT
            and source.publisher_country == country
            for source in sources
        )
    ]
    languages = {source.language for source in sources}
    cited_facts = sum(fact in cited for fact in facts)
    points = (
        min(max(len(outlets) - 1, 0), 2)
        + len(official)
        + (len(languages) >= 2)
        + cited_points(cited_facts, len(facts))
    )
    grade = Grade.A if points >= 5 else Grade.B if points >= 3 else Grade.C if points else Grade.D
    reason = ", ".join(
        [
            plural(len(outlets), "independent outlet"),
            f"official source: {' and '.join(official)}" if official else "no official source",
            plural(len(languages), "language"),
            f"{cited_facts} of {len(facts)} facts cited",
        ]
    )
    return Assessment(grade, reason, len(facts), cited_facts)


def assessment_of(record) -> Assessment:
    """The record's grade now (its rows fetched with `with_facts()` when it has many)."""
    return assess(
        sources=list(record.sources.all()),
        facts=[key for key, _ in record.facts()],
        cited={citation.fact for citation in record.citations.all()},
    )


def refresh_grade(model, pk) -> None:
    """Write the grade of the record `pk` of `model` again; nothing when it is gone."""
    record = model.objects.with_facts().prefetch_related("sources", "citations")
    record = record.filter(pk=pk).first()
    if record is None:
        return
    assessment = assessment_of(record)
    model.objects.filter(pk=pk).update(
        evidence_grade=assessment.grade,
        evidence_reason=assessment.reason,
        facts_stated=assessment.facts,
        facts_cited=assessment.cited,
    )
    public_data_changed()  # a queryset update sends no signal; the grade is on public pages
