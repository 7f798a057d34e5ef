import pytest

from cooperation.sample_loader import load_sample_data


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Tests never run collectstatic: no manifest to read, files served from the finders."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_AUTOREFRESH = True
    settings.WHITENOISE_USE_FINDERS = True


@pytest.fixture
def sample_data(db):
    load_sample_data()
