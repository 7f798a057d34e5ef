import os
import uuid

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from cooperation.devdata.sample_loader import load_sample_data
from sinoisrael.env import caches_from_env
from sinoisrael.http.page_cache import public_data_changed


@pytest.fixture(autouse=True, scope="session")
def plain_static_files(tmp_path_factory):
    """Tests never run collectstatic: no manifest to read, files served from the finders.
    Dataset releases go to a folder of the session, never the checkout's.

    Session-wide, so the live server's handler (built once) sees it too.
    """
    override = override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            "releases": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": tmp_path_factory.mktemp("releases")},
            },
        },
        WHITENOISE_AUTOREFRESH=True,
        WHITENOISE_USE_FINDERS=True,
    )
    override.enable()
    yield
    override.disable()


@pytest.fixture(autouse=True, scope="session")
def cache_of_the_run(tmp_path_factory):
    """The page cache of this run only, in its own folder (or, with REDIS_URL, under its
    own key prefix), for the test process and the servers it starts (they inherit the
    environment): two runs side by side never read each other's pages."""
    os.environ["DJANGO_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ["DJANGO_CACHE_KEY_PREFIX"] = f"tests-{uuid.uuid4().hex}"
    os.environ["DJANGO_PAGE_CACHE_SECONDS"] = "600"  # a shared Redis drops a run's pages soon
    override = override_settings(
        CACHES=caches_from_env(base_dir=settings.BASE_DIR), PAGE_CACHE_SECONDS=600
    )
    override.enable()
    yield
    override.disable()


@pytest.fixture(autouse=True)
def fresh_page_cache(cache_of_the_run):
    """Each test starts with no stored page: a new generation."""
    public_data_changed()


@pytest.fixture(scope="session")
def sample_data_file(django_db_setup, django_db_blocker, tmp_path_factory):
    """The sample data as a fixture file, written once by the loader.

    Many tests start from the sample data; `loaddata` restores it several times faster than
    the loader, which validates every row (tests/devdata/test_sample_data.py checks the loader).
    """
    path = tmp_path_factory.mktemp("sample-data") / "sample_data.json"
    with django_db_blocker.unblock(), transaction.atomic():
        load_sample_data()
        call_command("dumpdata", "cooperation", output=path, verbosity=0)
        transaction.set_rollback(True)
    return path


@pytest.fixture
def sample_data(db, sample_data_file):
    call_command("loaddata", sample_data_file, verbosity=0)


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """Production-server tests (issue 6): static files collected once, as `make serve` does."""
    from tests.support.server import collect_static

    return collect_static(tmp_path_factory.mktemp("static"))


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """A SQLite test database in a file, not in memory.

    The live server answers each browser request in its own thread; with an in-memory
    database all of them would share the test's one connection, and concurrent requests
    (admin autocompletes) could block each other. A file gives each thread its own.
    """
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(
            tmp_path_factory.mktemp("db") / "test.sqlite3"
        )
