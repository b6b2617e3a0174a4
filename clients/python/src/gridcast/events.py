"""The server's event stream (``GET /api/events``, Server-Sent Events), read with resume.

The server sends ``event: job`` frames with ``id:`` the database-wide sequence of the change,
``event: summary`` (counts, no id) and ``event: alert`` (no id). A dropped connection is
reopened with ``Last-Event-ID`` set to the last id received, and the server replays every change
after it from its database, so a reader that reconnects sees each job event exactly once.
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterator, List, Optional

from . import errors
from .transport import RETRY_AFTER_CAP_SECONDS, Transport, parse_retry_after

READ_TIMEOUT_SECONDS = 45.0
"""The server writes at least a keep-alive comment every 15 s: three missed ones mean the
connection is dead even if no error says so."""


@dataclass(frozen=True)
class Event:
    """One dispatched event: its type (``job``, ``summary``, ``alert``), data and own id."""

    event: str
    data: str
    id: Optional[str] = None

    def json(self) -> Any:
        return json.loads(self.data)


class SseParser:
    """Incremental parser of ``text/event-stream`` (the WHATWG HTML rules): lines end with
    LF, CRLF or CR; ``field: value`` with one optional space; ``:`` starts a comment; a blank
    line dispatches; ``id`` is remembered across events; ``retry`` sets the reconnection delay.
    """

    def __init__(self) -> None:
        self._pending = b""
        self._data: List[str] = []
        self._event = ""
        self._id_field: Optional[str] = None
        self.last_event_id: Optional[str] = None
        self.retry_ms: Optional[int] = None

    def feed(self, chunk: bytes) -> List[Event]:
        buf = self._pending + chunk
        out: List[Event] = []
        start = 0
        n = len(buf)
        while True:
            lf = buf.find(b"\n", start)
            cr = buf.find(b"\r", start)
            if lf < 0 and cr < 0:
                break
            if cr >= 0 and (lf < 0 or cr < lf):
                if cr + 1 == n:
                    break  # a CR at the end may be the first half of CRLF: wait for more
                end, nxt = cr, cr + 2 if buf[cr + 1 : cr + 2] == b"\n" else cr + 1
            else:
                end, nxt = lf, lf + 1
            self._line(buf[start:end].decode("utf-8", "replace"), out)
            start = nxt
        self._pending = buf[start:]
        return out

    def _line(self, line: str, out: List[Event]) -> None:
        if not line:
            self._dispatch(out)
            return
        if line.startswith(":"):
            return
        field, sep, value = line.partition(":")
        if sep and value.startswith(" "):
            value = value[1:]
        if field == "data":
            self._data.append(value)
        elif field == "event":
            self._event = value
        elif field == "id":
            if "\0" not in value:
                self._id_field = value
                self.last_event_id = value
        elif field == "retry":
            if value.isdigit():
                self.retry_ms = int(value)

    def _dispatch(self, out: List[Event]) -> None:
        if self._data:
            out.append(Event(self._event or "message", "\n".join(self._data), self._id_field))
        self._data = []
        self._event = ""
        self._id_field = None


class EventStream:
    """An iterator over the caller's events that survives dropped connections.

    Opening connects at once (so errors such as a wrong token raise from :meth:`open`); from then
    on the server holds the position: every change after it is delivered, across reconnections.
    A connection that ends, errs or stays silent for ``read_timeout`` is reopened after a short
    backoff (0.1 s doubling to 5 s, or the server's ``Retry-After``) with ``Last-Event-ID``;
    ``max_reconnects`` failed attempts in a row raise :class:`ServerUnavailableError`.

    ``on_reconnect(resumed)`` is called, on the reading thread, after each reconnection and
    before its first event: ``resumed`` is False when no id had been received yet, so the new
    connection started at the present and a reader must re-read what it needs from the API.

    Thread safety: iterate on one thread; :meth:`close` may be called from any thread.
    """

    def __init__(
        self,
        transport: Transport,
        *,
        last_event_id: Optional[str] = None,
        read_timeout: float = READ_TIMEOUT_SECONDS,
        max_reconnects: int = 10,
        on_reconnect: Optional[Callable[[bool], None]] = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._transport = transport
        self.last_event_id = last_event_id
        self._read_timeout = read_timeout
        self._max_reconnects = max_reconnects
        self._on_reconnect = on_reconnect
        self._sleep = sleep
        self._conn: Optional[http.client.HTTPConnection] = None
        self._sock: Optional[socket.socket] = None
        self._resp: Optional[http.client.HTTPResponse] = None
        self._parser = SseParser()
        self._closed = threading.Event()
        self._lock = threading.Lock()
        self.connections = 0
        """How many connections this stream opened (1 + reconnections)."""

    def open(self) -> "EventStream":
        if self._resp is None:
            self._connect()
        return self

    def __enter__(self) -> "EventStream":
        return self.open()

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Ends the stream; a thread blocked reading it returns from iteration."""
        self._closed.set()
        self._drop()

    @property
    def closed(self) -> bool:
        return self._closed.is_set()

    def __iter__(self) -> Iterator[Event]:
        self.open()
        while not self._closed.is_set():
            resp = self._resp
            try:
                chunk = resp.read1(65536) if resp is not None else b""
            except (OSError, ValueError, AttributeError, http.client.HTTPException):
                chunk = b""  # reset, timeout, or closed under us by close()
            if chunk:
                for event in self._parser.feed(chunk):
                    if event.id is not None:
                        self.last_event_id = event.id
                    yield event
                continue
            if self._closed.is_set():
                return
            self._reconnect()

    def _reconnect(self) -> None:
        self._drop()
        resumed = self.last_event_id is not None
        delay = 0.1
        failures = 0
        while not self._closed.is_set():
            self._sleep(delay)
            try:
                self._connect()
                self._parser = SseParser()
                if self._on_reconnect is not None:
                    self._on_reconnect(resumed)
                return
            except (errors.ServerUnavailableError, errors.RateLimitedError) as e:
                failures += 1
                if failures > self._max_reconnects:
                    raise
                wait = e.retry_after
                if wait is not None:
                    delay = min(wait, RETRY_AFTER_CAP_SECONDS)
                else:
                    delay = min(delay * 2, 5.0)

    def _connect(self) -> None:
        t = self._transport
        conn = t.connect(timeout=self._read_timeout)
        headers = t.headers({"Accept": "text/event-stream", "Cache-Control": "no-cache"})
        if self.last_event_id is not None:
            headers["Last-Event-ID"] = self.last_event_id
        try:
            conn.connect()
            sock = conn.sock  # kept: http.client forgets it once the response says it will close
            conn.request("GET", t.target("/api/events"), headers=headers)
            resp = conn.getresponse()
        except (OSError, http.client.HTTPException) as e:
            conn.close()
            raise errors.ServerUnavailableError(
                f"cannot open the event stream of {t.url}: {e}", code="connection_failed"
            ) from e
        if resp.status != 200:
            try:
                body = resp.read()
            except (OSError, http.client.HTTPException):
                body = b""
            conn.close()
            try:
                decoded: Any = json.loads(body) if body else None
            except ValueError:
                decoded = body.decode("utf-8", "replace")
            raise errors.from_response(
                resp.status, decoded, parse_retry_after(resp.getheader("Retry-After"))
            )
        with self._lock:
            self._conn, self._sock, self._resp = conn, sock, resp
            self.connections += 1
        if self._closed.is_set():
            self._drop()

    def _drop(self) -> None:
        with self._lock:
            conn, sock, resp = self._conn, self._sock, self._resp
            self._conn, self._sock, self._resp = None, None, None
        if conn is None:
            return
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)  # wakes a thread blocked in read1
            except OSError:
                pass
        if resp is not None:
            try:
                resp.close()
            except (OSError, ValueError):
                pass
        conn.close()
