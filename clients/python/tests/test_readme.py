"""The README examples run: the three lines of the repository's README and the client's own."""

from __future__ import annotations

import re

from server_process import REPO

DEFAULT_URL = "http://127.0.0.1:8080"


def python_blocks(path):
    return re.findall(r"```python\n(.*?)```", path.read_text(), flags=re.S)


def run_example(code: str, server, df):
    assert DEFAULT_URL in code
    scope = {"token": server.token, "df": df}
    exec(compile(code.replace(DEFAULT_URL, server.url), "README", "exec"), scope)
    return scope["fc"]


def test_readmeExamples_forecastTheSample_inTheDocumentedShape(server, m3_sample):
    blocks = [python_blocks(REPO / "README.md")[0], python_blocks(REPO / "clients/python/README.md")[0]]
    sample = m3_sample[m3_sample["unique_id"].isin(["N1402", "N1473"])]
    for code in blocks:
        fc = run_example(code, server, sample)
        assert list(fc.columns) == [
            "unique_id", "ds", "model", "y_hat", "lo_80", "hi_80", "lo_95", "hi_95"
        ]
        assert len(fc) == 2 * 12
