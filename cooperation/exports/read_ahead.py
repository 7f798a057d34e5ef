"""Read the next chunk of rows while the current one is written.

Writing CSV is Python work; computing the rows is the database's. Done in turn, an
export takes the sum of the two; with one chunk read ahead in a second thread, it takes
about the longer of them.
"""

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor


def read_ahead[T](chunks: Iterator[T]) -> Iterator[T]:
    """Yield each chunk of `chunks` while a second thread reads the next.

    The first chunk is read in the caller's thread, because that read opens the cursor
    and Django refuses to open one outside the thread that owns the connection. Later
    reads only fetch from that cursor, never two at once. At most two chunks are held,
    and leaving early (a client that disconnects) waits for the read under way, so the
    caller can close its transaction safely.
    """
    chunk = next(chunks, None)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="export-read-ahead") as reader:
        while chunk is not None:
            following = reader.submit(next, chunks, None)
            yield chunk
            chunk = following.result()
