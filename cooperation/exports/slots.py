"""How many CSV exports may run at once in one server process.

An export holds a server thread, a pooled database connection and a transaction for as
long as its client reads. Past `settings.EXPORT_CONCURRENCY` running exports a new one is
refused (503 with Retry-After, `csv_response`) instead of taking the threads that every
other page and the health check need. Admin and public exports share the limit.
"""

import threading

from django.conf import settings

SLOTS = threading.BoundedSemaphore(settings.EXPORT_CONCURRENCY)


class Slot:
    """A running export's place; `release()` gives it back once, however often called
    (the end of the stream and the server's close() both call it)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.held = True

    def release(self):
        with self.lock:
            if self.held:
                self.held = False
                SLOTS.release()


def take_slot() -> Slot | None:
    """A slot if one is free now (never waits), else None."""
    return Slot() if SLOTS.acquire(blocking=False) else None
