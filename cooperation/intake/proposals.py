"""The records an article reports, proposed from its sentences for an analyst to confirm.

A sentence that speaks of a visit, a liaison office, an agreement or a forum proposes a
record of that type, filled from the names and dates recognized in it (mentions.py,
dates.py). The rules are those of news reporting:

- a **visit** comes from the first place the sentence names ("Shanghai Mayor Ying Yong led a
  delegation", "a delegation from Beijing"), with every other place of that country named
  beside it (delegations of several cities); it goes to the other country's places the
  sentence names, else to those the article names ("visit Israel", then "mayor of Haifa");
  its leader is the first person of the sentence; its dates the sentence's, else the
  article's month, inferred (what the analysts did with "a meeting held on Sunday");
- an **office** is run by the Chinese place (or the Chinese body and its city) of the
  sentence, else of the article, and hosted by the Israeli one; "will open", "planned" mean
  announced, "opened", "launched" mean open;
- an **agreement** of a city tie is between the places of its sentence; one of bodies
  ("the commission and the authority signed cooperation agreements") between the bodies; its
  kind is read from its words (twin city, letter of intent, memorandum, contract);
- an **event** (forum, expo, conference) is held in the place its sentence names.

Sentences that propose the same record (same type and parties) are merged: the first one
that says a fact supplies it and its quote. Every filled fact carries the sentence that
supports it as its quote, so the analyst sees why it was proposed, and the citation is
checked against the stored text like any other. A proposal is only a proposal: nothing is
created until the analyst confirms it (cooperation/records/intake.py).
"""

import re
from dataclasses import dataclass, field
from datetime import date

from cooperation.intake.dates import DatePhrase
from cooperation.intake.mentions import Mention
from cooperation.models import AgreementKind, EventKind, OperatingStatus, Side
from cooperation.partial_dates import PartialDate, Precision, Qualifier
from cooperation.scripts import name_key

CHINA, ISRAEL = "CN", "IL"

# A sentence ends at . ! ? followed by a space, at 。！？, or at a line break.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+|(?<=[。！？])|\n+")

