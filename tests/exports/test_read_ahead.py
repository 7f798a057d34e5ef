"""Exports read the next chunk of rows in a second thread while the current one is written."""

import csv
import io
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection

from cooperation.exports import stream
from cooperation.exports.read_ahead import read_ahead
from cooperation.models import LiaisonOffice
from tests.support.server import database_url_of_test_database, serving

WAIT = 10  # seconds; only ever reached when read_ahead is broken


class Source:
    """Chunks 0..n-1, noting which thread read each one and when a read started."""

    def __init__(self, n: int, *, slow_read: int | None = None, failing_read: int | None = None):
        self.n, self.slow_read, self.failing_read = n, slow_read, failing_read
        self.threads: list[threading.Thread] = []
        self.started = [threading.Event() for _ in range(n)]
        self.finished: list[int] = []

    def __iter__(self):
        for index in range(self.n):
            self.started[index].set()
            self.threads.append(threading.current_thread())
            if index == self.failing_read:
                raise ConnectionError(f"read {index} failed")
            if index == self.slow_read:
                time.sleep(0.3)
            self.finished.append(index)
            yield [index]


def test_every_chunk_arrives_in_order():
    source = Source(5)
    assert list(read_ahead(iter(source))) == [[0], [1], [2], [3], [4]]
    assert list(read_ahead(iter(Source(0)))) == []


def test_the_next_chunk_is_read_while_the_current_one_is_written():
    source = Source(3)
    chunks = read_ahead(iter(source))
    assert next(chunks) == [0]
    # The writer holds chunk 0 and has not asked for more, yet chunk 1 is being read.
    assert source.started[1].wait(WAIT)
    assert next(chunks) == [1]
    assert source.started[2].wait(WAIT)
    assert list(chunks) == [[2]]
    caller = threading.current_thread()
    assert source.threads[0] is caller  # the read that opens the cursor
    assert all(thread is not caller for thread in source.threads[1:])


def test_a_failed_read_reaches_the_writer():
    chunks = read_ahead(iter(Source(3, failing_read=1)))
    assert next(chunks) == [0]
    with pytest.raises(ConnectionError, match="read 1 failed"):
        next(chunks)


def test_leaving_early_waits_for_the_read_under_way():
    source = Source(3, slow_read=1)
    chunks = read_ahead(iter(source))
    assert next(chunks) == [0]
    assert source.started[1].wait(WAIT)
    chunks.close()  # as when a client disconnects
    assert source.finished == [0, 1]  # the slow read ended before close() returned
    assert not source.started[2].is_set()


@pytest.mark.django_db(transaction=True)
def test_an_export_closed_midway_ends_its_transaction_and_cursor(client, monkeypatch):
    monkeypatch.setattr(stream, "CHUNK_ROWS", 100)
    call_command("generate_synthetic_data", offices=1000)
    threads_before = threading.active_count()
    response = client.get("/offices/export.csv")
    chunks = iter(response.streaming_content)
    header, first, second = next(chunks), next(chunks), next(chunks)
    assert header and first and second
    assert connection.in_atomic_block
    response.close()  # what the server does when the client goes away
    assert not connection.in_atomic_block
    assert threading.active_count() == threads_before
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_cursors")
            assert cursor.fetchone() == (0,)
    assert LiaisonOffice.objects.count() == 1000


@pytest.mark.django_db(transaction=True)
def test_a_served_export_streams_every_published_row(tmp_path, static_root):
    """Through gunicorn's threads and real HTTP, in chunks of the default size."""
    call_command("generate_synthetic_data", offices=5000)
    published = set(LiaisonOffice.objects.published().values_list("id", flat=True))
    assert len(published) > 2 * stream.CHUNK_ROWS
    with serving(
        database_url=database_url_of_test_database(tmp_path),
        static_root=static_root,
        log=tmp_path / "gunicorn.log",
    ) as server:
        response = server.get("/offices/export.csv")
    assert response.status == 200, response.body[:500]
    assert response.body.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(response.body.removeprefix("\ufeff"), newline="")))
    ids = [int(row["id"]) for row in rows]
    assert len(ids) == len(published)
    assert set(ids) == published
