"""level and preset: sent as the API's ``level`` and ``preset``. They run once the server
documents those upload parameters in its OpenAPI document; until then they are skipped, with
the reason, and level's absence is caught by the client itself (last test)."""

from __future__ import annotations

import pytest

from gridcast import BadRequestError, UnsupportedOptionError


def upload_parameter(client, name: str):
    """The OpenAPI description of POST /api/datasets' query parameter ``name``, or None."""
    doc = client._t.json("GET", "/api/openapi.json")
    params = doc["paths"]["/api/datasets"]["post"].get("parameters") or []
    return next((p for p in params if p.get("name") == name), None)


@pytest.fixture
def needs(client):
    def check(name: str):
        p = upload_parameter(client, name)
        if p is None:
            pytest.skip(f"the server does not document the upload parameter {name!r} yet")
        return p

    return check


def test_forecast_atRequestedLevels_returnsTheirIntervals_nested(client, needs, m3_sample):
    needs("level")
    three = m3_sample[m3_sample["unique_id"].isin(["N1402", "N1473", "N1544"])]

    fc = client.forecast(three, h=6, level=(50, 90, 99), progress=False)

    assert list(fc.columns) == ["unique_id", "ds", "model", "y_hat",
                                "lo_50", "hi_50", "lo_90", "hi_90", "lo_99", "hi_99"]
    assert (fc["lo_99"] <= fc["lo_90"]).all() and (fc["lo_90"] <= fc["lo_50"]).all()
    assert (fc["lo_50"] <= fc["y_hat"]).all() and (fc["y_hat"] <= fc["hi_50"]).all()
    assert (fc["hi_50"] <= fc["hi_90"]).all() and (fc["hi_90"] <= fc["hi_99"]).all()


def test_forecast_withEachDocumentedPreset_succeeds_andAnUnknownOneIsRefused(
    client, needs, m3_sample
):
    presets = (needs("preset").get("schema") or {}).get("enum") or []
    assert presets, "the preset parameter is documented without its allowed values"
    one = m3_sample[m3_sample["unique_id"] == "N1402"]
    for preset in presets:
        fc = client.forecast(one, h=3, preset=preset, progress=False)
        assert len(fc) == 3
    with pytest.raises(BadRequestError) as e:
        client.forecast(one, h=3, preset="no-such-preset", progress=False)
    assert e.value.field == "preset"


def test_forecast_atALevelTheServerIgnores_raisesUnsupportedOptionError(client, m3_sample):
    if upload_parameter(client, "level") is not None:
        pytest.skip("the server takes level: the test above covers it")
    one = m3_sample[m3_sample["unique_id"] == "N1402"]

    with pytest.raises(UnsupportedOptionError) as e:
        client.forecast(one, h=3, level=(90,), models=["naive"], progress=False)

    assert e.value.code == "level_unavailable"
    assert e.value.details["missing"] == [90.0]
    dataset = e.value.details["dataset_id"]
    assert len(client.results(dataset)) == 3  # computed and kept: nothing is lost
