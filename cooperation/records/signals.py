"""Keeping each record's evidence grade (cooperation/records/grades.py) up to date.

The grade is computed from the record's facts, its citations and its sources, so it is
written again when any of them changes: the record itself, a row that states a fact (a
place, participant, party, signatory, status or staff member) or cites one, the sources it
cites, and a source's publisher or language. Fixtures (`loaddata`) carry their grades and are not
graded again.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from cooperation.models import (
    RECORD_MODELS,
    Agreement,
    AgreementCitation,
    AgreementParty,
    AgreementSignatory,
    AgreementStatus,
    Event,
    EventCitation,
    EventOrganizer,
    EventParticipant,
    LiaisonOffice,
    OfficeCitation,
    OfficeStaff,
    Source,
    Visit,
    VisitCitation,
    VisitParticipant,
    VisitPlace,
)
from cooperation.records.grades import refresh_grade

# Each row model, the record model it belongs to, and its foreign key to the record.
ROWS = {
    OfficeStaff: (LiaisonOffice, "office_id"),
    OfficeCitation: (LiaisonOffice, "record_id"),
    VisitPlace: (Visit, "visit_id"),
    VisitParticipant: (Visit, "visit_id"),
    VisitCitation: (Visit, "record_id"),
    EventOrganizer: (Event, "event_id"),
    EventParticipant: (Event, "event_id"),
    EventCitation: (Event, "record_id"),
    AgreementParty: (Agreement, "agreement_id"),
    AgreementSignatory: (Agreement, "agreement_id"),
    AgreementStatus: (Agreement, "agreement_id"),
    AgreementCitation: (Agreement, "record_id"),
}


def record_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_grade(sender, instance.pk)


def row_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        record_model, attname = ROWS[sender]
        refresh_grade(record_model, getattr(instance, attname))


def sources_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if not reverse:  # record.sources.add(...)
        refresh_grade(type(instance), instance.pk)
        return
    for pk in pk_set or ():  # source.visits.add(...)
        refresh_grade(model, pk)


def citing_records(source) -> list[tuple[type, int]]:
    return [
        (model, pk)
        for model in RECORD_MODELS
        for pk in model.objects.filter(sources=source).values_list("pk", flat=True)
    ]


def source_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        for model, pk in citing_records(instance):
            refresh_grade(model, pk)


def source_deleted(sender, instance, **kwargs):
    """The records that cited a deleted source are graded again once it is gone."""
    affected = citing_records(instance)
    transaction.on_commit(lambda: [refresh_grade(model, pk) for model, pk in affected])


def connect() -> None:
    for model in RECORD_MODELS:
        post_save.connect(record_saved, sender=model, dispatch_uid=f"grade-{model.__name__}")
        m2m_changed.connect(
            sources_changed,
            sender=model.sources.through,
            dispatch_uid=f"grade-sources-{model.__name__}",
        )
    for model in ROWS:
        for signal in (post_save, post_delete):
            signal.connect(row_changed, sender=model, dispatch_uid=f"grade-{model.__name__}")
    post_save.connect(source_saved, sender=Source, dispatch_uid="grade-source")
    pre_delete.connect(source_deleted, sender=Source, dispatch_uid="grade-source-deleted")
