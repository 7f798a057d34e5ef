"""The intake page's forms: the article, then, on one page, its source, the new names and
the records proposed, each editable and ticked to keep.

Places, bodies and people are typed by name, several separated by “;”, so nothing needs a
popup: a name resolves to a known record by any of its names (as the search does), or to a
new name ticked on the same page. A name that is neither is refused with what to do.
"""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from cooperation.admin.dates import DATE_BOX_HELP, PartialDateField, written
from cooperation.intake.proposals import Party, Proposal
from cooperation.models import (
    AgreementKind,
    Country,
    EventKind,
    Municipality,
    OperatingStatus,
    Organization,
    Person,
    Side,
    Source,
)
from cooperation.models.places import MunicipalityLevel
from cooperation.records.intake import NewName
from cooperation.scripts import folded, name_key

SEPARATOR = ";"
MODELS = {"municipality": Municipality, "organization": Organization, "person": Person}
KIND_LABELS = {"municipality": "place", "organization": "body", "person": "person"}


class ArticleForm(forms.Form):
    url = forms.CharField(
        label="Article URL",
        required=False,
        max_length=500,
        help_text="With no text below, the page is fetched from this address.",
    )
    document = forms.CharField(
        label="Article text or HTML",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100}),
        help_text="Paste the article whole: its text, or its page's HTML.",
    )
    published = PartialDateField(
        label="Publication date",
        help_text="If the article does not show it. " + DATE_BOX_HELP,
    )

    def clean_url(self):
        url = self.cleaned_data["url"].strip()
        if url:
            try:
                URLValidator(schemes=["http", "https"])(url)
            except ValidationError:
                raise ValidationError(
                    "Give the article's full web address, starting http:// or https://."
                ) from None
        return url

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("url") and not cleaned.get("document", "").strip():
            raise ValidationError("Paste the article's text, or give its URL to fetch it.")
        return cleaned


class SourceForm(forms.ModelForm):
    """The article as a source: what extraction found, for the analyst to correct."""

    published = PartialDateField(label="Publication date", help_text=DATE_BOX_HELP)
    text = forms.CharField(widget=forms.HiddenInput, strip=False, required=False)

    class Meta:
        model = Source
        fields = ["url", "title", "publisher", "language", "publisher_kind", "publisher_country"]
        help_texts = {"url": "Every source has its address; it must not be cited already."}

    def clean_text(self):
        text = self.cleaned_data["text"]
        if not text.strip():
            raise ValidationError("The article has no text.")
        return text

    def source(self) -> Source:
        source = Source(**{name: self.cleaned_data[name] for name in self.Meta.fields})
        reading = self.cleaned_data["published"]
        if reading.start:
            start = reading.start
            source.published_date = start.value
            source.published_precision = start.precision
            source.published_qualifier = start.qualifier
        source.text = self.cleaned_data["text"]
        return source


