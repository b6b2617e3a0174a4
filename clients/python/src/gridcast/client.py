"""The Gridcast client: upload demand history, wait for the server's jobs, get forecasts back."""

from __future__ import annotations

import os
import urllib.parse
import uuid
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import errors, tables
from .events import EventStream
from .progress import Progress, ProgressOption, sink_for
from .transport import Transport
from .waiting import BatchWatcher, list_jobs

DEFAULT_URL = "http://127.0.0.1:8080"
DEFAULT_LEVEL: Tuple[int, ...] = (80, 95)
"""The interval levels the server computes when no ``level`` is sent."""

JOB_COLUMNS = (
    "id", "type", "status", "sku", "batch_id", "priority", "reason", "progress", "error",
    "attempt", "max_attempts", "cancel_requested", "created_at", "started_at", "updated_at",
    "finished_at",
)
JOB_TIMES = ("created_at", "started_at", "updated_at", "finished_at")
DATASET_COLUMNS = (
    "id", "name", "frequency", "period", "series_count", "row_count", "created_at",
)
VALIDATION_COLUMNS = ("unique_id", "model", "smape", "mase", "bias", "folds", "failure")
CHOICE_COLUMNS = (
    "unique_id", "model", "metric", "score", "flagged", "job_type", "job_id", "updated_at",
)


@dataclass(frozen=True)
class Upload:
    """The server's answer to an upload: the stored dataset and, when jobs were asked for, the
    batch of jobs it created (one optimization job per series)."""

    dataset_id: str
    series_count: int
    row_count: int
    batch_id: Optional[str]
    job_ids: Tuple[str, ...]


Batch = Union[str, Upload]


