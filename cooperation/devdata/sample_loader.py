"""Loads `sample_data` into the database; loading it again changes nothing.

The sources' texts are read from the articles' folder (`../shared/articles/` beside the
project, or the one given): the repository keeps no article text. Without the folder the
sources are loaded without their text, and the citations, which need it, are left out.
"""

from collections import Counter
from pathlib import Path

from django.conf import settings
from django.db import transaction

from cooperation.devdata import sample_data as data
from cooperation.models import (
    RECORD_MODELS,
    Agreement,
    AgreementParty,
    LiaisonOffice,
    Municipality,
    OfficeStaff,
    Organization,
    Person,
    PublicationStatus,
    Sector,
    Source,
    Visit,
    VisitParticipant,
    VisitPlace,
)
from cooperation.models.agreements import validate_party_count
from cooperation.models.citations import fact_key

ARTICLES = Path(settings.BASE_DIR).parent / "shared" / "articles"

CHANGE_REASON = "Loaded from the sample data"


class Loader:
    def __init__(self, articles: Path):
        self.outcomes = Counter()
        self.articles = articles

    def upsert(self, model, lookup: dict, values: dict):
        """Create or update one row, saving (and so writing history) only when something differs."""
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj, outcome = model(**lookup, **values), "created"
        else:
            changed = {name: value for name, value in values.items() if getattr(obj, name) != value}
            if not changed:
                self.outcomes["unchanged"] += 1
                return obj
            for name, value in changed.items():
                setattr(obj, name, value)
            outcome = "updated"
        obj.full_clean()
        obj._change_reason = CHANGE_REASON
        obj.save()
        self.outcomes[outcome] += 1
        return obj

    def named(self, model, rows, **resolvers):
        """Upsert rows keyed by slug, with their other names; `resolvers` turn slugs in the
        given fields into objects."""
        for row in rows:
            values = {key: value for key, value in row.items() if key not in {"slug", "aliases"}}
            for field, resolve in resolvers.items():
                if field in values:
                    values[field] = resolve(values[field])
            obj = self.upsert(model, {"slug": row["slug"]}, values)
            for alias in row.get("aliases", []):
                self.upsert(model.aliases.rel.related_model, {"owner": obj, "name": alias}, {})

    @staticmethod
    def by_slug(model):
        return lambda slug: model.objects.get(slug=slug)

    def record(self, model, row: dict, links: set[str], **resolvers):
        """Upsert a published office, visit or agreement with its sources and sectors."""
        values = {key: value for key, value in row.items() if key not in links}
        values["status"] = PublicationStatus.PUBLISHED
        self.named(model, [values], **resolvers)
        obj = model.objects.get(slug=row["slug"])
        obj.sources.set(Source.objects.filter(url__in=row["sources"]))
        obj.sectors.set(Sector.objects.filter(slug__in=row["sectors"]))
        return obj

    def load(self):
        municipality = self.by_slug(Municipality)
        organization = self.by_slug(Organization)
        person = self.by_slug(Person)

        def party(key: str) -> dict:
            """ "municipality:haifa" or "organization:sipg" as the row's field and object."""
            kind, slug = key.split(":")
            return {kind: municipality(slug) if kind == "municipality" else organization(slug)}

        for row in data.SOURCES:
            values = {k: v for k, v in row.items() if k not in {"url", "article"}}
            article = self.articles / row["article"]
            if article.is_file():
                values["text"] = article.read_text(encoding="utf-8")
            self.upsert(Source, {"url": row["url"]}, values)
        for slug, name in data.SECTORS.items():
            self.upsert(Sector, {"slug": slug}, {"name": name})
        parents_first = sorted(data.MUNICIPALITIES, key=lambda row: "parent" in row)
        self.named(Municipality, parents_first, parent=municipality)
        self.named(Organization, data.ORGANIZATIONS, municipality=municipality)
        self.named(Person, data.PEOPLE)

        for row in data.OFFICES:
            office = self.record(
                LiaisonOffice,
                row,
                {"sources", "sectors", "staff"},
                sponsor=municipality,
                host=municipality,
                sponsor_organization=organization,
            )
            for slug, role in row.get("staff", []):
                self.upsert(
                    OfficeStaff, {"office": office, "person": person(slug), "role": role}, {}
                )

        for row in data.VISITS:
            visit = self.record(
                Visit,
                row,
                {"sources", "sectors", "places", "participants"},
                leader=person,
            )
            for role, key in row["places"]:
                self.upsert(VisitPlace, {"visit": visit, "role": role, **party(key)}, {})
            for slug, role, side, body in row["participants"]:
                self.upsert(
                    VisitParticipant,
                    {"visit": visit, "person": person(slug)},
                    {"role": role, "side": side, "organization": body and organization(body)},
                )

        for row in data.AGREEMENTS:
            agreement = self.record(
                Agreement,
                row,
                {"sources", "sectors", "parties"},
                visit=self.by_slug(Visit),
            )
            for key in row["parties"]:
                self.upsert(AgreementParty, {"agreement": agreement, **party(key)}, {})
            validate_party_count(agreement.parties.count())

        self.load_evidence()

    def load_evidence(self):
        """Each record's citations; those of a source without its text are left out."""
        things = {"municipality": Municipality, "organization": Organization, "person": Person}
        for slug, citations in data.EVIDENCE.items():
            record = next(
                filter(None, (model.objects.filter(slug=slug).first() for model in RECORD_MODELS))
            )
            for fact, url, quote in citations:
                source = Source.objects.get(url=url)
                if not source.text:
                    self.outcomes["citations left out"] += 1
                    continue
                if fact.count(":") == 2:  # "origin:municipality:beijing"
                    kind, model_name, thing = fact.split(":")
                    fact = fact_key(kind, things[model_name].objects.get(slug=thing))
                self.upsert(
                    record.citations.model,
                    {"record": record, "fact": fact, "source": source},
                    {"quote": quote},
                )


def load_sample_data(articles: Path = ARTICLES) -> Counter:
    """Load every record of the sample data in one transaction; returns what happened to
    rows ("citations left out" counts those whose article text was not found)."""
    loader = Loader(articles)
    with transaction.atomic():
        loader.load()
    return loader.outcomes
