"""upload, wait, jobs, results, best_models, cancel and cross_validation on a real server."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from gridcast import JobCancelledError, NotFoundError, Progress, Upload


def slow_batch(n: int = 400) -> pd.DataFrame:
    """n noisy monthly series, long enough that searching them all keeps two workers busy for a
    while, so jobs are still pending when a test cancels them."""
    rng = np.random.default_rng(7)
    ds = pd.date_range("2000-01-01", periods=120, freq="MS")
    season = 10 * np.sin(np.arange(120) * 2 * np.pi / 12)
    return pd.concat(
        pd.DataFrame(
            {"unique_id": f"S{i:04d}", "ds": ds, "y": 100 + season + rng.normal(0, 5, 120)}
        )
        for i in range(n)
    )


def test_upload_withoutH_storesTheDatasetAndCreatesNoJobs(client, m3_sample):
    up = client.upload(m3_sample, name="m3 sample")

    assert isinstance(up, Upload)
    assert (up.series_count, up.row_count) == (20, len(m3_sample))
    assert up.batch_id is None and up.job_ids == ()
    stored = client.dataset(up.dataset_id)
    assert stored["dataset"]["name"] == "m3 sample"
    assert sorted(stored["skus"]) == sorted(m3_sample["unique_id"].unique())


def test_upload_withH_createsOneJobPerSeries_thatWaitAndJobsFollow(client, m3_sample):
    up = client.upload(m3_sample, h=6, models=["naive", "ses"])
    assert len(up.job_ids) == 20 and up.batch_id

    final = client.wait(up, progress=False)
    listed = client.jobs(batch=up)

    assert final == Progress(batch_id=up.batch_id, total=20, completed=20)
    assert list(listed.columns[:5]) == ["id", "type", "status", "sku", "batch_id"]
    assert sorted(listed["id"]) == sorted(up.job_ids)
    assert set(listed["status"]) == {"completed"} and set(listed["type"]) == {"optimization"}
    assert str(listed["finished_at"].dtype).startswith("datetime64[ns, UTC]")
    assert len(client.jobs(batch=up, limit=7)) == 7


def test_results_ofAnEarlierUpload_matchForecastsShape_andBestModelsListEachSku(client, m3_sample):
    up = client.upload(m3_sample, h=4, models=["naive", "snaive"])
    client.wait(up.batch_id, progress=False)

    fc = client.results(up.dataset_id)
    best = client.best_models(up.dataset_id)

    assert list(fc.columns) == [
        "unique_id", "ds", "model", "y_hat", "lo_80", "hi_80", "lo_95", "hi_95"
    ]
    assert len(fc) == 20 * 4 and str(fc["ds"].dtype) == "datetime64[ns]"
    assert list(best.columns[:4]) == ["unique_id", "model", "metric", "score"]
    assert sorted(best["unique_id"]) == sorted(m3_sample["unique_id"].unique())
    chosen = fc.drop_duplicates("unique_id").set_index("unique_id")["model"]
    assert best.set_index("unique_id")["model"].to_dict() == chosen.to_dict()
    one = client.result(up.dataset_id, "N1402")
    assert one["forecast"]["y_hat"] == fc.loc[fc["unique_id"] == "N1402", "y_hat"].tolist()


def test_wait_onABatchWithNoJobs_raisesNotFoundError(client):
    with pytest.raises(NotFoundError):
        client.wait("01a00000-0000-7000-8000-000000000000", progress=False)


def test_cancellingTheBatch_whileForecastWaits_raisesJobCancelled_withThePartialForecasts(
    client,
):
    df = slow_batch()
    cancelled: list = []

    def cancel_once(p: Progress) -> None:
        if not cancelled:
            cancelled.append(client.cancel(batch=p.batch_id))

    with pytest.raises(JobCancelledError) as e:
        client.forecast(df, h=12, progress=cancel_once)

    err = e.value
    assert err.code == "job_cancelled"
    assert cancelled[0]["cancelled"] + cancelled[0]["cancel_requested"] > 0
    assert len(err.cancelled) > 0
    completed = set(err.partial["unique_id"])
    assert len(completed) + len(err.cancelled) + len(err.failed) == 400
    assert {c["sku"] for c in err.cancelled}.isdisjoint(completed)
    assert len(err.partial) == 12 * len(completed)


def test_cancel_oneJob_endsItCancelled(client):
    up = client.upload(slow_batch(100), h=12)
    try:
        last = up.job_ids[-1]  # two workers are far from it
        answer = client.cancel(last)
        assert answer["status"] == "cancelled"
        assert client.job(last)["status"] == "cancelled"
    finally:
        client.cancel(batch=up)


def test_crossValidation_ofChosenModels_scoresEachSkuAndModel(client, m3_sample):
    three = m3_sample[m3_sample["unique_id"].isin(["N1402", "N1473", "N1544"])]
    scores = client.cross_validation(three, h=6, models=["naive", "ses"], folds=2, progress=False)

    assert list(scores.columns) == [
        "unique_id", "model", "smape", "mase", "bias", "folds", "failure"
    ]
    assert sorted(zip(scores["unique_id"], scores["model"])) == sorted(
        (s, m) for s in ["N1402", "N1473", "N1544"] for m in ["naive", "ses"]
    )
    assert scores["smape"].between(0, 200).all()
    assert (scores["folds"] == 2).all() and scores["failure"].isna().all()


def test_crossValidation_ofADataset_backtestsEachSkusStoredBestModel(client, m3_sample):
    up = client.upload(m3_sample, h=6, models=["naive", "snaive", "ses"])
    client.wait(up, progress=False)

    scores = client.cross_validation(dataset_id=up.dataset_id, h=6, progress=False)

    best = client.best_models(up.dataset_id).set_index("unique_id")["model"]
    assert scores.set_index("unique_id")["model"].to_dict() == best.to_dict()
