"""The evidence grade: computed from sources and citations, and kept up to date by saves."""

from types import SimpleNamespace

import pytest
from django.core.management import call_command

from cooperation.models import Language, LiaisonOffice, PublisherCountry, PublisherKind, Visit
from cooperation.records.grades import assess
from tests.support.factories import SourceFactory, VisitFactory, cite

pytestmark = pytest.mark.django_db


def source(publisher, *, kind=PublisherKind.INDEPENDENT, country="", language=Language.ENGLISH):
    return SimpleNamespace(
        publisher=publisher,
        url=f"https://{publisher or 'example'}.example.org/1",
        publisher_kind=kind,
        publisher_country=country,
        language=language,
    )


@pytest.mark.parametrize(
    ("sources", "cited", "grade", "reason"),
    [
        (
            [source("Daily")],
            set(),
            "D",
            "1 independent outlet, no official source, 1 language, 0 of 4 facts cited",
        ),
        (
            [source("Daily"), source("DAILY")],  # one outlet, however it is written
            {"dates", "origin"},
            "C",
            "1 independent outlet, no official source, 1 language, 2 of 4 facts cited",
        ),
        (
            [source("Daily"), source("Globes")],
            {"dates", "origin", "leader", "purpose"},
            "B",
            "2 independent outlets, no official source, 1 language, 4 of 4 facts cited",
        ),
        (
            [
                source("Xinhua", kind=PublisherKind.GOVERNMENT, country=PublisherCountry.CHINA),
                source("Haifa", kind=PublisherKind.GOVERNMENT, country=PublisherCountry.ISRAEL),
                source("Globes", language=Language.HEBREW),
            ],
            {"dates", "origin", "leader", "purpose"},
            "A",
            "3 independent outlets, official source: Chinese and Israeli, 2 languages, "
            "4 of 4 facts cited",
        ),
        (
            [source("")],  # no publisher: counted by its web site
            {"dates"},
            "D",
            "1 independent outlet, no official source, 1 language, 1 of 4 facts cited",
        ),
    ],
)
def test_the_grade_and_its_reason(sources, cited, grade, reason):
    facts = ["dates", "origin", "leader", "purpose"]
    assessment = assess(sources=sources, facts=facts, cited=cited)
    assert (assessment.grade, assessment.reason) == (grade, reason)


def grade_of(record) -> tuple[str, str]:
    record = type(record).objects.get(pk=record.pk)
    return record.evidence_grade, record.evidence_reason


def test_citing_facts_and_adding_outlets_raise_a_records_grade():
    visit = VisitFactory()  # dates and one origin: two facts
    assert grade_of(visit)[0] == "D"
    cite(visit, "dates", "arrived in Haifa on Monday")
    assert grade_of(visit) == (
        "C",
        "1 independent outlet, no official source, 1 language, 1 of 2 facts cited",
    )
    visit.sources.add(SourceFactory(publisher="Another Paper"))
    assert grade_of(visit)[1].startswith("2 independent outlets")
    (origin,) = visit.places.all()
    origin.delete()  # a fact fewer
    assert grade_of(visit)[1].endswith("1 of 1 facts cited")


def test_a_sources_publisher_changes_the_grade_of_every_record_citing_it():
    visit = VisitFactory()
    first = visit.sources.get()
    first.publisher_kind, first.publisher_country = PublisherKind.GOVERNMENT, PublisherCountry.CHINA
    first.save()
    assert "official source: Chinese" in grade_of(visit)[1]


def test_a_deleted_source_is_no_longer_counted(django_capture_on_commit_callbacks):
    extra = SourceFactory(publisher="Another Paper")
    visit = VisitFactory(sources=[SourceFactory(), extra])
    assert grade_of(visit)[1].startswith("2 independent outlets")
    with django_capture_on_commit_callbacks(execute=True):
        extra.delete()
    assert grade_of(visit)[1].startswith("1 independent outlet")


def test_grade_records_grades_those_not_graded_yet(capsys):
    visit = VisitFactory()
    Visit.objects.update(evidence_grade="", evidence_reason="")
    call_command("grade_records")
    assert grade_of(visit)[0] == "D"
    assert "Graded 1 visits." in capsys.readouterr().out
    assert not LiaisonOffice.objects.filter(evidence_grade="").exists()
