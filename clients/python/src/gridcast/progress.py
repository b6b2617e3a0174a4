"""How far a batch is, and where that is shown: a text bar on a terminal, a callback, or nothing."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from typing import Any, Callable, Optional, TextIO, Union


@dataclass(frozen=True)
class Progress:
    """The state of one batch's jobs.

    ``done`` counts jobs that ended (completed, failed or cancelled); ``fraction`` is
    ``done / total``.
    """

    batch_id: str
    total: int
    completed: int = 0
    failed: int = 0
    cancelled: int = 0
    running: int = 0

    @property
    def done(self) -> int:
        return self.completed + self.failed + self.cancelled

    @property
    def fraction(self) -> float:
        return 1.0 if self.total == 0 else self.done / self.total

    @property
    def finished(self) -> bool:
        return self.done >= self.total


class ProgressSink:
    """Receives every change of a batch's :class:`Progress`; :meth:`finish` once at the end."""

    def update(self, p: Progress) -> None:
        pass

    def finish(self, p: Progress) -> None:
        pass


class TextBar(ProgressSink):
    """``[#########---------] 12/20 jobs 60% (1 failed)`` rewritten in place on ``out``, at most
    every ``min_interval`` seconds; the last state and a newline on :meth:`finish`."""

    WIDTH = 30

    def __init__(self, out: Optional[TextIO] = None, min_interval: float = 0.1) -> None:
        self._out = out if out is not None else sys.stderr
        self._min_interval = min_interval
        self._last = 0.0
        self._shown: Optional[Progress] = None

    def update(self, p: Progress) -> None:
        now = time.monotonic()
        if p != self._shown and now - self._last >= self._min_interval:
            self._draw(p)
            self._last = now

    def finish(self, p: Progress) -> None:
        self._draw(p)
        self._out.write("\n")
        self._out.flush()

    def _draw(self, p: Progress) -> None:
        filled = self.WIDTH if p.total == 0 else p.done * self.WIDTH // p.total
        bad = []
        if p.failed:
            bad.append(f"{p.failed} failed")
        if p.cancelled:
            bad.append(f"{p.cancelled} cancelled")
        tail = f" ({', '.join(bad)})" if bad else ""
        self._out.write(
            f"\r[{'#' * filled}{'-' * (self.WIDTH - filled)}] {p.done}/{p.total} jobs "
            f"{int(100 * p.fraction)}%{tail}"
        )
        self._out.flush()
        self._shown = p


class _Callback(ProgressSink):
    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        self._fn = fn
        self._shown: Optional[Progress] = None

    def update(self, p: Progress) -> None:
        if p != self._shown:
            self._shown = p
            self._fn(p)

    def finish(self, p: Progress) -> None:
        self.update(p)


ProgressOption = Union[None, bool, Callable[[Progress], Any], ProgressSink]


def sink_for(option: ProgressOption) -> ProgressSink:
    """``None``: a bar when standard error is a terminal, else nothing; ``True``: a bar;
    ``False``: nothing; a callable: called with each new :class:`Progress` (on the calling
    thread); a :class:`ProgressSink`: used as is."""
    if isinstance(option, ProgressSink):
        return option
    if option is None:
        return TextBar() if _isatty(sys.stderr) else ProgressSink()
    if option is True:
        return TextBar()
    if option is False:
        return ProgressSink()
    if callable(option):
        return _Callback(option)
    raise TypeError(f"progress must be None, a bool or a callable, got {option!r}")


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
