"""Slow and stalled clients cannot take the site down (served by gunicorn, real sockets).

A reader that stops reading a CSV export holds a thread, a database connection and a
transaction: only `EXPORT_CONCURRENCY` exports run at once in a server process (others
answer 503), the server cuts a client that reads nothing for a while, and PostgreSQL ends
an export's transaction left idle. A client that stops sending its request is cut too,
and connections that send nothing wait without holding a thread.
"""

import socket
import time

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.test import override_settings

from cooperation.exports import stream
from tests.support.network import wait_for
from tests.support.server import database_url_of_test_database, serving
from tests.support.slow_clients import EXPORT, SlowReader

# Far more than the kernel buffers between gunicorn and a client that reads nothing
# (about 5 MB on loopback): 20,000 offices are a file of about 8.6 MB.
OFFICES = 20_000


@pytest.fixture
def exportable(db, tmp_path):
    call_command("generate_synthetic_data", offices=OFFICES)
    return database_url_of_test_database(tmp_path)


def idle_export_transactions() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND state = 'idle in transaction' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_exports_beyond_the_limit_answer_503_while_the_site_stays_up(
    exportable, tmp_path, static_root
):
    with serving(database_url=exportable, static_root=static_root, log=tmp_path / "log") as server:
        readers = [SlowReader(server.port) for _ in range(22)]
        statuses = [reader.status() for reader in readers]
        assert sorted(statuses) == [200] * 2 + [503] * 20, statuses
        health = server.get("/healthz")
        assert (health.status, health.elapsed < 2) == (200, True)
        refused = server.get(EXPORT)
        assert refused.status == 503
        assert refused.header("Retry-After") == "30"
        assert "Too many downloads are running" in refused.body
        assert "try again in 30 seconds" in refused.body
        assert 'class="site-header"' in refused.body
        for reader in readers:
            reader.close()
        # The slots are given back when the clients go away.
        assert wait_for(lambda: server.get(EXPORT).status == 200, timeout=5)


@pytest.mark.django_db(transaction=True)
def test_a_client_that_stops_reading_is_cut_off_and_frees_its_export(
    exportable, tmp_path, static_root
):
    log = tmp_path / "log"
    with serving(
        database_url=exportable,
        static_root=static_root,
        log=log,
        GUNICORN_CLIENT_SEND_TIMEOUT="2",
    ) as server:
        readers = [SlowReader(server.port) for _ in range(2)]
        assert [reader.status() for reader in readers] == [200, 200]
        assert server.get(EXPORT).status == 503
        # Once the kernel buffers are full, 2 s without a byte read end each download.
        cut = "it read nothing of /offices/export.csv for 2.0 s"
        assert wait_for(lambda: log.read_text().count(cut) == 2, timeout=20)
        for reader in readers:
            assert not reader.rest().endswith(b"0\r\n\r\n"), "the file was cut short"
        assert server.get(EXPORT).status == 200
        if connection.vendor == "postgresql":
            assert idle_export_transactions() == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
@pytest.mark.django_db(transaction=True)
def test_postgresql_ends_an_export_transaction_left_idle(client, monkeypatch):
    """Whatever the web server does, an export whose client stalls cannot hold its
    transaction open past EXPORT_IDLE_TIMEOUT."""
    monkeypatch.setattr(stream, "CHUNK_ROWS", 100)
    call_command("generate_synthetic_data", offices=1000)
    with override_settings(EXPORT_IDLE_TIMEOUT=0.5):
        response = client.get(EXPORT)
        chunks = iter(response.streaming_content)
        assert next(chunks).startswith(b"\xef\xbb\xbfid,")
        time.sleep(1.5)  # the client reads nothing: the transaction sits idle
        with pytest.raises(DatabaseError, match="idle-in-transaction timeout"):
            list(chunks)
    response.close()
    connection.close()


def partial_request(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n")  # and never the blank line
    return sock


@pytest.mark.django_db(transaction=True)
def test_a_client_that_stops_sending_its_request_is_cut_off(tmp_path, static_root):
    url = database_url_of_test_database(tmp_path)
    log = tmp_path / "log"
    with serving(
        database_url=url, static_root=static_root, log=log, GUNICORN_CLIENT_READ_TIMEOUT="1",
    ) as server:  # fmt: skip
        stalled = [partial_request(server.port) for _ in range(4)]  # one per thread
        health = server.get("/healthz")
        assert health.status == 200
        started = time.monotonic()
        for sock in stalled:
            assert sock.recv(1024) == b"", "the server closed the connection"
            sock.close()
        assert time.monotonic() - started < 5
    output = log.read_text()
    assert output.count("Closed a connection: its client sent nothing for 1.0 s") == 4
    assert "Traceback" not in output


@pytest.mark.django_db(transaction=True)
def test_connections_that_send_nothing_hold_no_thread(tmp_path, static_root):
    url = database_url_of_test_database(tmp_path)
    with serving(database_url=url, static_root=static_root, log=tmp_path / "log") as server:
        silent = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(8)]
        time.sleep(0.5)
        health = server.get("/healthz")
        for sock in silent:
            sock.close()
    assert health.status == 200
    assert health.elapsed < 2, "gthread would wait 5 s in each thread for a first byte"