class NewNameForm(forms.Form):
    keep = forms.BooleanField(label="Create", required=False, initial=True)
    key = forms.CharField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        choices=list(KIND_LABELS.items()),
        widget=forms.HiddenInput,
    )
    name = forms.CharField(label="Name (English)", max_length=200, required=False)
    name_zh = forms.CharField(label="Chinese", max_length=200, required=False)
    name_he = forms.CharField(label="Hebrew", max_length=200, required=False)
    country = forms.ChoiceField(choices=[("", "—"), *Country.choices], required=False)
    level = forms.ChoiceField(choices=[("", "—"), *MunicipalityLevel.choices], required=False)
    latitude = forms.FloatField(required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(required=False, min_value=-180, max_value=180)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("keep") or self.errors:
            return cleaned
        if not cleaned.get("name", "").strip():
            self.add_error("name", "Give the English name (the record's required name).")
        if cleaned.get("kind") != "person" and not cleaned.get("country"):
            self.add_error("country", "Choose China or Israel.")
        return cleaned

    def new_name(self) -> NewName:
        c = self.cleaned_data
        return NewName(
            key=c["key"],
            kind=c["kind"],
            name=c["name"].strip(),
            name_zh=c["name_zh"].strip(),
            name_he=c["name_he"].strip(),
            country=c["country"],
            level=c["level"] if c["kind"] == "municipality" else "",
            latitude=c["latitude"],
            longitude=c["longitude"],
        )

    def names(self) -> set[str]:
        c = self.cleaned_data
        return {name_key(c.get(n, "")) for n in ("name", "name_zh", "name_he")} - {""}


NewNameFormSet = forms.formset_factory(NewNameForm, extra=0)


class Names:
    """Resolves names typed on the page to a known record or a new name of the page."""

    def __init__(self, new_forms):
        self.new = {}
        for form in new_forms:
            if form.cleaned_data.get("keep"):
                new = form.new_name()
                party = Party(new.kind, new.name, new.country)
                for key in form.names():
                    self.new[(new.kind, key)] = (party, new.key)

    def party(self, kind: str, name: str) -> Party:
        key = name_key(name)
        if (kind, key) in self.new:
            party, new_key = self.new[(kind, key)]
            return Party(party.kind, party.name, party.country, None, new_key)
        model = MODELS[kind]
        candidates = model.objects.filter(search_names__contains=folded(name)).only(
            "pk", "name", "search_names", *(["country"] if kind != "person" else [])
        )
        for record in candidates:
            if key in {name_key(line) for line in record.search_names.splitlines()}:
                return Party(kind, str(record), getattr(record, "country", ""), record)
        raise ValidationError(
            f"“{name}” is not a known {KIND_LABELS[kind]}: tick it under “New names” (or add "
            f"it there with its country), or correct the spelling."
        )

    def parties(self, kind: str, text: str) -> list[Party]:
        names = [name.strip() for name in text.split(SEPARATOR) if name.strip()]
        return [self.party(kind, name) for name in names]


def names_text(parties) -> str:
    return f"{SEPARATOR} ".join(party.name for party in parties if party)


class ProposalForm(forms.Form):
    """One proposed record: ticked to keep, its fields, and the quotes for its facts."""

    keep = forms.BooleanField(label="Create this record", required=False, initial=True)
    title = forms.CharField(max_length=300)
    quotes = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, today=None, names: Names | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.names = names
        for field in self.fields.values():
            if isinstance(field, PartialDateField):
                field.today = field.widget.today = today

    @classmethod
    def initial_of(cls, proposal: Proposal) -> dict:
        return {
            "title": proposal.title,
            "quotes": json.dumps(proposal.quotes, ensure_ascii=False),
        } | cls.initial_fields(proposal.fields)

    def quote_list(self) -> list[str]:
        """The distinct sentences this proposal's facts are quoted from, in order."""
        raw = self["quotes"].value() or "{}"
        try:
            quotes = json.loads(raw)
        except json.JSONDecodeError:
            return []
        return list(dict.fromkeys(quotes.values())) if isinstance(quotes, dict) else []

    def clean_quotes(self):
        try:
            quotes = json.loads(self.cleaned_data["quotes"] or "{}")
        except json.JSONDecodeError:
            quotes = {}
        return quotes if isinstance(quotes, dict) else {}

    def resolved(self, kind: str, field: str) -> list[Party]:
        try:
            return self.names.parties(kind, self.cleaned_data.get(field, ""))
        except ValidationError as error:
            self.add_error(field, error)
            return []

    def one(self, kind: str, field: str) -> Party | None:
        found = self.resolved(kind, field)
        if len(found) > 1:
            self.add_error(field, "Give one name here.")
        return found[0] if found else None

    def proposal(self) -> Proposal:
        quotes = self.cleaned_data["quotes"]
        return Proposal(self.type, self.cleaned_data["title"], self.fields_of(), quotes)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("keep") and not self.errors:
            cleaned["proposal"] = self.proposal()
        return cleaned


class VisitProposalForm(ProposalForm):
    type = "visit"
    origins = forms.CharField(label="From", help_text="Places, separated by “;”.")
    destinations = forms.CharField(label="To", required=False)
    dates = PartialDateField(label="Dates", period=True)
    leader = forms.CharField(label="Led by", required=False)
    participants = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text="One a line: name; title at the time; chinese or israeli.",
    )

    @staticmethod
    def initial_fields(f: dict) -> dict:
        rows = [f"{r['person'].name}; {r['role']}; {r['side']}" for r in f["participants"]]
        return {
            "origins": names_text(f["origins"]),
            "destinations": names_text(f["destinations"]),
            "dates": written(f["start"], f["end"]),
            "leader": f["leader"].name if f["leader"] else "",
            "participants": "\n".join(rows),
        }

    def fields_of(self) -> dict:
        c = self.cleaned_data
        return {
            "origins": self.resolved("municipality", "origins"),
            "destinations": self.resolved("municipality", "destinations"),
            "start": c["dates"].start,
            "end": c["dates"].end,
            "leader": self.one("person", "leader"),
            "participants": self.participant_rows(c["participants"]),
        }

    def participant_rows(self, text: str) -> list[dict]:
        rows = []
        for number, line in enumerate(filter(str.strip, text.splitlines()), 1):
            parts = [part.strip() for part in line.split(SEPARATOR)]
            name, role, side = [*parts, "", ""][:3]
            try:
                person = self.names.party("person", name)
            except ValidationError as error:
                self.add_error("participants", f"Line {number}: {error.messages[0]}")
                continue
            if side.lower() not in Side.values or not role:
                self.add_error(
                    "participants",
                    f"Line {number}: write “name; title; chinese” or “name; title; israeli”.",
                )
                continue
            rows.append({"person": person, "role": role, "side": side.lower()})
        return rows


