"""The gunicorn worker of gunicorn.conf.py: gthread, bounded against stalled clients.

gthread gives a request a thread for as long as it takes, and its heartbeat keeps the
arbiter from killing a worker whose threads all wait on clients. A client that stops
reading a long response (a CSV export), or stops sending its request, would hold a
thread (and, for an export, a pooled database connection and a transaction) for ever.

The rule: no send to a client waits more than `SEND_TIMEOUT` seconds, and no read of a
request more than `READ_TIMEOUT`, without progress. The kernel enforces it (SO_SNDTIMEO,
SO_RCVTIMEO on each connection's socket: gunicorn's switches between blocking and
non-blocking mode leave them alone); a send that times out ends the response and the
connection, which closes an export's stream. A new connection that sends nothing waits
for its first byte in the worker's poller, not in a thread.

Limitation: the bound is per system call, not per request. A client that trickles a byte
at a time just within it still holds its thread: shielding the server from such clients
is the proxy's job (README "Deploying": nginx buffers requests and responses).

gunicorn's own error replies (a request line over `limit_request_line`, malformed
requests) are dressed as the site's pages with its headers (sinoisrael/server/error_replies.py).
"""

import os
import socket
import struct

from gunicorn import util
from gunicorn.workers import gthread

from sinoisrael.server.error_replies import site_error_reply

SEND_TIMEOUT = float(os.environ.get("GUNICORN_CLIENT_SEND_TIMEOUT", "10"))
READ_TIMEOUT = float(os.environ.get("GUNICORN_CLIENT_READ_TIMEOUT", "5"))
# gthread waits 5 s in a thread for a new connection's first byte; a few connections
# that send nothing would hold every thread that long. Past this, the poller waits.
FIRST_BYTE_WAIT = 0.2


def timeval(seconds: float) -> bytes:
    whole = int(seconds)
    return struct.pack("ll", whole, round((seconds - whole) * 1_000_000))


def stop_reading_if_silent(sock) -> None:
    """gunicorn closes a connection on its main thread "gracefully", waiting up to 2 s for
    the client's last bytes: a client that sends nothing (a stalled one above all) would
    block the worker's main loop that long. When nothing is pending, the read side is shut
    so that wait ends at once; the response already sent is not affected."""
    try:
        sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
    except BlockingIOError:
        sock.shutdown(socket.SHUT_RD)
    except OSError:
        pass  # closed or reset: nothing to wait for either


class CapturedReply:
    """Stands in for the client's socket while gunicorn writes an error reply, to keep it."""

    def __init__(self):
        self.data = b""

    def gettimeout(self):
        return 0.0

    def sendall(self, data):
        self.data += data


class ThreadWorker(gthread.ThreadWorker):
    def enqueue_req(self, conn):
        conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, timeval(SEND_TIMEOUT))
        conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, timeval(READ_TIMEOUT))
        super().enqueue_req(conn)

    def handle(self, conn):
        if not (conn.initialized or conn.data_ready or conn.wait_for_data(FIRST_BYTE_WAIT)):
            return gthread._DEFER
        keep_alive = super().handle(conn)
        if not keep_alive:
            stop_reading_if_silent(conn.sock)
        return keep_alive

    def handle_request(self, req, conn):
        try:
            return super().handle_request(req, conn)
        except BlockingIOError:  # SO_SNDTIMEO: the client read nothing for SEND_TIMEOUT s
            self.log.warning(
                "Closed the connection of %s: it read nothing of %s for %s s",
                conn.client[0] if conn.client else "?",
                req.path,
                SEND_TIMEOUT,
            )
            # Reset rather than close: what is left unsent would never be read.
            conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return False

    def handle_error(self, req, client, addr, exc):
        """gunicorn's reply (its status, its log lines), sent as the site's page."""
        reply = CapturedReply()
        super().handle_error(req, reply, addr, exc)
        try:
            util.write_nonblock(client, site_error_reply(reply.data))
        except Exception:
            self.log.debug("Failed to send error message.")