class Gridcast:
    """A client of one Gridcast server.

    Args:
        url: the server, default ``$GRIDCAST_SERVER`` or ``http://127.0.0.1:8080``.
        token: API token, default ``$GRIDCAST_TOKEN`` (``None`` for a server run with auth off).
        timeout: seconds to connect and to wait for any one answer.
        max_retries: repetitions of a call answered 429/503, each after the server's
            ``Retry-After``, before :class:`RateLimitedError` / :class:`ServerUnavailableError`.

    Tables are pandas DataFrames, or lists of dicts when pandas is not installed. One instance
    may be shared by threads: every call uses its own connection.
    """

    def __init__(
        self,
        url: Optional[str] = None,
        token: Optional[str] = None,
        *,
        timeout: float = 120.0,
        max_retries: int = 5,
    ) -> None:
        url = url or os.environ.get("GRIDCAST_SERVER") or DEFAULT_URL
        token = token if token is not None else os.environ.get("GRIDCAST_TOKEN")
        self._t = Transport(url, token, timeout=timeout, max_retries=max_retries)

    @property
    def url(self) -> str:
        return self._t.url

    def __repr__(self) -> str:
        return f"Gridcast({self.url!r})"

    # -- the workflow ------------------------------------------------------------------------

    def forecast(
        self,
        df: Any,
        h: int,
        freq: Optional[str] = None,
        level: Sequence[float] = DEFAULT_LEVEL,
        models: Optional[Sequence[str]] = None,
        preset: Optional[str] = None,
        *,
        metric: Optional[str] = None,
        folds: Optional[int] = None,
        id_col: str = "unique_id",
        time_col: str = "ds",
        target_col: str = "y",
        progress: ProgressOption = None,
        timeout: Optional[float] = None,
    ) -> Any:
        """Forecasts ``h`` steps of every series of ``df`` on the server.

        Uploads ``df`` with one optimization job per series, follows the jobs over the event
        stream (a text bar on a terminal; see ``progress``), and returns the long table
        ``unique_id, ds, model, y_hat, lo_80, hi_80, lo_95, hi_95`` sorted by ``unique_id, ds``
        (one ``lo_L, hi_L`` pair per level).

        ``freq`` (e.g. ``"monthly"``; the series' frequency, inferred from ``ds`` when None),
        ``level``, ``models`` (names, or ``"a+b"`` for a mean of two) and ``preset`` are sent as
        the API's ``frequency``, ``level``, ``models`` and ``preset``; ``level`` only when it
        differs from the server's default (80, 95).

        Raises :class:`JobFailedError` / :class:`JobCancelledError` when some jobs did not
        complete (``partial`` holds the others' forecasts), :class:`UnsupportedOptionError` when
        the server answered without a requested level, and :class:`WaitTimeoutError` after
        ``timeout`` seconds (the jobs keep running; :meth:`results` fetches them later).
        """
        levels = DEFAULT_LEVEL if level is None else _levels(level)
        kind = tables.ds_kind(df, time_col)
        with BatchWatcher(self._t) as watcher:  # opened first: every job event is seen
            up = self.upload(
                df, h, freq=freq, level=None if levels == DEFAULT_LEVEL else levels,
                models=models, preset=preset, metric=metric, folds=folds,
                id_col=id_col, time_col=time_col, target_col=target_col,
            )
            try:
                watcher.follow(up.batch_id, up.job_ids, sink_for(progress), timeout=timeout)
            except errors.JobError as e:
                e.partial = self._forecasts(up.dataset_id, None, kind)
                raise
        return self._forecasts(up.dataset_id, levels, kind)

    def upload(
        self,
        df: Any,
        h: Optional[int] = None,
        *,
        freq: Optional[str] = None,
        level: Optional[Sequence[float]] = None,
        models: Optional[Sequence[str]] = None,
        preset: Optional[str] = None,
        metric: Optional[str] = None,
        folds: Optional[int] = None,
        name: Optional[str] = None,
        id_col: str = "unique_id",
        time_col: str = "ds",
        target_col: str = "y",
    ) -> Upload:
        """Stores ``df`` as a dataset; with ``h``, also creates one optimization job per series
        (answers at once; :meth:`wait` follows them). The other options are sent only when given.
        """
        if h is None:
            given = dict(level=level, models=models, preset=preset, metric=metric, folds=folds)
            named = [k for k, v in given.items() if v is not None]
            if named:
                raise ValueError(f"{', '.join(named)} apply only to a forecast: pass h too")
        params: Dict[str, Any] = {"name": name, "frequency": freq}
        headers = {}
        if h is not None:
            params.update(
                optimize=True, horizon=h, models=_names(models), metric=metric, folds=folds,
                preset=preset, level=None if level is None else _level_text(_levels(level)),
            )
            # a retried upload creates no second batch
            headers["Idempotency-Key"] = str(uuid.uuid4())
        body = tables.csv_body(df, id_col, time_col, target_col)
        answer = self._t.json(
            "POST", "/api/datasets", params=params, body=body, content_type="text/csv",
            headers=headers,
        )
        return Upload(
            dataset_id=answer["dataset_id"],
            series_count=answer.get("series_count", 0),
            row_count=answer.get("row_count", 0),
            batch_id=answer.get("batch_id"),
            job_ids=tuple(answer.get("job_ids") or ()),
        )

    def wait(
        self, batch: Batch, *, progress: ProgressOption = None, timeout: Optional[float] = None
    ) -> Progress:
        """Waits until every job of a batch (an id, or an :class:`Upload`) ended; returns the
        final counts, or raises as :meth:`forecast` does."""
        batch_id = batch.batch_id if isinstance(batch, Upload) else batch
        if not batch_id:
            raise ValueError("this upload created no jobs (it was made without h)")
        with BatchWatcher(self._t) as watcher:
            if not list_jobs(self._t, {"batch": batch_id}, limit=1):
                raise errors.NotFoundError(
                    f"no jobs in batch {batch_id}", code="not_found",
                    details={"kind": "batch", "id": batch_id},
                )
            return watcher.follow(batch_id, None, sink_for(progress), timeout=timeout)

    def results(self, dataset_id: str, *, level: Optional[Sequence[float]] = None) -> Any:
        """Every stored forecast of a dataset, in the shape :meth:`forecast` returns (all the
        levels the server stored when ``level`` is None)."""
        return self._forecasts(dataset_id, None if level is None else _levels(level), None)

    def result(self, dataset_id: str, sku: str) -> Dict[str, Any]:
        """One SKU's stored result as the server keeps it: model, parameters, fitted parameters,
        backtest score of every candidate (``cv_scores``), forecast and intervals."""
        return self._t.json("GET", f"/api/datasets/{_seg(dataset_id)}/forecasts/{_seg(sku)}")

    def best_models(self, dataset_id: str) -> Any:
        """One row per SKU: the chosen model and its backtest score (``metric``, ``score``)."""
        rows: List[dict] = []
        cursor = None
        while True:
            page = self._t.json(
                "GET", f"/api/datasets/{_seg(dataset_id)}/results",
                params={"limit": 1000, "cursor": cursor},
            )
            rows.extend({"unique_id": r.get("sku"), **r} for r in page.get("results") or [])
            cursor = page.get("next_cursor")
            if not cursor:
                return tables.records(rows, CHOICE_COLUMNS, datetimes=("updated_at",))

    def cross_validation(
        self,
        df: Any = None,
        h: int = 12,
        *,
        models: Optional[Sequence[str]] = None,
        folds: Optional[int] = None,
        dataset_id: Optional[str] = None,
        skus: Optional[Sequence[str]] = None,
        id_col: str = "unique_id",
        time_col: str = "ds",
        target_col: str = "y",
        progress: ProgressOption = None,
        timeout: Optional[float] = None,
    ) -> Any:
        """Backtests models over a dataset with a validation job and returns its scores: one row
        per SKU and model, ``unique_id, model, smape, mase, bias, folds, failure``.

        Give ``df`` (uploaded first) or the ``dataset_id`` of an earlier upload. Without
        ``models`` the server backtests each SKU's stored best model (or, for a SKU without one,
        the default candidates). The per-model means are ``groupby("model").mean()`` away.
        """
        if (df is None) == (dataset_id is None):
            raise ValueError("give either df or dataset_id")
        if df is not None:
            up = self.upload(df, id_col=id_col, time_col=time_col, target_col=target_col)
            dataset_id = up.dataset_id
        request = {
            "dataset_id": dataset_id, "type": "validation", "horizon": h,
            "models": list(models) if models else None, "folds": folds,
            "skus": list(skus) if skus else None, "idempotency_key": str(uuid.uuid4()),
        }
        with BatchWatcher(self._t) as watcher:
            answer = self._t.send_json(
                "POST", "/api/jobs", {k: v for k, v in request.items() if v is not None}
            )
            watcher.follow(
                answer["batch_id"], answer["job_ids"], sink_for(progress), timeout=timeout
            )
        rows: List[dict] = []
        for job_id in answer["job_ids"]:
            report = self.job(job_id).get("result") or {}
            rows.extend({"unique_id": r.get("sku"), **r} for r in report.get("per_sku") or [])
        names = list(VALIDATION_COLUMNS)
        if any(r.get("parameters") for r in rows):
            names.append("parameters")
        return tables.records(rows, names)

    # -- jobs --------------------------------------------------------------------------------

    def jobs(
        self,
        *,
        batch: Optional[Batch] = None,
        status: Union[None, str, Sequence[str]] = None,
        type: Optional[str] = None,
        sku: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> Any:
        """The caller's jobs, newest first, without payloads or results (:meth:`job` has them):
        filtered by batch, status (one or several), type and SKU substring; at most ``limit``."""
        filters = {
            "batch": batch.batch_id if isinstance(batch, Upload) else batch,
            "status": status, "type": type, "sku": sku,
        }
        rows = list_jobs(self._t, filters, limit)
        return tables.records(rows[:limit] if limit else rows, JOB_COLUMNS, datetimes=JOB_TIMES)

    def job(self, job_id: str) -> Dict[str, Any]:
        """One job with its payload, progress and result."""
        return self._t.json("GET", f"/api/jobs/{_seg(job_id)}")

    def summary(self) -> Dict[str, int]:
        """The caller's jobs counted by status (pending, running, completed, failed, cancelled)."""
        return self._t.json("GET", "/api/jobs/status", params={"limit": 1})["summary"]

    def cancel(
        self, job_id: Optional[str] = None, *, batch: Optional[Batch] = None
    ) -> Dict[str, Any]:
        """Cancels one job, or every pending and running job of a batch. A pending job ends at
        once; a running one when its worker next checks (``cancel_requested``)."""
        if (job_id is None) == (batch is None):
            raise ValueError("give either job_id or batch")
        if job_id is not None:
            return self._t.json("POST", f"/api/jobs/{_seg(job_id)}/cancel")
        batch_id = batch.batch_id if isinstance(batch, Upload) else batch
        return self._t.json(
            "DELETE", "/api/jobs", params={"status": "pending,running", "batch": batch_id}
        )

    # -- datasets and events -----------------------------------------------------------------

    def datasets(self) -> Any:
        """The caller's datasets, newest first."""
        rows: List[dict] = []
        cursor = None
        while True:
            page = self._t.json("GET", "/api/datasets", params={"limit": 1000, "cursor": cursor})
            rows.extend(page.get("datasets") or [])
            cursor = page.get("next_cursor")
            if not cursor:
                return tables.records(rows, DATASET_COLUMNS, datetimes=("created_at",))

    def dataset(self, dataset_id: str) -> Dict[str, Any]:
        """One dataset (``dataset``) with its SKUs (``skus``)."""
        return self._t.json("GET", f"/api/datasets/{_seg(dataset_id)}")

    def delete_dataset(self, dataset_id: str) -> None:
        """Deletes a dataset with its series and results."""
        self._t.call("DELETE", f"/api/datasets/{_seg(dataset_id)}")

    def events(self, last_event_id: Optional[str] = None) -> EventStream:
        """The caller's live events (``job``, ``summary``, ``alert``), resumed after a dropped
        connection with ``Last-Event-ID``; from ``last_event_id`` on when given, else from now.
        Use as ``with client.events() as stream: for event in stream: ...``."""
        return EventStream(self._t, last_event_id=last_event_id).open()

    # -- internals ---------------------------------------------------------------------------

    def _forecasts(
        self, dataset_id: str, levels: Optional[Tuple[float, ...]], ds: Optional[str]
    ) -> Any:
        answer = self._t.json("GET", f"/api/datasets/{_seg(dataset_id)}/forecasts")
        cols = tables.forecast_rows(answer.get("forecasts") or [])
        if levels is not None:
            have = tables.levels_of(cols.keys())
            missing = [lv for lv in levels if float(lv) not in have]
            if missing and cols["unique_id"]:
                raise errors.UnsupportedOptionError(
                    f"the server answered with intervals at "
                    f"{_level_text(tuple(have)) or 'no level'} only, not at "
                    f"{_level_text(tuple(missing))}; the forecasts are stored in dataset "
                    f"{dataset_id} (results({dataset_id!r}) reads them)",
                    code="level_unavailable",
                    details={"field": "level", "dataset_id": dataset_id, "missing": missing},
                )
        return tables.forecast_table(cols, levels, ds)


def _levels(level: Any) -> Tuple[float, ...]:
    values = (level,) if isinstance(level, (int, float)) else tuple(level)
    if not values:
        raise ValueError("level must name at least one interval level, e.g. (80, 95)")
    for v in values:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 < v < 100:
            raise ValueError(f"each level must be a number between 0 and 100, got {v!r}")
    return tuple(sorted(set(values)))


def _level_text(levels: Tuple[float, ...]) -> str:
    return ",".join(str(int(v)) if float(v).is_integer() else repr(float(v)) for v in levels)


def _names(models: Optional[Sequence[str]]) -> Optional[str]:
    if models is None:
        return None
    if isinstance(models, str):
        return models
    return ",".join(models)


def _seg(value: str) -> str:
    return urllib.parse.quote(str(value), safe="")
