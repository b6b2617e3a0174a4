"""Errors: each refusal of the server becomes its exception, with the server's code and message."""

from __future__ import annotations

import socket
import time

import pandas as pd
import pytest

from gridcast import (
    AuthenticationError,
    BadRequestError,
    Gridcast,
    GridcastError,
    NotFoundError,
    RateLimitedError,
    ServerUnavailableError,
    ValidationError,
)
from server_process import GridcastServer


def test_wrongToken_raisesAuthenticationError(server, m3_sample):
    bad = Gridcast(server.url, "gc_not-a-token")
    with pytest.raises(AuthenticationError) as e:
        bad.forecast(m3_sample, h=12, progress=False)
    assert e.value.status == 401
    assert e.value.code == "unauthorized"
    assert "token" in e.value.message
    assert isinstance(e.value, GridcastError)


def test_badCsv_raisesValidationError_namingTheLineAndColumn(client):
    rows = pd.DataFrame(
        {"unique_id": "a", "ds": ["2020-01-01", "2020-02-01", "2020-03-01"], "y": ["1", "2", "abc"]}
    )
    with pytest.raises(ValidationError) as e:
        client.forecast(rows, h=3, progress=False)
    assert e.value.status == 422
    assert e.value.code == "invalid_upload"
    assert e.value.line == 4  # header is line 1: the third row
    assert e.value.details["column"] == "y"
    assert "line 4" in e.value.message and "'abc'" in e.value.message
    assert isinstance(e.value, BadRequestError)


def test_missingColumn_isRefusedBeforeAnythingIsSent(client):
    with pytest.raises(ValueError, match=r"lacks column\(s\) \['y'\]"):
        client.upload(pd.DataFrame({"unique_id": ["a"], "ds": ["2020-01-01"]}))


def test_unknownFrequency_raisesBadRequestError_namingTheField(client, m3_sample):
    with pytest.raises(BadRequestError) as e:
        client.forecast(m3_sample, h=3, freq="fortnightly", progress=False)
    assert e.value.status == 400
    assert e.value.field == "frequency"
    assert "fortnightly" in e.value.message


def test_horizonBeyondTheServersLimit_raisesValidationError(client, m3_sample):
    with pytest.raises(ValidationError) as e:
        client.upload(m3_sample, h=5000)
    assert e.value.code == "invalid_job_request"
    assert e.value.field == "horizon"
    assert "5000" in e.value.message


def test_unknownDataset_raisesNotFoundError(client):
    with pytest.raises(NotFoundError) as e:
        client.results("01a00000-0000-7000-8000-000000000000")
    assert e.value.code == "not_found"
    assert e.value.details["kind"] == "dataset"


def test_unreachableServer_raisesServerUnavailableError():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, never listening: the connection is refused
        with pytest.raises(ServerUnavailableError) as e:
            Gridcast(f"http://127.0.0.1:{port}", "t").summary()
    assert e.value.code == "connection_failed"


@pytest.fixture(scope="module")
def rate_limited_server(tmp_path_factory):
    """One submission at once, the next after 2 s."""
    limits = ["--workers", "1", "--submission-burst", "1", "--submission-refill-ms", "2000"]
    srv = GridcastServer(tmp_path_factory.mktemp("rate-limited"), limits)
    try:
        yield srv
    finally:
        srv.stop()


def test_rateLimitedUpload_isRetriedAfterTheServersRetryAfter(rate_limited_server):
    rows = [{"unique_id": "a", "ds": i, "y": float(i)} for i in range(1, 20)]
    patient = Gridcast(rate_limited_server.url, rate_limited_server.token, max_retries=3)
    patient.upload(rows)  # takes the one submission the bucket holds

    started = time.monotonic()
    up = patient.upload(rows)  # refused with Retry-After, then accepted
    waited = time.monotonic() - started

    assert up.series_count == 1
    assert waited >= 1.0


def test_rateLimitedUpload_withoutRetries_raisesRateLimitedError(rate_limited_server):
    rows = [{"unique_id": "a", "ds": i, "y": float(i)} for i in range(1, 20)]
    impatient = Gridcast(rate_limited_server.url, rate_limited_server.token, max_retries=0)
    with pytest.raises(RateLimitedError) as e:
        impatient.upload(rows)
        impatient.upload(rows)
    assert e.value.status == 429
    assert e.value.code == "rate_limited"
    assert e.value.retry_after >= 1