VISIT = re.compile(
    r"\b(visit(s|ed|ing)?|delegations?|trip|tour(ed)?)\b|访问|出访|考察|代表团|率团|"
    r"ביקור|ביקר|ביקרה|משלחת",
    re.IGNORECASE,
)
OFFICE = re.compile(
    r"\b(liaison|representative|trade|economic|business) offices?\b|\boffice in\b|"
    r"办事处|代表处|联络处|נציגות|משרד קישור",
    re.IGNORECASE,
)
EVENT_KINDS = (
    (EventKind.FORUM, re.compile(r"\bforum\b|论坛|פורום", re.IGNORECASE)),
    (EventKind.EXPO, re.compile(r"\b(expo|fair|exhibition)\b|博览会|展会|תערוכה", re.I)),
    (EventKind.CONFERENCE, re.compile(r"\b(conference|summit)\b|大会|峰会|כנס", re.I)),
)
# The first kind whose words a sentence has is the agreement's kind: the formal tie before
# the informal one, the named instruments before the generic "agreement".
AGREEMENT_KINDS = (
    (
        AgreementKind.FRIENDLY_EXCHANGE,
        re.compile(r"friendly[- ]exchange|友好交流|קשרי ידידות", re.IGNORECASE),
    ),
    (
        AgreementKind.TWINNING,
        re.compile(
            r"\b(twin|sister|friendship)[- ]cit(y|ies)|\btwin(ned|ning)\b|友好城市|姐妹城市|"
            r"ערים תאומות|עיר תאומה|ערי תאומות|עיר אחות",
            re.IGNORECASE,
        ),
    ),
    (
        AgreementKind.LETTER_OF_INTENT,
        re.compile(r"letters? of intent|意向书|מכתב כוונות", re.IGNORECASE),
    ),
    (
        AgreementKind.MOU,
        re.compile(r"memorand(um|a) of understanding|\bMoUs?\b|备忘录|מזכר הבנות", re.IGNORECASE),
    ),
    (
        AgreementKind.CONTRACT,
        re.compile(
            r"\bsign\w*\b.*\b(contracts?|deals?|projects?)\b|合同|签约.*项目|חוזה",
            re.IGNORECASE,
        ),
    ),
    (
        AgreementKind.COOPERATION,
        re.compile(
            r"\b(cooperation|co-operation|partnership) agreements?\b|\bsigned\b.*\bagreements?\b|"
            r"合作协议|协议|签署|הסכם",
            re.IGNORECASE,
        ),
    ),
)
ANNOUNCED = re.compile(r"\bwill open\b|\bplann?(ed|ing)\b|\bannounc|将设立|将开设|יפתח|תיפתח", re.I)
OPENED = re.compile(r"\bopen(ed|s)\b|\blaunch(ed|ing)\b|\binaugurat|揭牌|成立|开业|נפתח", re.I)
DURING_VISIT = re.compile(r"\bduring\b.*\b(trip|visit)\b|访问期间|במהלך הביקור", re.IGNORECASE)
COUNTRY_WORDS = (
    (ISRAEL, re.compile(r"\bIsrael(i|'s|’s)?\b|以色列|ישראל", re.IGNORECASE)),
    (CHINA, re.compile(r"\bChin(a|ese)(’s|'s)?\b|中国|中方|סין", re.IGNORECASE)),
)
# A person's title as apposition: "Yona Yahav, mayor of Haifa" (up to the next , ; or .).
APPOSITION = re.compile(r"\s*,\s*((?:the\s+)?[a-z][^,;.()]{2,80})")
TITLE_BEFORE = re.compile(
    r"((?:vice |deputy |executive )?(?:mayor|minister|governor|ambassador|chairman|chairwoman|"
    r"president|director|secretary|consul[- ]general|party secretary))\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Party:
    """A place, body or person a proposal names: a known record, or a name the analyst is
    offered to create (`mentions.Guess`)."""

    kind: str
    name: str
    country: str
    record: object | None = None
    new_key: str = ""  # the key the intake page gave a new name, when it differs

    @property
    def key(self) -> str:
        """Stable within one intake: "municipality:12" for a record, "new:municipality:haifa"
        for a name to create (the same name, said twice, is one new place)."""
        if self.new_key:
            return self.new_key
        if self.record is not None:
            return f"{self.kind}:{self.record.pk}"
        return f"new:{self.kind}:{name_key(self.name)}"


@dataclass
class Proposal:
    """One record to create, as the article reports it. `fields` hold the values by the
    model's field names (places and people as `Party`, dates as `PartialDate`); `quotes`
    the sentence for each fact, keyed as the record's `facts()` key them, with a `Party.key`
    where the fact is about a thing ("origin:municipality:12")."""

    type: str
    title: str
    fields: dict = field(default_factory=dict)
    quotes: dict = field(default_factory=dict)
    dates_stated: bool = False  # its dates are its own sentence's, not borrowed or guessed

    def identity(self) -> tuple:
        """What makes two sentences' proposals one record."""
        f = self.fields
        if self.type == "visit":
            return ("visit", frozenset(p.key for p in f["origins"]))
        if self.type == "office":
            return ("office", f["sponsor"].key, f["host"].key)
        if self.type == "agreement":
            return ("agreement", f["kind"], frozenset(p.key for p in f["parties"]))
        return ("event", f["kind"], f["place"].key if f["place"] else None)

    def merge(self, other: "Proposal") -> None:
        """Fill what this proposal lacks from a later sentence's proposal of the record.
        Dates stated in the record's own sentence replace dates it only borrowed or
        guessed, both ends together ("Shanghai mayor visits Israel", then "led a
        delegation to visit Israel from June 5 to 7")."""
        if other.dates_stated and not self.dates_stated:
            for name in ("start", "end"):
                self.fields[name] = other.fields.get(name)
            self.quotes["dates"] = other.quotes["dates"]
            self.dates_stated = True
        for name, value in other.fields.items():
            if not self.fields.get(name) and value:
                self.fields[name] = value
        for fact, quote in other.quotes.items():
            self.quotes.setdefault(fact, quote)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    mentions: tuple
    dates: tuple


def sentences(text: str, mentions: list[Mention], dates: list[DatePhrase]) -> list[Sentence]:
    """The article cut into sentences, each with the mentions and date phrases inside it."""
    result, start = [], 0
    for boundary in [*SENTENCE_END.finditer(text), None]:
        end = boundary.start() if boundary else len(text)
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            offset = start + chunk.index(stripped)
            stop = offset + len(stripped)
            result.append(
                Sentence(
                    offset,
                    stop,
                    stripped,
                    tuple(m for m in mentions if offset <= m.start < stop),
                    tuple(d for d in dates if offset <= d.start < stop),
                )
            )
        start = boundary.end() if boundary else len(text)
    return result


def guessed_name(guess) -> str:
    """The name a new place, body or person is proposed under: as the article writes it
    when it writes it in Latin letters ("Karmiel"), else its English name where the
    gazetteer has one (常州 is "Changzhou"), else as written."""
    if guess.name.isascii() or not guess.name_en:
        return guess.name
    return guess.name_en


def party_of(mention: Mention) -> Party:
    record, guess = mention.record, mention.guess
    if record is not None:
        return Party(mention.kind, str(record), getattr(record, "country", ""), record)
    return Party(mention.kind, guessed_name(guess), guess.country)


def parties(mentions, kind: str, country: str | None = None) -> list[Party]:
    """The distinct places (or bodies, or people) among `mentions`, in order, of `country`
    when one is given."""
    found = {}
    for mention in mentions:
        if mention.kind != kind:
            continue
        party = party_of(mention)
        if country is None or party.country == country:
            found.setdefault(party.key, party)
    return list(found.values())


def one_a_side(mentions, at: int) -> list[Party]:
    """The two parties of an agreement among `mentions`: the Chinese one and the Israeli
    one nearest to the words that name it (`at`), "Beijing and Tel Aviv have been sister
    cities" in a sentence that also names Jiangsu. Without one of each side, the two
    nearest of whatever country."""
    by_distance = sorted(mentions, key=lambda m: abs(m.start - at))
    chosen = {}
    for country in (CHINA, ISRAEL):
        nearest = next((party_of(m) for m in by_distance if party_of(m).country == country), None)
        if nearest is not None:
            chosen[nearest.key] = nearest
    for mention in by_distance:
        if len(chosen) >= 2:
            break
        chosen.setdefault(party_of(mention).key, party_of(mention))
    return sorted(
        chosen.values(), key=lambda p: next(m.start for m in mentions if party_of(m).key == p.key)
    )


def other(country: str) -> str:
    return ISRAEL if country == CHINA else CHINA


def article_month(published: date | None) -> PartialDate:
    """What analysts record for a visit whose article gives no date: its month, inferred."""
    if published is None:
        return PartialDate(None)
    return PartialDate(published.replace(day=1), Precision.MONTH, Qualifier.INFERRED)


def month_of(value: PartialDate) -> PartialDate:
    """The month a borrowed day lies in, inferred: when the visit was under way."""
    return PartialDate(value.value.replace(day=1), Precision.MONTH, Qualifier.INFERRED)


def first_date(sentence: Sentence):
    return sentence.dates[0].reading if sentence.dates else None


class Reader:
    """Proposals from one article: its sentences and what the whole article names."""

    def __init__(self, text, mentions, dates, *, published=None):
        self.sentences = sentences(text, mentions, dates)
        self.mentions = mentions
        self.text = text
        self.published = published

    def date_near_publication(self):
        """The article's first day or month within 90 days of its publication: a report's
        visit is the recent one ("met on Monday" two sentences after "the delegation").
        The publication day itself is skipped: that is the article's dateline. A day said
        of something else (a meeting) is a day within the visit, not its first: the visit
        takes its month, inferred (`month_of`)."""
        if self.published is None:
            return None
        for sentence in self.sentences:
            for phrase in sentence.dates:
                start = phrase.reading.start
                close = 0 < abs((start.value - self.published).days) <= 90
                if close and start.precision in (Precision.DAY, Precision.MONTH):
                    return phrase.reading
        return None

    def sentence_of(self, reading) -> str:
        return next(s.text for s in self.sentences for d in s.dates if d.reading is reading)

    def places_in_article(self, country: str) -> list[Party]:
        return parties(self.mentions, "municipality", country)

    def proposals(self) -> list[Proposal]:
        merged: dict[tuple, Proposal] = {}
        for sentence in self.sentences:
            for proposal in self.from_sentence(sentence):
                key = proposal.identity()
                if key in merged:
                    merged[key].merge(proposal)
                else:
                    merged[key] = proposal
        found = list(merged.values())
        self.link_agreements_to_visit(found)
        return found

    def from_sentence(self, sentence: Sentence):
        proposers = (self.visit, self.office, self.agreement, self.event)
        return [p for p in (proposer(sentence) for proposer in proposers) if p is not None]

    def visit(self, s: Sentence) -> Proposal | None:
        if not VISIT.search(s.text):
            return None
        places = [m for m in s.mentions if m.kind in ("municipality", "organization")]
        first = next((party_of(m) for m in places if party_of(m).country), None)
        if first is None or first.kind != "municipality":
            return None
        origins = parties(s.mentions, "municipality", first.country)
        destinations = parties(s.mentions, "municipality", other(first.country))
        destinations = destinations or self.places_in_article(other(first.country))
        reading = first_date(s)
        borrowed = None if reading else self.date_near_publication()
        start = reading.start if reading else article_month(self.published)
        end = reading.end if reading else PartialDate(None)
        if borrowed:
            start = month_of(borrowed.start)
        people = parties(s.mentions, "person")
        leader = people[0] if people else None
        fields = {
            "origins": origins,
            "destinations": destinations,
            "start": start,
            "end": end,
            "leader": leader,
            "participants": self.participants(first.country),
        }
        names = " and ".join(p.name for p in origins)
        to = " and ".join(p.name for p in destinations)
        title = f"{names} delegation to {to}" if to else f"{names} delegation"
        quotes = {f"origin:{p.key}": s.text for p in origins}
        quotes |= {f"destination:{p.key}": s.text for p in destinations if p.name in s.text}
        if reading or borrowed:
            quotes["dates"] = s.text if reading else self.sentence_of(borrowed)
        if leader:
            quotes["leader"] = s.text
        quotes |= {
            f"participant:{row['person'].key}": row["quote"] for row in fields["participants"]
        }
        return Proposal("visit", title, fields, quotes, dates_stated=bool(reading))

    def participants(self, origin_country: str) -> list[dict]:
        """Every person the article names with a title, with that title and the side the
        title or the place beside the name says (the delegation's side when it says none).
        A person named without a title is left to the analyst: a participant needs one."""
        rows = {}
        for sentence in self.sentences:
            for mention in sentence.mentions:
                if mention.kind != "person":
                    continue
                person = party_of(mention)
                if person.key in rows:
                    continue
                role = self.role_of(mention)
                if not role:  # a person the article gives no title is not proposed
                    continue
                rows[person.key] = {
                    "person": person,
                    "role": role,
                    "side": self.side_of(mention, role, origin_country),
                    "quote": sentence.text,
                }
        return list(rows.values())

    def role_of(self, mention: Mention) -> str:
        if mention.guess is not None and mention.guess.role:
            return mention.guess.role
        after = APPOSITION.match(self.text, mention.end)
        if after:
            return after.group(1).strip()
        before = TITLE_BEFORE.search(self.text[max(0, mention.start - 40) : mention.start])
        if before:
            place = self.nearest_place_before(mention)
            title = before.group(1).strip()
            return f"{title} of {place.name}" if place else title
        return ""

    def nearest_place_before(self, mention: Mention) -> Party | None:
        near = [
            m
            for m in self.mentions
            if m.kind == "municipality" and mention.start - 40 <= m.end <= mention.start
        ]
        return party_of(near[-1]) if near else None

    def side_of(self, mention: Mention, role: str, origin_country: str) -> str:
        context = role or self.text[max(0, mention.start - 40) : mention.start]
        for country, words in COUNTRY_WORDS:
            if words.search(context):
                return Side.ISRAELI if country == ISRAEL else Side.CHINESE
        places = [
            party_of(m)
            for m in self.mentions
            if m.kind in ("municipality", "organization")
            and mention.start - 40 <= m.start <= mention.end + len(role) + 2
        ]
        country = next((p.country for p in places if p.country), origin_country)
        return Side.ISRAELI if country == ISRAEL else Side.CHINESE

    def office(self, s: Sentence) -> Proposal | None:
        if not OFFICE.search(s.text):
            return None
        body = next(iter(parties(s.mentions, "organization", CHINA)), None)
        sponsors = parties(s.mentions, "municipality", CHINA)
        if not sponsors and body is not None and body.record is not None:
            city = getattr(body.record, "municipality", None)
            sponsors = [Party("municipality", str(city), CHINA, city)] if city else []
        sponsors = sponsors or self.places_in_article(CHINA)
        hosts = parties(s.mentions, "municipality", ISRAEL) or self.places_in_article(ISRAEL)
        if not sponsors or not hosts:
            return None
        sponsor, host = sponsors[0], hosts[0]
        status = OperatingStatus.UNKNOWN
        if ANNOUNCED.search(s.text):
            status = OperatingStatus.ANNOUNCED
        elif OPENED.search(s.text):
            status = OperatingStatus.OPEN
        fields = {
            "name": self.office_name(s, sponsor, host),
            "sponsor": sponsor,
            "sponsor_organization": body,
            "host": host,
            "operating_status": status,
        }
        quotes = {"sponsor": s.text, "host": s.text}
        if status != OperatingStatus.UNKNOWN:
            quotes["operating_status"] = s.text
        reading = first_date(s)
        if reading:
            moment = "opened" if status == OperatingStatus.OPEN else "announced"
            fields[moment], quotes[moment] = reading.start, s.text
        elif said := self.opening_said(sponsor):
            # Another sentence says when: "launched operations" is the opening, whatever
            # the sentence naming the office announced.
            moment = "opened" if OPENED.search(said.text) else "announced"
            fields[moment], quotes[moment] = first_date(said).start, said.text
            if moment == "opened":
                fields["operating_status"] = OperatingStatus.OPEN
                quotes["operating_status"] = said.text
        if fields["operating_status"] == OperatingStatus.ANNOUNCED and not fields.get("announced"):
            fields["announced"] = article_month(self.published)
        return Proposal("office", fields["name"], fields, quotes)

    def opening_said(self, sponsor: Party) -> Sentence | None:
        """The sentence that says when the sponsor's office opened or was announced, when
        the one that names the office does not: "The city of Dongguan ... launching
        operations this past January"."""
        for sentence in self.sentences:
            names_sponsor = any(party_of(m).key == sponsor.key for m in sentence.mentions)
            opening = OPENED.search(sentence.text) or ANNOUNCED.search(sentence.text)
            if names_sponsor and opening and sentence.dates:
                return sentence
        return None

    @staticmethod
    def office_name(s: Sentence, sponsor: Party, host: Party) -> str:
        named = [
            m.text
            for m in s.mentions
            if m.kind == "organization" and re.search(r"office|办事处|代表处|נציגות", m.text, re.I)
        ]
        return named[0] if named else f"{sponsor.name} liaison office in {host.name}"

    def agreement(self, s: Sentence) -> Proposal | None:
        found = next(
            ((kind, m) for kind, words in AGREEMENT_KINDS if (m := words.search(s.text))), None
        )
        if found is None:
            return None
        kind, words = found
        at = s.start + words.start()
        places = [m for m in s.mentions if m.kind == "municipality"]
        bodies = [m for m in s.mentions if m.kind == "organization"]
        if kind in (AgreementKind.TWINNING, AgreementKind.FRIENDLY_EXCHANGE):
            sides = one_a_side(places, at)
        else:
            sides = one_a_side(bodies, at) if len(parties(bodies, "organization")) >= 2 else []
            sides = sides or one_a_side(places + bodies, at)
        if len(sides) < 2:
            return None
        reading = first_date(s)
        fields = {"kind": kind, "parties": sides, "signed": reading.start if reading else None}
        fields["during_visit"] = bool(DURING_VISIT.search(s.text))
        quotes = {"kind": s.text} | {f"party:{p.key}": s.text for p in sides}
        if reading:
            quotes["signed"] = s.text
        title = f"{' - '.join(p.name for p in sides)} {AgreementKind(kind).label.lower()}"
        return Proposal("agreement", title, fields, quotes)

    def event(self, s: Sentence) -> Proposal | None:
        kind = next((kind for kind, words in EVENT_KINDS if words.search(s.text)), None)
        if kind is None:
            return None
        places = parties(s.mentions, "municipality")
        place = places[0] if places else None
        reading = first_date(s)
        fields = {
            "kind": kind,
            "place": place,
            "start": reading.start if reading else None,
            "end": reading.end if reading else None,
            "organizers": parties(s.mentions, "organization"),
        }
        quotes = {"place": s.text} if place else {}
        if reading:
            quotes["dates"] = s.text
        label = EventKind(kind).label
        return Proposal("event", f"{label} in {place.name}" if place else label, fields, quotes)

    @staticmethod
    def link_agreements_to_visit(found: list[Proposal]) -> None:
        """An agreement signed "during the trip" belongs to the article's visit, when the
        article reports one."""
        visits = [p for p in found if p.type == "visit"]
        for proposal in found:
            during = proposal.type == "agreement" and proposal.fields.pop("during_visit", False)
            if during and len(visits) == 1:
                proposal.fields["visit"] = visits[0]
                proposal.quotes.setdefault("visit", proposal.quotes["kind"])


def propose(
    text: str, mentions: list[Mention], dates: list[DatePhrase], *, published: date | None
) -> list[Proposal]:
    """The records `text` reports, from its recognized `mentions` and `dates`."""
    return Reader(text, mentions, dates, published=published).proposals()
