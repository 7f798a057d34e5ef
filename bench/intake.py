"""How well the intake reads articles: names, dates and records against hand labels.

    .venv/bin/python bench/intake.py [--verbose]

Runs on a fresh SQLite database in a temporary folder: migrates it, loads the sample data
(the four articles of ../shared/articles and their records) and the extra known names of
bench/intake_set/known.json, then reads every labelled article of bench/intake_set/ as the
intake page does (cooperation/intake/reading.py) and prints:

- names: recall of known names (a labelled mention of a known record found, matched to
  that record), precision (predicted mentions that a label confirms: same text and kind,
  and the same record when one is matched), recall of new names offered for creation;
- dates: the share of labelled date phrases read exactly (the phrase found, and its start
  and end equal in value, precision and qualifier);
- records: the share of the expected records that the proposals contain with the right
  type and main fields (visit: its "from" places and first day; office: sponsor and host;
  agreement: kind and parties; event: kind and place). The four articles' expected records
  are the sample data's (each record citing the article); the written articles' are labelled.

Targets (issue 13): recall of known names >= 0.95, precision >= 0.9, dates exact >= 0.9,
the four articles' records all proposed. `--verbose` lists every miss.
"""

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "bench" / "intake_set"
ARTICLES = ROOT.parent / "shared" / "articles"
sys.path.insert(0, str(ROOT))


