"""A TCP relay between the client and the server whose connections the test can cut, and which
can refuse new ones for a while: a network that drops, with the real server behind it."""

from __future__ import annotations

import socket
import threading
from typing import List


class CuttingProxy:
    def __init__(self, upstream_port: int) -> None:
        self._upstream = ("127.0.0.1", upstream_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._lock = threading.Lock()
        self._open: List[socket.socket] = []
        self._refusing = False
        self._closed = False
        self.requests: List[bytes] = []
        """The first bytes (request line and headers) of every relayed connection."""
        self.cuts = 0
        threading.Thread(target=self._accept, name="proxy-accept", daemon=True).start()

    def cut(self) -> None:
        """Closes every open connection, both sides, as a dropped network would."""
        with self._lock:
            victims, self._open = self._open, []
            self.cuts += 1
        for s in victims:
            _close(s)

    def refuse(self, refusing: bool) -> None:
        """While refusing, a new connection is closed before it reaches the server."""
        with self._lock:
            self._refusing = refusing

    def close(self) -> None:
        self._closed = True
        _close(self._listener)
        self.cut()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                refusing = self._refusing
            if refusing:
                _close(client)
                continue
            try:
                server = socket.create_connection(self._upstream)
            except OSError:
                _close(client)
                continue
            with self._lock:
                self._open += [client, server]
            threading.Thread(target=self._pipe, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(server, client, False), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, record: bool) -> None:
        first = True
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if record and first:
                    with self._lock:
                        self.requests.append(data)
                    first = False
                dst.sendall(data)
        except OSError:
            pass
        finally:
            _close(src)
            _close(dst)


def _close(s: socket.socket) -> None:
    try:
        s.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    try:
        s.close()
    except OSError:
        pass
