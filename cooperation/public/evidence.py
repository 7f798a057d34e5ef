"""A record's evidence as its public page shows it: numbered notes, one per citation, in
the order of the facts they support (`facts()` of the record), and for each fact the
numbers of its notes, which the page prints beside the fact (`{% cited %}`).

A citation of a fact the record no longer states (its place was removed) is still listed,
after the others: its words were entered and reviewed, and readers may weigh them.
"""

from dataclasses import dataclass, field

from cooperation.models.citations import fact_key


@dataclass(frozen=True)
class Note:
    number: int
    fact: str  # the fact's label, "From: Beijing"
    citation: object


@dataclass
class Evidence:
    notes: list[Note] = field(default_factory=list)
    numbers: dict[str, list[int]] = field(default_factory=dict)

    def numbers_for(self, kind: str, thing=None) -> list[int]:
        return self.numbers.get(fact_key(kind, thing), [])


def evidence_of(record) -> Evidence:
    """The record's notes, numbered from 1 (citations prefetched with their source)."""
    facts = dict(record.facts())
    order = {key: position for position, key in enumerate(facts)}
    citations = sorted(record.citations.all(), key=lambda c: (order.get(c.fact, len(order)), c.pk))
    evidence = Evidence()
    for number, citation in enumerate(citations, start=1):
        label = facts.get(citation.fact, "A fact no longer on the record")
        evidence.notes.append(Note(number, label, citation))
        evidence.numbers.setdefault(citation.fact, []).append(number)
    return evidence
