import ipaddress
import json
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from sinoisrael.env import (
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_networks,
    env_seconds,
)
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


PRIMARY_URL = "postgres://postgres@127.0.0.1:5432/sinoisrael"
REPLICA_URL = "postgres://reader@replica.internal:5433/sinoisrael"
SHOW_DATABASES = (
    "import django, json; django.setup(); from django.conf import settings; "
    "print(json.dumps([settings.DATABASES, settings.DATABASE_ROUTERS], default=str))"
)


def databases_and_routers(**env):
    result = run_python(SHOW_DATABASES, DJANGO_DEBUG="1", **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_a_replica_url_there_is_one_database_and_no_router():
    databases, routers = databases_and_routers(DATABASE_URL=PRIMARY_URL)
    assert (list(databases), routers) == (["default"], [])


def test_a_replica_is_connected_to_as_the_primary_is_and_public_reads_are_routed_to_it():
    databases, routers = databases_and_routers(
        DATABASE_URL=PRIMARY_URL, DATABASE_REPLICA_URL=REPLICA_URL, DJANGO_DB_POOL_MAX="4"
    )
    primary, replica = databases["default"], databases["replica"]
    assert (replica["HOST"], replica["PORT"], replica["USER"]) == (
        "replica.internal",
        "5433",
        "reader",
    )
    assert replica["OPTIONS"] == primary["OPTIONS"]  # pool, timeouts, keepalives
    assert replica["OPTIONS"]["pool"]["max_size"] == 4
    assert replica["CONN_HEALTH_CHECKS"] is True
    assert replica["TEST"]["MIRROR"] == "default"  # a test run makes no database for it
    assert routers == ["sinoisrael.db.routing.ReplicaRouter"]


@pytest.mark.parametrize(
    ("primary", "replica"),
    [("", REPLICA_URL), ("sqlite:///site.sqlite3", REPLICA_URL), (PRIMARY_URL, "sqlite:///r.db")],
)
def test_a_read_replica_needs_postgresql_for_both_databases(primary, replica):
    result = start_django(DJANGO_DEBUG="1", DATABASE_URL=primary, DATABASE_REPLICA_URL=replica)
    assert result.returncode != 0
    assert "a read replica needs PostgreSQL" in result.stderr


def test_a_replica_url_that_cannot_be_used_is_named_in_the_message():
    result = start_django(
        DJANGO_DEBUG="1", DATABASE_URL=PRIMARY_URL, DATABASE_REPLICA_URL="mysql://r@h/db"
    )
    assert "DATABASE_REPLICA_URL scheme 'mysql' is not supported" in result.stderr


def test_replica_lag_and_check_interval_are_seconds(monkeypatch):
    code = SHOW_SETTING.format("REPLICA_MAX_LAG, settings.REPLICA_CHECK_SECONDS")
    assert run_python(code).stdout.split() == ["5.0", "2.0"]
    result = run_python(code, DATABASE_REPLICA_MAX_LAG="0.5", DATABASE_REPLICA_CHECK_SECONDS="10")
    assert result.stdout.split() == ["0.5", "10.0"]
    monkeypatch.setenv("DATABASE_REPLICA_MAX_LAG", " 3 ")
    assert env_seconds("DATABASE_REPLICA_MAX_LAG", 5) == 3
    refused = start_django(DJANGO_DEBUG="yes", DATABASE_REPLICA_MAX_LAG="soon")
    assert refused.returncode != 0
    assert "DATABASE_REPLICA_MAX_LAG='soon' is not understood: use a number" in refused.stderr


@pytest.mark.parametrize("raw", ["-1", "soon", "nan", ""])
def test_seconds_that_are_no_number_are_refused(monkeypatch, raw):
    monkeypatch.setenv("DATABASE_REPLICA_CHECK_SECONDS", raw)
    with pytest.raises(ImproperlyConfigured, match="use a number of seconds, 0 or more"):
        env_seconds("DATABASE_REPLICA_CHECK_SECONDS", 2)
