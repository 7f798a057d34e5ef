"""The network between the served site and its database, for tests and benchmarks: a TCP
relay the test starts and stops (`TcpProxy`), a loopback address whose packets can all be
dropped, as a network partition drops them (`NetworkPath`, needs CAP_NET_ADMIN), and
`wait_for`.
"""

import contextlib
import os
import random
import socket
import subprocess
import threading
import time

import pytest


class TcpProxy:
    """Forwards <host>:<port> to the database; `stop()` drops every connection."""

    def __init__(self, target: tuple[str, int], host: str = "127.0.0.1"):
        self.target = target
        self.host = host
        self.listener = socket.create_server((host, 0))
        self.port = self.listener.getsockname()[1]
        self.connections: list[socket.socket] = []
        self.start()

    def start(self):
        if self.listener.fileno() == -1:
            self.listener = socket.create_server((self.host, self.port))
        threading.Thread(target=self.accept, args=(self.listener,), daemon=True).start()

    def accept(self, listener):
        with contextlib.suppress(OSError):
            while True:
                client, _ = listener.accept()
                upstream = socket.create_connection(self.target)
                self.connections += [client, upstream]
                for source, sink in ((client, upstream), (upstream, client)):
                    threading.Thread(target=self.pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def pipe(source, sink):
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_RDWR)

    def stop(self):
        # shutdown() first: close() alone leaves a socket listening while accept() blocks.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for sock in self.connections:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.connections = []


def ip(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(["ip", *arguments], capture_output=True, text=True)


class NetworkPath:
    """An address of its own on loopback (198.18.0.0/15, for benchmarks), which `freeze()`
    turns into a black hole: every packet to it is dropped, connections stay open and
    nothing answers, as in a network partition. A relay that merely stops forwarding does
    not do that: the kernel still acknowledges what is sent to it.

    Needs CAP_NET_ADMIN (root). A random address per use, so parallel runs do not collide.
    """

    def __init__(self):
        for _ in range(20):
            self.address = f"198.18.{random.randrange(256)}.{random.randrange(1, 255)}"
            added = ip("addr", "add", f"{self.address}/32", "dev", "lo")
            if added.returncode == 0:
                return
            if "File exists" not in added.stderr:
                raise PermissionError(
                    "A simulated network partition needs root (CAP_NET_ADMIN) for "
                    f"`ip addr add`, which said: {added.stderr.strip()}"
                )
        raise RuntimeError("No free address in 198.18.0.0/16 after 20 tries")

    def freeze(self):
        # Without the address, the blackhole route (not the local table) decides.
        ip("addr", "del", f"{self.address}/32", "dev", "lo")
        ip("route", "add", "blackhole", self.address)

    def thaw(self):
        ip("route", "del", "blackhole", self.address)
        ip("addr", "add", f"{self.address}/32", "dev", "lo")

    def remove(self):
        ip("route", "del", "blackhole", self.address)
        ip("addr", "del", f"{self.address}/32", "dev", "lo")


@contextlib.contextmanager
def network_path():
    """A NetworkPath, removed afterwards; skipped (failed in CI) where it needs rights."""
    try:
        path = NetworkPath()
    except (PermissionError, FileNotFoundError) as error:
        if os.environ.get("CI"):
            pytest.fail(f"CI runs as root and must simulate the partition: {error}")
        pytest.skip(f"Cannot simulate a network partition here: {error}")
    try:
        yield path
    finally:
        path.remove()


def wait_for(check, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.25)
    return False
