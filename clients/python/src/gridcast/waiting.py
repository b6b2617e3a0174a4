"""Following one batch of jobs to its end: over the event stream, or by polling when the server
admits no further stream for this user."""

from __future__ import annotations

import queue
import threading
import time
from typing import Any, Dict, Iterable, List, Optional, Sequence

from . import errors
from .events import EventStream
from .progress import Progress, ProgressSink
from .transport import Transport

FINISHED = frozenset({"completed", "failed", "cancelled"})
POLL_INTERVAL_SECONDS = 1.0
PAGE = 1000


class _Reconnected:
    def __init__(self, resumed: bool) -> None:
        self.resumed = resumed


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


class BatchWatcher:
    """Opened BEFORE the jobs it follows are created, so their every event is seen.

    A reader thread pumps the event stream into a queue; :meth:`follow` consumes it on the
    caller's thread (progress callbacks run there). Jobs of other batches are ignored. When a
    reconnection could not resume (no event id received yet), the batch's finished jobs are read
    from ``GET /api/jobs/status`` so nothing that happened meanwhile is missed. When the server
    refuses another stream (429 ``max_streams_per_user``), the watcher polls that listing instead.
    """

    def __init__(self, transport: Transport, *, poll_interval: float = POLL_INTERVAL_SECONDS):
        self._t = transport
        self._poll_interval = poll_interval
        self._queue: "queue.Queue[Any]" = queue.Queue()
        self._stream: Optional[EventStream] = None
        self._thread: Optional[threading.Thread] = None
        try:
            stream = EventStream(transport, on_reconnect=lambda r: self._queue.put(_Reconnected(r)))
            stream.open()
        except errors.RateLimitedError:
            return  # polling
        self._stream = stream
        self._thread = threading.Thread(target=self._pump, name="gridcast-events", daemon=True)
        self._thread.start()

    @property
    def polling(self) -> bool:
        return self._stream is None

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "BatchWatcher":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _pump(self) -> None:
        assert self._stream is not None
        try:
            for event in self._stream:
                if event.event == "job":
                    self._queue.put(event)
        except BaseException as e:  # handed to the waiting thread, which raises it
            if not self._stream.closed:
                self._queue.put(_Failed(e))

    # -- following ---------------------------------------------------------------------------

    def follow(
        self,
        batch_id: str,
        job_ids: Optional[Sequence[str]],
        sink: ProgressSink,
        *,
        timeout: Optional[float] = None,
    ) -> Progress:
        """Waits until every job of the batch ended; returns the final :class:`Progress`.

        ``job_ids=None`` (a batch created before this watcher opened) reads the batch's jobs and
        their states from the API first. Raises :class:`JobFailedError` /
        :class:`JobCancelledError` when some did not complete, :class:`WaitTimeoutError` after
        ``timeout`` seconds.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        state = _BatchState(batch_id)
        if job_ids is None:
            state.merge(self._list(batch_id, None))
        else:
            state.expect(job_ids)
        progress = state.progress()
        sink.update(progress)
        try:
            while not progress.finished:
                wait = self._poll_interval if self.polling else 0.25
                if deadline is not None:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise errors.WaitTimeoutError(
                            f"batch {batch_id}: {progress.done} of {progress.total} jobs ended "
                            f"within {timeout} s; the others keep running on the server",
                            code="timeout",
                            details={"batch_id": batch_id},
                        )
                    wait = min(wait, left)
                if self.polling:
                    time.sleep(wait)
                    state.merge(self._list(batch_id, None))
                else:
                    self._drain(state, wait)
                progress = state.progress()
                sink.update(progress)
        except BaseException:
            sink.finish(progress)
            raise
        sink.finish(progress)
        if progress.failed or progress.cancelled:
            raise self._outcome_error(batch_id, state, progress)
        return progress

    def _drain(self, state: "_BatchState", wait: float) -> None:
        try:
            item = self._queue.get(timeout=wait)
        except queue.Empty:
            return
        while True:
            if isinstance(item, _Failed):
                if isinstance(item.error, errors.RateLimitedError):
                    self._stream = None  # no stream admitted after a drop: poll from now on
                    state.merge(self._list(state.batch_id, None))
                    return
                raise item.error
            if isinstance(item, _Reconnected):
                if not item.resumed:
                    state.merge(self._list(state.batch_id, "completed,failed,cancelled"))
            else:
                data = item.json()
                if data.get("batch_id") == state.batch_id:
                    state.apply(data.get("job_id"), data.get("status"), data.get("sku"))
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return

    def _list(self, batch_id: str, status: Optional[str]) -> List[Dict[str, Any]]:
        return list_jobs(self._t, {"batch": batch_id, "status": status})

    def _outcome_error(self, batch_id: str, state: "_BatchState", p: Progress) -> errors.JobError:
        failed = [
            {"job_id": j["id"], "sku": j.get("sku"), "error": j.get("error")}
            for j in self._list(batch_id, "failed")
        ]
        cancelled = [
            {"job_id": j, "sku": state.skus.get(j)} for j in state.with_status("cancelled")
        ]
        if p.cancelled:
            return errors.JobCancelledError(
                f"batch {batch_id}: {p.cancelled} of {p.total} jobs were cancelled"
                + (f", {p.failed} failed" if p.failed else ""),
                batch_id=batch_id, failed=failed, cancelled=cancelled, code="job_cancelled",
            )
        first = failed[0] if failed else {}
        return errors.JobFailedError(
            f"batch {batch_id}: {p.failed} of {p.total} jobs failed"
            + (f"; first: {first.get('sku')}: {first.get('error')}" if first else ""),
            batch_id=batch_id, failed=failed, cancelled=cancelled, code="job_failed",
        )


def list_jobs(t: Transport, filters: Dict[str, Any], limit: Optional[int] = None) -> List[dict]:
    """Every job matching ``filters`` (``GET /api/jobs/status``), following the cursor."""
    jobs: List[dict] = []
    cursor = None
    while True:
        page = PAGE if limit is None else min(PAGE, limit - len(jobs))
        params = {**filters, "limit": page, "cursor": cursor}
        answer = t.json("GET", "/api/jobs/status", params=params)
        jobs.extend(answer.get("jobs") or [])
        cursor = answer.get("next_cursor")
        if not cursor or (limit is not None and len(jobs) >= limit):
            return jobs


class _BatchState:
    def __init__(self, batch_id: str) -> None:
        self.batch_id = batch_id
        self.status: Dict[str, str] = {}
        self.skus: Dict[str, str] = {}

    def expect(self, job_ids: Iterable[str]) -> None:
        for j in job_ids:
            self.status.setdefault(str(j), "pending")

    def apply(self, job_id: Optional[str], status: Optional[str], sku: Optional[str]) -> None:
        if job_id is None or status is None:
            return
        if self.status.get(job_id) in FINISHED:
            return  # an ended job stays ended (a later event is its deletion)
        self.status[job_id] = status
        if sku is not None:
            self.skus[job_id] = sku

    def merge(self, jobs: Iterable[dict]) -> None:
        for j in jobs:
            self.apply(str(j["id"]), j.get("status"), j.get("sku"))

    def with_status(self, status: str) -> List[str]:
        return [j for j, s in self.status.items() if s == status]

    def progress(self) -> Progress:
        counts: Dict[str, int] = {}
        for s in self.status.values():
            counts[s] = counts.get(s, 0) + 1
        return Progress(
            batch_id=self.batch_id,
            total=len(self.status),
            completed=counts.get("completed", 0),
            failed=counts.get("failed", 0),
            cancelled=counts.get("cancelled", 0),
            running=counts.get("running", 0),
        )
