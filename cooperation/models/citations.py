"""Evidence: each fact of a record cited to the words of an article that support it.

A fact is named by a key that `facts()` of the record lists: "dates", "signed", or a key
with the place, body or person it is about, "origin:municipality:12",
"participant:person:7" (`fact_key`). Places, bodies and people keep their ids (merging
rewrites the keys, cooperation/records/merging.py), so a citation stays with its fact when
the record's rows are entered again.
"""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from cooperation.models.base import PlainText
from cooperation.quotes import quote_error

NO_TEXT = (
    "This source has no article text to check the quote against: paste the article into "
    "its “Article text” (Sources, the source's page) and save it, then cite it."
)


def fact_key(kind: str, thing=None) -> str:
    """The key of a fact: its kind alone ("dates"), or with the thing it is about."""
    return kind if thing is None else f"{kind}:{thing._meta.model_name}:{thing.pk}"


def thing_in_key(key: str) -> tuple[str, int] | None:
    """(model name, id) of the thing a fact key is about, None for a fact of its own."""
    parts = key.split(":")
    if len(parts) != 3 or not parts[2].isdigit():
        return None
    return parts[1], int(parts[2])


class Citation(PlainText):
    """A source's verbatim words for one fact of a record, with an optional English
    rendering. The quote must occur in the source's stored text (cooperation/quotes.py);
    the public sees the quote and the link, never the stored text.

    Concrete citations add `record`, a foreign key with `related_name="citations"`.
    """

    fact = models.CharField(max_length=80, help_text="The fact the quote supports.")
    source = models.ForeignKey(
        "cooperation.Source", on_delete=models.PROTECT, related_name="%(class)ss"
    )
    quote = models.TextField(
        help_text="The article's words, copied as written in its language; spaces and "
        "punctuation may differ. Keep it short: the public sees it."
    )
    quote_en = models.TextField(
        "English rendering", blank=True, help_text="For a quote in Chinese or Hebrew."
    )
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["pk"]

    def __str__(self):
        return f"{self.fact}: {self.source}"

    def clean(self):
        super().clean()
        if not self.source_id or not self.quote:
            return
        if not self.source.text.strip():
            raise ValidationError({"source": NO_TEXT})
        message = quote_error(self.quote, self.source.text)
        if message:
            raise ValidationError({"quote": message})


def citation_models() -> list[type]:
    """The concrete citation models, one per record type."""
    return Citation.__subclasses__()


def citation_once(record: str):
    return models.UniqueConstraint(
        fields=["record", "fact", "source"],
        name=f"{record}_citation_once",
        violation_error_message="This source is already cited for this fact: "
        "put the other words in the same quote.",
    )


class OfficeCitation(Citation):
    record = models.ForeignKey(
        "cooperation.LiaisonOffice", on_delete=models.CASCADE, related_name="citations"
    )

    class Meta(Citation.Meta):
        verbose_name = "citation of an office's fact"
        constraints = [citation_once("office")]


class VisitCitation(Citation):
    record = models.ForeignKey(
        "cooperation.Visit", on_delete=models.CASCADE, related_name="citations"
    )

    class Meta(Citation.Meta):
        verbose_name = "citation of a visit's fact"
        constraints = [citation_once("visit")]


class EventCitation(Citation):
    record = models.ForeignKey(
        "cooperation.Event", on_delete=models.CASCADE, related_name="citations"
    )

    class Meta(Citation.Meta):
        verbose_name = "citation of an event's fact"
        constraints = [citation_once("event")]


class AgreementCitation(Citation):
    record = models.ForeignKey(
        "cooperation.Agreement", on_delete=models.CASCADE, related_name="citations"
    )

    class Meta(Citation.Meta):
        verbose_name = "citation of an agreement's fact"
        constraints = [citation_once("agreement")]
