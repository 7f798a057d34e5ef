import ipaddress
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from sinoisrael.env import database_from_url, env_bool, env_int, env_list, env_networks
from tests.support.server import BASE


def run_python(code: str, **env) -> subprocess.CompletedProcess:
    """Run `code` in a fresh process with only `env` set of the site's variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "sinoisrael.settings", **env},
        cwd=BASE,
        capture_output=True,
        text=True,
        check=False,
    )


def start_django(**env):
    """Import the settings in a fresh process, as `manage.py` would."""
    return run_python("import django; django.setup(); print('started')", **env)


def start_serving(**env):
    """Load the WSGI application in a fresh process, as gunicorn would."""
    return run_python("import sinoisrael.wsgi; print('serving')", **env)


def test_refuses_to_serve_without_a_secret_key_when_debug_is_off():
    result = start_serving(DJANGO_DEBUG="false")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
    asgi = run_python("import sinoisrael.asgi", DJANGO_DEBUG="false")
    assert "DJANGO_SECRET_KEY is not set" in asgi.stderr


def test_debug_off_is_the_default():
    assert "DJANGO_SECRET_KEY is not set" in start_serving().stderr


def test_serves_with_a_secret_key_or_in_debug():
    assert start_serving(DJANGO_SECRET_KEY="x" * 50).stdout.strip() == "serving"
    assert start_serving(DJANGO_DEBUG="yes").stdout.strip() == "serving"


def test_management_commands_run_without_a_secret_key_on_a_throwaway_one(tmp_path):
    """The README's `manage.py load_sample_data`, `shell` and the like, on a fresh clone."""
    database = {"DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}"}
    script = (
        "import django; django.setup(); from django.core.management import call_command; "
        "from django.conf import settings; call_command('migrate', verbosity=0); "
        "call_command('load_sample_data'); print(settings.SECRET_KEY[:16])"
    )
    first, second = run_python(script, **database), run_python(script, **database)
    assert first.returncode == 0, first.stderr
    assert "Sample data loaded" in first.stdout
    assert first.stdout.split()[-1] == "django-insecure-"
    shell = subprocess.run(
        [sys.executable, "manage.py", "shell", "--verbosity", "0", "-c", "print('shell works')"],
        env={k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | database,
        cwd=BASE,
        capture_output=True,
        text=True,
        check=False,
    )
    assert shell.stdout.strip() == "shell works", shell.stderr
    assert second.returncode == 0


def test_the_deploy_check_fails_without_a_secret_key():
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={**clean, "DJANGO_ALLOWED_HOSTS": "tracker.example.org"},
        cwd=BASE,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "security.W009" in result.stderr


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


def test_known_sign_in_addresses_are_remembered_for_a_number_of_days(monkeypatch):
    assert env_int("DJANGO_LOGIN_KNOWN_ADDRESS_DAYS", 30) == 30
    monkeypatch.setenv("DJANGO_LOGIN_KNOWN_ADDRESS_DAYS", " 7 ")
    assert env_int("DJANGO_LOGIN_KNOWN_ADDRESS_DAYS", 30) == 7


@pytest.mark.parametrize("raw", ["-1", "7.5", "a week", ""])
def test_a_number_of_days_that_is_no_whole_number_stops_the_start(raw):
    result = start_django(DJANGO_DEBUG="yes", DJANGO_LOGIN_KNOWN_ADDRESS_DAYS=raw)
    assert result.returncode != 0
    assert (
        f"DJANGO_LOGIN_KNOWN_ADDRESS_DAYS={raw!r} is not understood: use a whole number"
        in result.stderr
    )


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
    result = run_python(
        script, DJANGO_DEBUG="1", DATABASE_URL="postgres://postgres@127.0.0.1:5432/sinoisrael"
    )
    assert result.stdout.strip() == "['max_size', 'min_size', 'timeout']", result.stderr


SHOW_SETTING = "import django; django.setup(); from django.conf import settings; print(settings.{})"


@pytest.mark.parametrize(("value", "expected"), [("off", "False"), ("on", "True")])
def test_the_page_cache_is_turned_off_and_on_by_its_variable(value, expected):
    result = run_python(SHOW_SETTING.format("PAGE_CACHE"), DJANGO_PAGE_CACHE=value)
    assert result.stdout.strip() == expected, result.stderr


def test_the_cache_is_redis_with_redis_url_and_files_without():
    code = SHOW_SETTING.format("CACHES['default']['BACKEND']")
    assert run_python(code, REDIS_URL="").stdout.strip().endswith("FileBasedCache")
    redis = run_python(code, REDIS_URL="redis://127.0.0.1:6379/0")
    assert redis.stdout.strip().endswith("RedisCache"), redis.stderr
