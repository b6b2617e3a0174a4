"""Fixtures: one real server for the session (result cache off, so each test computes what it
asks for whatever ran before), a client of it, the M3 monthly sample."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from gridcast import Gridcast
from server_process import REPO, GridcastServer

M3_MONTHLY_SAMPLE = REPO / "bench" / "src" / "main" / "resources" / "m3" / "m3_monthly_sample.csv"


@pytest.fixture(scope="session")
def server():
    data_dir = Path(tempfile.mkdtemp(prefix="gridcast-pytest-"))
    srv = GridcastServer(data_dir, ["--workers", "2", "--cache", "off"])
    try:
        yield srv
    finally:
        srv.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture
def client(server) -> Gridcast:
    return Gridcast(server.url, server.token)


@pytest.fixture(scope="session")
def m3_sample_path() -> Path:
    assert M3_MONTHLY_SAMPLE.is_file(), f"missing {M3_MONTHLY_SAMPLE}"
    return M3_MONTHLY_SAMPLE


@pytest.fixture
def m3_sample(m3_sample_path) -> pd.DataFrame:
    return pd.read_csv(m3_sample_path, parse_dates=["ds"])
