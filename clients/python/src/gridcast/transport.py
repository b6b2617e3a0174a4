"""HTTP calls to the server with the standard library: bearer token, JSON bodies, error mapping,
and bounded retries of answers that ask for one (429 and 503 with ``Retry-After``)."""

from __future__ import annotations

import email.utils
import http.client
import json
import ssl
import time
import urllib.parse
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Optional

from . import errors

USER_AGENT = "gridcast-python/0.1"
RETRY_AFTER_CAP_SECONDS = 60.0
"""Longest single wait on a ``Retry-After``: a larger value is treated as this (then retried)."""


@dataclass(frozen=True)
class Response:
    """An answer read completely: status, headers (lower-case names) and body bytes."""

    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


class Transport:
    """One server and token. Each call opens its own connection, so one instance may be used by
    several threads at once.

    Args:
        url: base URL, ``http://host:port`` (a path prefix is kept, for a server behind a proxy).
        token: API token sent as ``Authorization: Bearer``; ``None`` for a server with auth off.
        timeout: seconds to connect and to wait for each read of an answer.
        max_retries: how many times a call answered 429 or 503 is repeated after waiting the
            server's ``Retry-After`` (1 s when absent) before the error is raised.
        sleep: the clock's sleep (tests pass a recording one).
    """

    def __init__(
        self,
        url: str,
        token: Optional[str],
        *,
        timeout: float = 120.0,
        max_retries: int = 5,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        parsed = urllib.parse.urlsplit(url.rstrip("/"))
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ValueError(f"url must be http://host[:port] or https://..., got {url!r}")
        if max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, got {max_retries}")
        if timeout <= 0:
            raise ValueError(f"timeout must be > 0 seconds, got {timeout}")
        self.url = url.rstrip("/")
        self._scheme = parsed.scheme
        self._host = parsed.hostname
        self._port = parsed.port
        self._prefix = parsed.path
        self._token = token.strip() if token else None
        self.timeout = timeout
        self.max_retries = max_retries
        self._sleep = sleep

    # -- connections -------------------------------------------------------------------------

    def connect(self, timeout: Optional[float] = None) -> http.client.HTTPConnection:
        t = self.timeout if timeout is None else timeout
        if self._scheme == "https":
            return http.client.HTTPSConnection(
                self._host, self._port, timeout=t, context=ssl.create_default_context()
            )
        return http.client.HTTPConnection(self._host, self._port, timeout=t)

    def target(self, path: str, params: Optional[Mapping[str, Any]] = None) -> str:
        query = {k: _param(v) for k, v in (params or {}).items() if v is not None}
        return self._prefix + path + ("?" + urllib.parse.urlencode(query) if query else "")

    def headers(self, extra: Optional[Mapping[str, str]] = None) -> dict:
        h = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if self._token:
            h["Authorization"] = f"Bearer {self._token}"
        h.update(extra or {})
        return h

    # -- calls -------------------------------------------------------------------------------

    def call(
        self,
        method: str,
        path: str,
        *,
        params: Optional[Mapping[str, Any]] = None,
        body: Optional[bytes] = None,
        content_type: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
        expect: tuple = (200, 201, 202, 204),
    ) -> Response:
        """One call, repeated after ``Retry-After`` while the server answers 429/503 and retries
        remain; raises the mapped :mod:`gridcast.errors` exception for any other status outside
        ``expect``."""
        extra = dict(headers or {})
        if content_type:
            extra["Content-Type"] = content_type
        attempt = 0
        while True:
            res = self._once(method, self.target(path, params), body, self.headers(extra))
            if res.status in expect:
                return res
            retry_after = parse_retry_after(res.headers.get("retry-after"))
            if res.status in (429, 503) and attempt < self.max_retries:
                attempt += 1
                self._sleep(min(retry_after if retry_after is not None else 1.0,
                                RETRY_AFTER_CAP_SECONDS))
                continue
            raise errors.from_response(res.status, _decode(res), retry_after)

    def json(self, method: str, path: str, **kw: Any) -> Any:
        return self.call(method, path, **kw).json()

    def send_json(self, method: str, path: str, payload: Any, **kw: Any) -> Any:
        body = json.dumps(payload).encode("utf-8")
        return self.call(method, path, body=body, content_type="application/json", **kw).json()

    def _once(self, method: str, target: str, body: Optional[bytes], headers: dict) -> Response:
        conn = self.connect()
        try:
            conn.request(method, target, body=body, headers=headers)
            r = conn.getresponse()
            data = r.read()
            return Response(r.status, {k.lower(): v for k, v in r.getheaders()}, data)
        except (OSError, http.client.HTTPException) as e:  # refused, reset, timed out
            raise errors.ServerUnavailableError(
                f"cannot reach {self.url}: {e}", code="connection_failed"
            ) from e
        finally:
            conn.close()


def parse_retry_after(value: Optional[str]) -> Optional[float]:
    """``Retry-After`` as seconds: delta-seconds or an HTTP date; ``None`` when absent or bad."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(int(value)))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _param(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple)):
        return ",".join(str(x) for x in v)
    return str(v)


def _decode(res: Response) -> Any:
    try:
        return res.json()
    except (ValueError, UnicodeDecodeError):
        return res.body.decode("utf-8", "replace")
