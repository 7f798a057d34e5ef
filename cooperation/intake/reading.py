"""One article read: its metadata, the names and dates in its text, the records it reports.

`read_article` is what the admin's intake page and `manage.py intake` share, and
`as_json` the one description of it that scripts read (the README documents its shape).
"""

from dataclasses import dataclass
from datetime import date

from cooperation.intake.dates import DatePhrase, find_dates
from cooperation.intake.extract import Extracted
from cooperation.intake.mentions import Mention, NameIndex, recognize
from cooperation.intake.proposals import Party, Proposal, guessed_name, propose
from cooperation.partial_dates import PartialDate


@dataclass(frozen=True)
class Reading:
    article: Extracted
    url: str
    mentions: list[Mention]
    dates: list[DatePhrase]
    proposals: list[Proposal]

    def new_names(self) -> list[Party]:
        """The places, bodies and people the proposals name that are not yet known, each
        once, in the order the article names them."""
        found = {}
        for mention in self.mentions:
            if mention.record is None and mention.guess is not None:
                party = Party(mention.kind, guessed_name(mention.guess), mention.guess.country)
                found.setdefault(party.key, (party, mention.guess))
        return list(found.values())


def read_article(
    article: Extracted, *, url: str = "", published: date | None = None, index=None
) -> Reading:
    """Recognize the names and dates of `article`'s text and propose its records. Relative
    dates ("last year") are read against `published`, else the extracted publication date."""
    published = published or article.published
    text = article.text
    mentions = recognize(text, index=index or NameIndex.from_database())
    dates = find_dates(text, today=published)
    proposals = propose(text, mentions, dates, published=published)
    return Reading(article, url, mentions, dates, proposals)


def partial_json(value: PartialDate | None) -> dict | None:
    if not value:
        return None
    return {
        "value": value.value.isoformat(),
        "precision": str(value.precision),
        "qualifier": str(value.qualifier),
        "as_written": str(value),
    }


def record_json(record) -> dict | None:
    if record is None:
        return None
    return {"id": record.pk, "name": str(record), "model": record._meta.model_name}


def field_json(value):
    """A proposal's field value in JSON: parties by name and id, dates as partial dates."""
    if isinstance(value, Party):
        return {"kind": value.kind, "name": value.name, "country": value.country} | {
            "record": record_json(value.record)
        }
    if isinstance(value, PartialDate):
        return partial_json(value)
    if isinstance(value, Proposal):
        return {"type": value.type, "title": value.title}
    if isinstance(value, list | tuple):
        return [field_json(item) for item in value]
    if isinstance(value, dict):
        return {key: field_json(item) for key, item in value.items()}
    return None if value is None else str(value)


def as_json(reading: Reading) -> dict:
    """What `manage.py intake --json` prints (README: "Intake from a script")."""
    article = reading.article
    return {
        "source": {
            "url": reading.url,
            "title": article.title,
            "publisher": article.publisher,
            "published": article.published.isoformat() if article.published else None,
            "language": article.language,
            "characters": len(article.text),
        },
        "mentions": [
            {
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "kind": m.kind,
                "record": record_json(m.record),
                "country": (m.guess.country if m.guess else getattr(m.record, "country", "")),
            }
            for m in reading.mentions
        ],
        "dates": [
            {
                "text": d.text,
                "start": d.start,
                "end": d.end,
                "from": partial_json(d.reading.start),
                "to": partial_json(d.reading.end),
                "understood": d.reading.understood(),
            }
            for d in reading.dates
        ],
        "proposals": [
            {
                "type": p.type,
                "title": p.title,
                "fields": field_json(p.fields),
                "quotes": dict(p.quotes),
            }
            for p in reading.proposals
        ],
    }
