import pytest
from django.test import override_settings

from cooperation.sample_loader import load_sample_data


@pytest.fixture(autouse=True, scope="session")
def plain_static_files():
    """Tests never run collectstatic: no manifest to read, files served from the finders.

    Session-wide, so the live server's handler (built once) sees it too.
    """
    override = override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        WHITENOISE_AUTOREFRESH=True,
        WHITENOISE_USE_FINDERS=True,
    )
    override.enable()
    yield
    override.disable()


@pytest.fixture
def sample_data(db):
    load_sample_data()
