"""Clients that read a response slowly, for tests and benchmarks of the server's bounds."""

import socket

EXPORT = "/offices/export.csv"


class SlowReader:
    """Asks for the export, reads its first 2 KB, then reads nothing more."""

    def __init__(self, port: int):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self.sock.settimeout(10)
        self.sock.connect(("127.0.0.1", port))
        self.sock.sendall(
            f"GET {EXPORT} HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Proto: https\r\n\r\n".encode()
        )

    def status(self) -> int:
        return int(self.sock.recv(2048).split(b" ", 2)[1])

    def rest(self) -> bytes:
        """What is left to read, once the server ends the connection (or 10 s pass)."""
        received = []
        try:
            while data := self.sock.recv(1 << 20):
                received.append(data)
        except ConnectionResetError:
            pass
        return b"".join(received)

    def close(self):
        self.sock.close()
