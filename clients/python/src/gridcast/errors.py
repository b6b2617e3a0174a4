"""Exceptions raised by the client, one class per condition, all under :class:`GridcastError`.

Every error the server answers carries its ``{"error": {"code", "message", "details"}}`` body:
``code`` is the server's stable machine code (``invalid_upload``, ``unauthorized``, ...),
``message`` its sentence naming the field and the problem, ``details`` the rest (``line``,
``column``, ``field``, ``retry_after_seconds`` ...).
"""

from __future__ import annotations

from typing import Any, Mapping, Optional, Sequence


class GridcastError(Exception):
    """Root of every error this client raises.

    Attributes:
        status: HTTP status of the answer (``None`` when no answer came, e.g. a failed job).
        code: the server's machine code, or the client's own for conditions it detects.
        message: the human sentence.
        details: further fields of the error (may be empty).
    """

    def __init__(
        self,
        message: str,
        *,
        code: str = "error",
        status: Optional[int] = None,
        details: Optional[Mapping[str, Any]] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
        self.details: dict = dict(details or {})

    def __str__(self) -> str:
        prefix = f"{self.status} " if self.status is not None else ""
        return f"{prefix}{self.code}: {self.message}"


class AuthenticationError(GridcastError):
    """401: the token is missing, malformed, unknown or revoked."""


class PermissionDeniedError(GridcastError):
    """403: the token is valid but may not do this (e.g. an admin-only call)."""


class NotFoundError(GridcastError):
    """404: no such dataset, job or result for this caller (another user's ids answer 404 too)."""


class BadRequestError(GridcastError):
    """A 4xx refusal of the request as sent: bad parameter, body, media type or size.

    ``details`` names the field (``details["field"]``) or the place in the body
    (``details["line"]``, ``details["column"]``) when the server gives them.
    """

    @property
    def field(self) -> Optional[str]:
        return self.details.get("field")

    @property
    def line(self) -> Optional[int]:
        """1-based line of the uploaded CSV the server refused (header is line 1), if any."""
        return self.details.get("line")


class ValidationError(BadRequestError):
    """422: well-formed but invalid input, e.g. ``invalid_upload`` (a bad number on a CSV line),
    ``out_of_range`` (a horizon beyond the server's limit), ``invalid_job_request``."""


class RateLimitedError(GridcastError):
    """429 after the client's retries: too many submissions or event streams at once.

    ``retry_after`` is the server's ``Retry-After`` in seconds.
    """

    def __init__(self, message: str, *, retry_after: Optional[float] = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.retry_after = retry_after


class ServerUnavailableError(GridcastError):
    """The server could not serve: 503 (``overloaded``, ``database_unavailable``) after the
    client's retries honouring ``Retry-After``, or no connection at all (code
    ``connection_failed``)."""

    def __init__(self, message: str, *, retry_after: Optional[float] = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.retry_after = retry_after


class ServerError(GridcastError):
    """Any other 5xx answer (``internal_error``: the server logged the cause)."""


class UnsupportedOptionError(GridcastError):
    """The server answered without something asked for (e.g. an interval ``level`` it does not
    compute): it ignores options it does not know, so the client checks what came back."""


class WaitTimeoutError(GridcastError, TimeoutError):
    """The wait for a batch ran past its ``timeout``; the jobs keep running on the server."""


class JobError(GridcastError):
    """A batch ended with jobs that did not complete.

    Attributes:
        batch_id: the batch.
        failed: ``[{"job_id", "sku", "error"}]`` of the failed jobs.
        cancelled: ``[{"job_id", "sku"}]`` of the cancelled jobs.
        partial: what the completed jobs produced (a DataFrame, or a list of dicts without
            pandas), or ``None`` when the call that waited fetches no results.
    """

    def __init__(
        self,
        message: str,
        *,
        batch_id: str,
        failed: Sequence[Mapping[str, Any]] = (),
        cancelled: Sequence[Mapping[str, Any]] = (),
        code: str,
    ) -> None:
        super().__init__(
            message,
            code=code,
            details={"batch_id": batch_id, "failed": len(failed), "cancelled": len(cancelled)},
        )
        self.batch_id = batch_id
        self.failed = [dict(f) for f in failed]
        self.cancelled = [dict(c) for c in cancelled]
        self.partial: Any = None


class JobFailedError(JobError):
    """Some jobs of the batch failed (and none was cancelled); ``failed`` holds their errors."""


class JobCancelledError(JobError):
    """Some jobs of the batch were cancelled (by this client, another one or the web page)."""


def from_response(status: int, body: Any, retry_after: Optional[float]) -> GridcastError:
    """The exception for an error answer: its status picks the class, its body the fields."""
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, dict):
        code = str(error.get("code") or f"http_{status}")
        message = str(error.get("message") or code)
        details = error.get("details") if isinstance(error.get("details"), dict) else {}
    else:
        code = f"http_{status}"
        message = f"HTTP {status}" + (f": {body}" if isinstance(body, str) and body else "")
        details = {}
    kw: dict = {"code": code, "status": status, "details": details}
    if status == 401:
        return AuthenticationError(message, **kw)
    if status == 403:
        return PermissionDeniedError(message, **kw)
    if status == 404:
        return NotFoundError(message, **kw)
    if status == 422:
        return ValidationError(message, **kw)
    if status == 429:
        return RateLimitedError(message, retry_after=retry_after, **kw)
    if 400 <= status < 500:
        return BadRequestError(message, **kw)
    if status == 503:
        return ServerUnavailableError(message, retry_after=retry_after, **kw)
    return ServerError(message, **kw)
