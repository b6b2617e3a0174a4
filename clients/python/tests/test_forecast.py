"""forecast(): the round trip from a DataFrame to the statsforecast-shaped answer."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from gridcast import Progress, ValidationError
from server_process import optimize_cli

INTERVALS = ["lo_80", "hi_80", "lo_95", "hi_95"]
COLUMNS = ["unique_id", "ds", "model", "y_hat"] + INTERVALS


def cli_rounded(v: float) -> float:
    """What `gridcast optimize` prints for v: rounded half up to 4 decimals (NumberText)."""
    return math.floor(v * 1e4 + 0.5) / 1e4


def test_forecast_matchesGridcastOptimize_onM3MonthlySample(
    client, m3_sample, m3_sample_path, tmp_path
):
    fc = client.forecast(m3_sample, h=12, progress=False)

    out = tmp_path / "cli.csv"
    optimize_cli(m3_sample_path, out, horizon=12)
    cli = pd.read_csv(out, parse_dates=["ds"])
    cli = cli.sort_values(["unique_id", "ds"]).reset_index(drop=True)

    assert list(fc.columns) == COLUMNS
    assert len(fc) == len(cli) == 20 * 12
    assert fc["unique_id"].tolist() == cli["unique_id"].tolist()
    assert fc["ds"].tolist() == cli["ds"].tolist()
    assert fc["model"].tolist() == cli["model"].tolist()
    # The CLI prints 4 decimals: the server's full-precision value, rounded the CLI's way, must be
    # the printed one.
    for col in ["y_hat"] + INTERVALS:
        diff = (fc[col].map(cli_rounded) - cli[col]).abs().max()
        assert diff <= 1e-9, f"{col}: largest difference {diff}"


def test_forecast_returnsTheLongShape_sortedWithDatetimeDs(client, m3_sample):
    first3 = m3_sample[m3_sample["unique_id"].isin(["N1402", "N1473", "N1544"])]
    fc = client.forecast(first3, h=6, models=["naive", "ses"], progress=False)

    assert list(fc.columns) == COLUMNS
    assert str(fc["ds"].dtype) == "datetime64[ns]"
    assert fc[["unique_id", "ds"]].equals(fc[["unique_id", "ds"]].sort_values(["unique_id", "ds"]))
    assert fc.groupby("unique_id").size().to_dict() == {"N1402": 6, "N1473": 6, "N1544": 6}
    assert set(fc["model"]) <= {"naive", "ses"}
    last = first3.groupby("unique_id")["ds"].max()
    assert (fc.groupby("unique_id")["ds"].min() > last).all()
    assert (fc["lo_95"] <= fc["lo_80"]).all() and (fc["lo_80"] <= fc["y_hat"]).all()
    assert (fc["y_hat"] <= fc["hi_80"]).all() and (fc["hi_80"] <= fc["hi_95"]).all()


def test_forecast_keepsIntegerDs_andOtherColumnNames(client):
    df = pd.DataFrame(
        {"item": ["a"] * 30 + ["b"] * 30, "t": list(range(1, 31)) * 2,
         "sales": [float(i % 7) for i in range(60)]}
    )
    fc = client.forecast(df, h=3, models=["naive"], id_col="item", time_col="t", target_col="sales",
                         progress=False)

    assert str(fc["ds"].dtype) == "int64"
    assert fc["ds"].tolist() == [31, 32, 33, 31, 32, 33]
    assert fc["unique_id"].tolist() == ["a"] * 3 + ["b"] * 3
    assert fc.loc[fc["unique_id"] == "a", "y_hat"].tolist() == [float(29 % 7)] * 3


def test_forecast_reportsProgressToACallback_untilEveryJobEnded(client, m3_sample, capsys):
    seen: list = []
    client.forecast(m3_sample, h=3, models=["naive"], progress=seen.append)

    assert all(isinstance(p, Progress) for p in seen)
    assert seen[-1].done == seen[-1].total == seen[-1].completed == 20
    assert [p.done for p in seen] == sorted(p.done for p in seen)
    assert len({p.batch_id for p in seen}) == 1
    assert capsys.readouterr().err == ""  # a callback replaces the bar


def test_forecast_drawsATextBar_onlyWhenAskedOrOnATerminal(client, m3_sample, capsys):
    client.forecast(m3_sample, h=3, models=["naive"])  # stderr is captured: not a terminal
    assert capsys.readouterr().err == ""

    client.forecast(m3_sample, h=3, models=["naive"], progress=True)
    err = capsys.readouterr().err
    assert "] 20/20 jobs 100%" in err
    assert err.endswith("\n")


def test_forecast_sendsFreq_asTheSeriesFrequency(client):
    ds = pd.date_range("2020-01-06", periods=40, freq="7D")
    weekly = pd.DataFrame({"unique_id": "a", "ds": ds, "y": [float(i % 5) for i in range(40)]})

    fc = client.forecast(weekly, h=3, freq="W-MON", models=["naive"], progress=False)
    assert fc["ds"].tolist() == list(pd.date_range(ds[-1] + pd.Timedelta(days=7), periods=3, freq="7D"))

    # sent as daily, the weekly stamps leave six days out between each two: the server refuses
    with pytest.raises(ValidationError) as refused:
        client.forecast(weekly, h=3, freq="D", models=["naive"], progress=False)
    assert "misses" in str(refused.value) and "2020-01-07" in str(refused.value)


def test_forecast_withoutPandas_takesAndReturnsListsOfDicts(client, monkeypatch):
    import datetime as dt

    from gridcast import tables

    monkeypatch.setattr(tables, "pd", None)
    rows = [{"unique_id": "a", "ds": dt.date(2021, m, 1), "y": float(m)} for m in range(1, 13)]
    fc = client.forecast(rows, h=2, models=["naive"], progress=False)

    assert isinstance(fc, list)
    assert [list(r) for r in fc] == [COLUMNS, COLUMNS]
    assert [(r["unique_id"], r["ds"], r["model"], r["y_hat"]) for r in fc] == [
        ("a", dt.date(2022, 1, 1), "naive", 12.0),
        ("a", dt.date(2022, 2, 1), "naive", 12.0),
    ]
    assert all(r["lo_95"] <= r["lo_80"] <= r["y_hat"] <= r["hi_80"] <= r["hi_95"] for r in fc)