class OfficeProposalForm(ProposalForm):
    type = "office"
    name = forms.CharField(max_length=200)
    sponsor = forms.CharField(label="Run by (Chinese municipality)")
    sponsor_organization = forms.CharField(label="Body that runs it", required=False)
    host = forms.CharField(label="Located in (Israeli municipality)")
    operating_status = forms.ChoiceField(choices=OperatingStatus.choices)
    announced = PartialDateField(label="Announced")
    opened = PartialDateField(label="Opened")

    @staticmethod
    def initial_fields(f: dict) -> dict:
        return {
            "name": f["name"],
            "sponsor": f["sponsor"].name,
            "sponsor_organization": f["sponsor_organization"].name
            if f["sponsor_organization"]
            else "",
            "host": f["host"].name,
            "operating_status": f["operating_status"],
            "announced": written(f["announced"]) if f.get("announced") else "",
            "opened": written(f["opened"]) if f.get("opened") else "",
        }

    def fields_of(self) -> dict:
        c = self.cleaned_data
        return {
            "name": c["name"],
            "sponsor": self.one("municipality", "sponsor"),
            "sponsor_organization": self.one("organization", "sponsor_organization"),
            "host": self.one("municipality", "host"),
            "operating_status": c["operating_status"],
            "announced": c["announced"].start,
            "opened": c["opened"].start,
        }


class AgreementProposalForm(ProposalForm):
    type = "agreement"
    kind = forms.ChoiceField(choices=AgreementKind.choices)
    parties = forms.CharField(
        help_text="Places or bodies, separated by “;”; a body's name is tried after a place's."
    )
    signed = PartialDateField(label="Signed")
    during_visit = forms.BooleanField(
        label="Signed during the visit of this article", required=False
    )

    @staticmethod
    def initial_fields(f: dict) -> dict:
        return {
            "kind": f["kind"],
            "parties": names_text(f["parties"]),
            "signed": written(f["signed"]) if f.get("signed") else "",
            "during_visit": bool(f.get("visit")),
        }

    def parties_of(self) -> list[Party]:
        found = []
        for name in filter(None, (n.strip() for n in self.cleaned_data["parties"].split(";"))):
            try:
                found.append(self.names.party("municipality", name))
            except ValidationError:
                try:
                    found.append(self.names.party("organization", name))
                except ValidationError as error:
                    self.add_error("parties", error)
        return found

    def fields_of(self) -> dict:
        c = self.cleaned_data
        return {
            "kind": c["kind"],
            "parties": self.parties_of(),
            "signed": c["signed"].start,
            "visit": c["during_visit"],
        }


class EventProposalForm(ProposalForm):
    type = "event"
    kind = forms.ChoiceField(choices=EventKind.choices)
    place = forms.CharField(label="Held in", required=False)
    dates = PartialDateField(label="Dates", period=True)
    organizers = forms.CharField(required=False, help_text="Bodies, separated by “;”.")

    @staticmethod
    def initial_fields(f: dict) -> dict:
        return {
            "kind": f["kind"],
            "place": f["place"].name if f["place"] else "",
            "dates": written(f["start"], f["end"]) if f.get("start") else "",
            "organizers": names_text(f["organizers"]),
        }

    def fields_of(self) -> dict:
        c = self.cleaned_data
        return {
            "kind": c["kind"],
            "place": self.one("municipality", "place"),
            "start": c["dates"].start,
            "end": c["dates"].end,
            "organizers": self.resolved("organization", "organizers"),
        }


PROPOSAL_FORMS = {
    form.type: form
    for form in (VisitProposalForm, OfficeProposalForm, AgreementProposalForm, EventProposalForm)
}
