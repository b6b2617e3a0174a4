"""The event stream survives dropped connections without losing an event."""

from __future__ import annotations

import threading
import time

import pandas as pd
import pytest

from gridcast import Gridcast, Progress
from gridcast.progress import ProgressSink
from gridcast.waiting import FINISHED, BatchWatcher
from proxy import CuttingProxy


@pytest.fixture
def proxy(server):
    p = CuttingProxy(server.port)
    try:
        yield p
    finally:
        p.close()


def batch_events(stream, batch_id: str, total: int, on_event=None, limit_seconds: float = 120.0):
    """The batch's job events read from ``stream`` until each of its jobs ended."""
    watchdog = threading.Timer(limit_seconds, stream.close)  # a hung stream fails, never hangs
    watchdog.start()
    seen, ended = [], set()
    try:
        for event in stream:
            if event.event != "job":
                continue
            data = event.json()
            if data["batch_id"] != batch_id:
                continue
            seen.append((int(event.id), data["job_id"], data["kind"], data["status"]))
            if data["status"] in FINISHED:
                ended.add(data["job_id"])
            if on_event is not None:
                on_event(len(seen))
            if len(ended) == total:
                break
    finally:
        watchdog.cancel()
        stream.close()
    assert len(ended) == total, f"stream ended after {len(seen)} events, {len(ended)}/{total} jobs"
    return seen


def test_eventStream_cutTwiceMidBatch_resumesWithLastEventId_andLosesNoEvent(
    client, server, proxy, m3_sample
):
    direct = client.events()
    via_proxy = Gridcast(proxy.url, server.token).events()
    up = client.upload(m3_sample, h=12)

    def cut_at(n: int) -> None:
        if n in (5, 30):
            proxy.cut()

    resumed = batch_events(via_proxy, up.batch_id, 20, on_event=cut_at)
    reference = batch_events(direct, up.batch_id, 20)

    assert resumed == reference
    seqs = [s for s, *_ in resumed]
    assert seqs == sorted(set(seqs))  # in order, none twice
    # every cut that found the stream open made it reconnect, resuming after the last event read
    assert via_proxy.connections >= 2
    headers = [r.decode("latin-1") for r in proxy.requests if r.startswith(b"GET /api/events")]
    assert len(headers) == via_proxy.connections
    assert "Last-Event-ID" not in headers[0]
    resumed_from = [int(h.split("Last-Event-ID: ")[1].split("\r\n")[0]) for h in headers[1:]]
    assert resumed_from == sorted(resumed_from) and resumed_from[0] >= seqs[4]


def test_forecast_throughAConnectionCutMidBatch_returnsEveryForecast(
    client, server, proxy, m3_sample
):
    via_proxy = Gridcast(proxy.url, server.token)
    cut_done: list = []

    def cut_once(p: Progress) -> None:
        if p.done >= 1 and not cut_done:
            proxy.cut()
            cut_done.append(p.done)

    # five copies of the sample under the default search: a batch that lasts long enough for the
    # stream to be cut while jobs are still running, however fast the machine
    copies = [m3_sample.assign(unique_id=m3_sample["unique_id"] + f"_{i}") for i in range(5)]
    batch = pd.concat(copies, ignore_index=True)
    fc = via_proxy.forecast(batch, h=6, progress=cut_once)

    assert cut_done and cut_done[0] < 100
    assert len(fc) == 100 * 6
    assert fc["unique_id"].nunique() == 100
    assert sum(r.startswith(b"GET /api/events") for r in proxy.requests) >= 2


def test_watcher_thatCouldNotResume_readsWhatItMissedFromTheJobList(
    client, server, proxy, m3_sample
):
    final: list = []

    class Last(ProgressSink):
        def finish(self, p: Progress) -> None:
            final.append(p)

    with BatchWatcher(Gridcast(proxy.url, server.token)._t) as watcher:
        proxy.refuse(True)
        proxy.cut()  # down before any event arrived: nothing to resume from
        up = client.upload(m3_sample, h=3, models=["naive"])
        client.wait(up, progress=False)  # the whole batch ends while the watcher is cut off
        proxy.refuse(False)
        started = time.monotonic()
        watcher.follow(up.batch_id, up.job_ids, Last(), timeout=60)

    assert final == [Progress(batch_id=up.batch_id, total=20, completed=20)]
    assert time.monotonic() - started < 60
