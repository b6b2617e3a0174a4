"""A real ``gridcast serve`` for the tests: the jar Maven built, a free port, a fresh data dir."""

from __future__ import annotations

import ctypes
import os
import re
import signal
import sys
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import List, Optional

REPO = Path(__file__).resolve().parents[3]
JAR = REPO / "server" / "target" / "gridcast.jar"
LISTENING = re.compile(r"Gridcast serve listening on (http://\S+)")
START_TIMEOUT_SECONDS = 180.0


def java() -> str:
    """The JDK >= 21 that ./gridcast and ./verify use (scripts/jdk.sh), or JAVA_HOME's."""
    found = subprocess.run(
        ["bash", "-c", f'source "{REPO}/scripts/jdk.sh" && find_jdk'],
        capture_output=True, text=True,
    )
    if found.returncode != 0 or not found.stdout.strip():
        raise RuntimeError("no JDK >= 21 found (scripts/jdk.sh); set JAVA_HOME to one")
    return str(Path(found.stdout.strip()) / "bin" / "java")


def require_jar() -> Path:
    if not JAR.is_file():
        raise RuntimeError(
            f"{JAR} is missing: build it first (mvn -B -pl server -am package -DskipTests, "
            "or ./verify, which runs these tests after Maven)"
        )
    return JAR


def _end_with_parent() -> None:
    """Runs in the child before exec: Linux sends it SIGTERM when the test process dies, so a
    killed test run leaves no server behind."""
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class GridcastServer:
    """``java -jar gridcast.jar serve`` on port 0 (the OS picks a free one; the server prints it)
    with SQLite in ``data_dir``; :meth:`stop` ends it and waits for the process."""

    def __init__(self, data_dir: Path, extra: Optional[List[str]] = None) -> None:
        self.data_dir = data_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = data_dir / "server.log"
        self._log = open(self.log_path, "wb")
        cmd = [
            java(), "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-jar", str(require_jar()),
            "serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", str(data_dir),
        ] + list(extra or [])
        env = dict(os.environ, GRIDCAST_MONITOR_INTERVAL_SECONDS="0")
        self.process = subprocess.Popen(
            cmd, stdout=self._log, stderr=subprocess.STDOUT, env=env,
            preexec_fn=_end_with_parent if sys.platform.startswith("linux") else None,
        )
        try:
            self.url = self._await_url()
            self._await_ready()
            self.token = (data_dir / "admin.token").read_text().strip()
        except BaseException:
            self.stop()
            raise

    def _await_url(self) -> str:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            m = LISTENING.search(self.log_path.read_text(errors="replace"))
            if m:
                return m.group(1)
            if self.process.poll() is not None:
                code = self.process.returncode
                raise RuntimeError(f"gridcast serve exited {code}:\n{self.log()}")
            time.sleep(0.1)
        raise RuntimeError(
            f"gridcast serve did not listen within {START_TIMEOUT_SECONDS} s:\n{self.log()}"
        )

    def _await_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/readyz", timeout=5) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        raise RuntimeError(f"{self.url}/readyz did not answer 200:\n{self.log()}")

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._log.close()


def optimize_cli(input_csv: Path, output_csv: Path, horizon: int) -> None:
    """``gridcast optimize`` from the same jar, no server."""
    done = subprocess.run(
        [java(), "-jar", str(require_jar()), "optimize", "--input", str(input_csv),
         "--horizon", str(horizon), "--output", str(output_csv)],
        capture_output=True, text=True, timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"gridcast optimize exited {done.returncode}: {done.stderr}")