def setup_django(folder: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/intake-bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sinoisrael.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_sample_data", verbosity=0)


def load_known() -> None:
    """The written articles' known names (bench/intake_set/known.json)."""
    from cooperation.models import Municipality, Organization, Person

    known = json.loads((SET / "known.json").read_text(encoding="utf-8"))
    models = (
        ("municipalities", Municipality),
        ("organizations", Organization),
        ("people", Person),
    )
    for key, model in models:
        for row in known.get(key, []):
            row = dict(row)
            aliases = row.pop("aliases", [])
            parent = row.pop("parent", None)
            if parent:
                row["parent"] = Municipality.objects.get(slug=parent)
            thing, _ = model.objects.update_or_create(slug=row.pop("slug"), defaults=row)
            for alias in aliases:
                thing.aliases.get_or_create(name=alias)


def slug_of(party) -> str:
    from django.utils.text import slugify

    return party.record.slug if party.record is not None else slugify(party.name)


def predicted_records(proposals) -> list[tuple]:
    found = []
    for p in proposals:
        f = p.fields
        if p.type == "visit":
            start = f["start"].value.isoformat() if f["start"] else None
            found.append(("visit", frozenset(map(slug_of, f["origins"])), start))
        elif p.type == "office":
            found.append(("office", slug_of(f["sponsor"]), slug_of(f["host"])))
        elif p.type == "agreement":
            found.append(("agreement", str(f["kind"]), frozenset(map(slug_of, f["parties"]))))
        else:
            place = slug_of(f["place"]) if f["place"] else None
            found.append(("event", str(f["kind"]), place))
    return found


def labelled_records(rows) -> list[tuple]:
    found = []
    for row in rows:
        kind = row["type"]
        if kind == "visit":
            found.append(("visit", frozenset(row["from"]), row.get("start")))
        elif kind == "office":
            found.append(("office", row["sponsor"], row["host"]))
        elif kind == "agreement":
            found.append(("agreement", row["kind"], frozenset(row["parties"])))
        else:
            found.append(("event", row["kind"], row.get("place")))
    return found


def sample_records(url: str) -> list[tuple]:
    """The sample data's records citing the article at `url`, as `labelled_records` says."""
    from cooperation.models import Agreement, Event, LiaisonOffice, Visit

    found = []
    for visit in Visit.objects.filter(sources__url=url):
        origins = frozenset(p.party.slug for p in visit.places.all() if p.role == "origin")
        found.append(("visit", origins, visit.start_date.isoformat()))
    for office in LiaisonOffice.objects.filter(sources__url=url):
        found.append(("office", office.sponsor.slug, office.host.slug))
    for agreement in Agreement.objects.filter(sources__url=url):
        parties = frozenset(p.party.slug for p in agreement.parties.all())
        found.append(("agreement", agreement.kind, parties))
    for event in Event.objects.filter(sources__url=url):
        found.append(("event", event.kind, event.place.slug if event.place else None))
    return found


def reading_json(value):
    return None if value is None else (value["value"], value["precision"], value["qualifier"])


class Tally:
    def __init__(self):
        self.counts = Counter()
        self.misses = []

    def ratio(self, hit: str, total: str) -> str:
        if not self.counts[total]:
            return "n/a"
        return (
            f"{self.counts[hit] / self.counts[total]:.3f} ({self.counts[hit]}/{self.counts[total]})"
        )


def score_mentions(tally, name, labels, mentions) -> None:
    wanted = Counter((m["text"], m["kind"], m["known"]) for m in labels)
    for label, count in wanted.items():
        tally.counts["known" if label[2] else "unknown"] += count
    confirmed = Counter()
    for mention in mentions:
        record = mention.record.slug if mention.record is not None else None
        exact = (mention.text, mention.kind, record)
        if record is None:
            # A new name offered: right when a label names that text as unknown.
            exact = (mention.text, mention.kind, None)
        tally.counts["predicted"] += 1
        if confirmed[exact] < wanted.get(exact, 0):
            confirmed[exact] += 1
            tally.counts["confirmed"] += 1
            tally.counts["known found" if record else "unknown found"] += 1
        else:
            tally.misses.append(f"{name}: extra mention {exact}")
    for label, count in wanted.items():
        if confirmed[label] < count:
            tally.misses.append(f"{name}: missed mention {label} x{count - confirmed[label]}")


def score_dates(tally, name, labels, text, phrases) -> None:
    cursor = 0
    for label in labels:
        start = text.find(label["text"], cursor)
        cursor = start + 1 if start >= 0 else cursor
        tally.counts["dates"] += 1
        stop = start + len(label["text"])
        wanted = (reading_json(label["start"]), reading_json(label.get("end")))
        for phrase in phrases:
            if phrase.start < stop and start < phrase.end:
                got = (partial(phrase.reading.start), partial(phrase.reading.end))
                if got == wanted:
                    tally.counts["dates exact"] += 1
                    break
        else:
            tally.misses.append(f"{name}: date “{label['text']}” not read as {wanted}")


def partial(value):
    if not value:
        return None
    return (value.value.isoformat(), str(value.precision), str(value.qualifier))


def score_records(tally, name, expected, proposals, prefix: str) -> None:
    got = predicted_records(proposals)
    for record in expected:
        tally.counts[f"{prefix} records"] += 1
        if record in got:
            tally.counts[f"{prefix} records found"] += 1
        else:
            tally.misses.append(f"{name}: record {record} not proposed (got {got})")


def articles():
    """(name, text, labels, expected records or None for the sample data's)."""
    for labels_path in sorted(SET.glob("*.json")):
        if labels_path.name == "known.json":
            continue
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        if "file" in labels:
            text = (ARTICLES / labels["file"]).read_text(encoding="utf-8")
        else:
            text = labels_path.with_suffix(".txt").read_text(encoding="utf-8")
        yield labels_path.stem, text, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="List every miss.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(folder)
        load_known()
        run(args.verbose)


def run(verbose: bool) -> None:
    from cooperation.devdata.sample_data import SOURCES
    from cooperation.intake.extract import extract
    from cooperation.intake.mentions import NameIndex
    from cooperation.intake.reading import read_article

    urls = {row["article"]: row["url"] for row in SOURCES}
    index = NameIndex.from_database()
    tally, seconds, count = Tally(), 0.0, 0
    for name, text, labels in articles():
        started = time.perf_counter()
        article = extract(text)
        reading = read_article(article, published=date.fromisoformat(labels["date"]), index=index)
        seconds += time.perf_counter() - started
        count += 1
        score_mentions(tally, name, labels["mentions"], reading.mentions)
        score_dates(tally, name, labels["dates"], article.text, reading.dates)
        if "file" in labels:
            expected = sample_records(urls[labels["file"]])
            score_records(tally, name, expected, reading.proposals, "four articles'")
        else:
            expected = labelled_records(labels["records"])
            score_records(tally, name, expected, reading.proposals, "written articles'")
    print(f"{count} labelled articles, read in {seconds * 1000 / count:.0f} ms each on average")
    print(f"known names recall:     {tally.ratio('known found', 'known')}   target >= 0.95")
    print(f"mentions precision:     {tally.ratio('confirmed', 'predicted')}   target >= 0.9")
    print(f"new names offered:      {tally.ratio('unknown found', 'unknown')}")
    print(f"dates read exactly:     {tally.ratio('dates exact', 'dates')}   target >= 0.9")
    for prefix in ("four articles'", "written articles'"):
        found = tally.ratio(f"{prefix} records found", f"{prefix} records")
        print(f"{prefix} records proposed: {found}")
    if verbose:
        print("\n".join(tally.misses))


if __name__ == "__main__":
    main()
