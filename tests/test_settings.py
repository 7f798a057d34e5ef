import ipaddress
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from sinoisrael.env import database_from_url, env_bool, env_list, env_networks

BASE = Path(__file__).resolve().parent.parent


def start_django(**env):
    """Import the settings in a fresh process, as `manage.py` or gunicorn would."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "sinoisrael.settings", **env},
        cwd=BASE,
        capture_output=True,
        text=True,
        check=False,
    )


def test_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = start_django(DJANGO_DEBUG="false")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_off_is_the_default():
    assert "DJANGO_SECRET_KEY is not set" in start_django().stderr


def test_starts_with_a_secret_key_or_in_debug():
    assert start_django(DJANGO_SECRET_KEY="x" * 50).stdout.strip() == "started"
    assert start_django(DJANGO_DEBUG="yes").stdout.strip() == "started"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("true", True), ("YES", True), ("0", False), ("false", False), ("no", False)],
)
def test_debug_words(monkeypatch, raw, expected):
    monkeypatch.setenv("DJANGO_DEBUG", raw)
    assert env_bool("DJANGO_DEBUG") is expected


def test_unknown_debug_word_is_an_error(monkeypatch):
    monkeypatch.setenv("DJANGO_DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="not understood"):
        env_bool("DJANGO_DEBUG")


def test_allowed_hosts_are_comma_separated(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "example.org, www.example.org,")
    assert env_list("DJANGO_ALLOWED_HOSTS", []) == ["example.org", "www.example.org"]


def test_trusted_proxies_are_addresses_or_networks(monkeypatch):
    monkeypatch.setenv("DJANGO_TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.7, ::1")
    assert env_networks("DJANGO_TRUSTED_PROXIES", []) == [
        ipaddress.ip_network("10.0.0.0/8"),
        ipaddress.ip_network("192.0.2.7/32"),
        ipaddress.ip_network("::1/128"),
    ]


def test_a_trusted_proxy_that_is_no_address_stops_the_start():
    result = start_django(DJANGO_DEBUG="yes", DJANGO_TRUSTED_PROXIES="10.0.0.1, proxy.internal")
    assert result.returncode != 0
    assert "DJANGO_TRUSTED_PROXIES: 'proxy.internal' is not an IP address" in result.stderr


def test_postgres_url():
    config = database_from_url(
        "postgres://postgres:s%40cret@127.0.0.1:5432/sinoisrael", base_dir=BASE
    )
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == (
        "sinoisrael",
        "postgres",
        "s@cret",
    )
    assert (config["HOST"], config["PORT"]) == ("127.0.0.1", "5432")


def test_sqlite_urls_relative_and_absolute():
    relative = database_from_url("sqlite:///data/site.sqlite3", base_dir=BASE)
    assert relative == {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(BASE / "data/site.sqlite3"),
    }
    absolute = database_from_url("sqlite:////tmp/site.sqlite3", base_dir=BASE)
    assert absolute["NAME"] == "/tmp/site.sqlite3"


@pytest.mark.parametrize("url", ["mysql://root@localhost/db", "postgres://host:5432/", "sqlite://"])
def test_unusable_database_urls_say_why(url):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        database_from_url(url, base_dir=BASE)


def test_postgres_url_uses_the_connection_pool():
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(sorted(settings.DATABASES['default']['OPTIONS']['pool']))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "sinoisrael.settings",
            "DJANGO_DEBUG": "1",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/sinoisrael",
        },
        cwd=BASE,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "['max_size', 'min_size', 'timeout']"
