"""Production settings: the deploy check, HTTPS defaults, gunicorn's configuration and logs.

(The server the production tests start is tests/support/server.py.)
"""

import json
import os
import runpy
import subprocess
import sys

import pytest
from django.conf import settings
from django.utils.module_loading import import_string
from gunicorn.workers.gthread import ThreadWorker

from tests.support.server import (
    BASE,
    database_url_of_test_database,
    production_env,
    run_python,
    serving,
)

# The check reads the PostgreSQL server's version (which generated columns it supports:
# cooperation/models/list_order.py), so it needs a server: the machine's, which it only asks.
CHECKED_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"


def deploy_check(**env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env(DATABASE_URL=CHECKED_SERVER, **env),
        cwd=BASE,
        capture_output=True,
        text=True,
    )


def test_deploy_check_passes_with_production_environment_variables():
    result = deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_fails_when_https_is_turned_off():
    result = deploy_check(DJANGO_SECURE_SSL_REDIRECT="false", DJANGO_SECURE_COOKIES="no")
    assert result.returncode != 0
    for warning in ("security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr


PRINT_HTTPS_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, "
    "s.CSRF_COOKIE_SECURE, s.SECURE_PROXY_SSL_HEADER)"
)


def test_https_is_on_by_default_with_debug_off():
    result = run_python(PRINT_HTTPS_SETTINGS, production_env())
    assert result.stdout.split() == [
        "True",
        "31536000",
        "True",
        "True",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
    ]


def test_https_settings_follow_the_environment():
    env = production_env(
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SECURE_HSTS_SECONDS="15768000",
        DJANGO_SECURE_COOKIES="false",
        DJANGO_SECURE_PROXY_SSL_HEADER="X-Scheme",
    )
    assert run_python(PRINT_HTTPS_SETTINGS, env).stdout.split() == [
        "False",
        "15768000",
        "False",
        "False",
        "('HTTP_X_SCHEME',",
        "'https')",
    ]


def test_https_is_off_with_debug_on_as_make_run_serves_http():
    env = production_env(DJANGO_DEBUG="true")
    assert run_python(PRINT_HTTPS_SETTINGS, env).stdout.split()[:4] == [
        "False",
        "0",
        "False",
        "False",
    ]


def gunicorn_config(**env) -> dict:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        return runpy.run_path(str(BASE / "gunicorn.conf.py"))


def test_gunicorn_runs_gthread_workers_sized_from_the_cpus():
    config = gunicorn_config()
    cpus = len(os.sched_getaffinity(0))
    assert issubclass(import_string(config["worker_class"]), ThreadWorker)
    assert config["workers"] == min(2 * cpus + 1, 12)
    assert config["threads"] >= 2
    assert config["accesslog"] == "-"
    assert gunicorn_config(GUNICORN_WORKERS="3")["workers"] == 3


def test_exports_leave_most_of_a_worker_threads_to_other_pages():
    assert gunicorn_config()["threads"] // 2 >= settings.EXPORT_CONCURRENCY


def test_database_waits_end_before_gunicorn_would_kill_the_worker():
    timeout = gunicorn_config()["timeout"]
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "o = s.DATABASES['default']['OPTIONS']; "
        "print(o['pool']['timeout'], o['connect_timeout'], o['tcp_user_timeout'], "
        "o['keepalives'], o['keepalives_idle'], o['keepalives_interval'], "
        "o['keepalives_count'], o['options'])"
    )
    output = run_python(script, production_env()).stdout.split(maxsplit=7)
    pool_wait, connect, user_timeout_ms, keepalives, idle, interval, count, options = output
    statement_ms = int(options.strip().removeprefix("-c statement_timeout="))
    assert float(pool_wait) < 2, "a page must answer 503 within 2 s when the database is down"
    assert int(connect) <= 2
    assert float(pool_wait) + int(connect) + statement_ms / 1000 < timeout
    assert statement_ms == settings.DB_STATEMENT_TIMEOUT * 1000
    # A partitioned connection: unacknowledged data, or a silent server once probed.
    assert int(keepalives) == 1
    assert int(user_timeout_ms) <= 3000, "a frozen connection must turn into a 503 in seconds"
    silent_server = int(idle) + int(interval) * int(count)
    assert float(pool_wait) + silent_server + int(user_timeout_ms) / 1000 < timeout


def test_database_network_timeouts_follow_the_environment():
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "o = s.DATABASES['default']['OPTIONS']; print(o['tcp_user_timeout'], "
        "o['keepalives_idle'], o['keepalives_interval'], o['keepalives_count'])"
    )
    env = production_env(
        DJANGO_DB_TCP_USER_TIMEOUT="1.5",
        DJANGO_DB_KEEPALIVES_IDLE="10",
        DJANGO_DB_KEEPALIVES_INTERVAL="2",
        DJANGO_DB_KEEPALIVES_COUNT="4",
    )
    assert run_python(script, env).stdout.split() == ["1500", "10", "2", "4"]


@pytest.mark.django_db(transaction=True)
def test_served_site_logs_one_json_line_per_request(tmp_path, static_root):
    log = tmp_path / "gunicorn.log"
    with serving(
        database_url=database_url_of_test_database(tmp_path), static_root=static_root, log=log
    ) as server:
        assert server.get("/").status == 200
        assert server.get("/no-such-page/").status == 404
        assert server.get("/", https=False).status == 301
    output = log.read_text()
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    # A line is written when its response is closed, which may be after the client has its
    # body and sent the next request to another thread: the order of lines is not fixed.
    assert sorted((line["method"], line["path"], line["status"]) for line in lines) == sorted(
        [
            ("GET", "/no-such-page/", 404),  # the warm-up request
            ("GET", "/", 200),
            ("GET", "/no-such-page/", 404),
            ("GET", "/", 301),
        ]
    ), output
    assert all(line["duration_ms"] >= 0 and line["time"] for line in lines)
