"""Every write to what public pages show makes the stored pages stale
(sinoisrael/http/page_cache.py): a record, a row of one (a place, participant, party,
signatory, status, staff member, citation), a municipality, organization, person, source,
sector or alias, and their many-to-many links; a migration too (a deploy runs one), and
the writes that send no model signal (a dataset import, synthetic data, a release) call
`pages_changed` themselves.

Writes that never reach a public page are left out: sign-in attempts, proposed revisions
(an approved one is saved to its record, which counts) and the history tables (written
with their record). A draft's edit does count: telling which writes the public can see
would cost more than the pages it re-renders.

Each write moves the generation at once and again when its transaction commits (why: the
page cache's docstring).
"""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from cooperation.models import FailedLogin, KnownSignInAddress, Revision
from sinoisrael.http.page_cache import public_data_changed

NEVER_PUBLIC = (FailedLogin, KnownSignInAddress, Revision)


def pages_changed(using: str | None = None) -> None:
    """Stored pages are stale now, and again once the current transaction commits."""
    public_data_changed()
    transaction.on_commit(public_data_changed, using=using)


def changed(sender, using=None, **kwargs) -> None:
    pages_changed(using)


def shown_models() -> list[type]:
    """The app's models that public pages read from (history tables excluded)."""
    return [
        model
        for model in apps.get_app_config("cooperation").get_models()
        if model not in NEVER_PUBLIC and not model.__name__.startswith("Historical")
    ]


def connect() -> None:
    for model in shown_models():
        for signal in (post_save, post_delete):
            signal.connect(changed, sender=model, dispatch_uid=f"pages-{model.__name__}")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                changed,
                sender=field.remote_field.through,
                dispatch_uid=f"pages-{model.__name__}-{field.name}",
            )
    post_migrate.connect(changed, dispatch_uid="pages-migrated")
