"""What the data migrations do to rows that exist when they run."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(*targets):
    """Migrate the test database to `targets` (the latest: none) and return its models."""
    executor = MigrationExecutor(connection)
    targets = list(targets) or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_failed_sign_ins_written_without_an_address_get_the_unknown_peer_address():
    old = migrate(("cooperation", "0004_search_indexes")).get_model("cooperation", "FailedLogin")
    old.objects.create(username="nobody", address=None)
    old.objects.create(username="someone", address="203.0.113.5")
    try:
        new = migrate().get_model("cooperation", "FailedLogin")
        assert sorted(new.objects.values_list("username", "address")) == [
            ("nobody", "0.0.0.0"),
            ("someone", "203.0.113.5"),
        ]
    finally:
        migrate()  # the other tests need the latest schema, whatever happened above
