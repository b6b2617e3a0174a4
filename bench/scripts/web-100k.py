#!/usr/bin/env python3
"""The web page with 100,000 jobs: upload N SKUs through the page in headless Chromium, then
measure how many job rows the DOM holds and the frame times while scrolling the queue list
(jumping to a far-away position every frame: the worst case for a virtual list), once while the
jobs run and their events stream in, once after the batch was cancelled (idle).

Needs a running server, its token, and Debian's chromium + chromium-driver; stdlib only:

  ./gridcast serve --port 18080 --data-dir /tmp/gc-web --workers 1 &
  bench/scripts/web-100k.py --server http://127.0.0.1:18080 --token "$(cat /tmp/gc-web/admin.token)"

It leaves the batch cancelled; clear it from the page or with DELETE /api/jobs?status=cancelled.
"""
import argparse, base64, json, os, subprocess, tempfile, time, urllib.error, urllib.request

SCROLL = """const el = document.querySelector(arguments[0]); const done = arguments[1];
const height = el.scrollHeight; // read once: reading it each frame would force a layout
let i = 0; const times = []; let last = performance.now();
function step() { const now = performance.now(); times.push(now - last); last = now;
  el.scrollTop = (i * 9973 * 46) % height; i++;
  if (i < 200) requestAnimationFrame(step); else done(times.slice(1).sort((a, b) => a - b)); }
requestAnimationFrame(step);"""


class Driver:
    def __init__(self, port, width, height):
        self.base = f"http://127.0.0.1:{port}"
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--user-data-dir=" + tempfile.mkdtemp()]}}}}
        self.sid = self.call("POST", "/session", caps)["sessionId"]
        self.call("POST", f"/session/{self.sid}/timeouts", {"script": 300000})

    def call(self, method, path, body=None):
        req = urllib.request.Request(self.base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
        try:
            value = json.load(urllib.request.urlopen(req))["value"]
        except urllib.error.HTTPError as e:
            raise RuntimeError(json.load(e))
        return value

    def s(self, path, body=None, method="POST"):
        return self.call(method, f"/session/{self.sid}{path}", body)

    def js(self, script, *args):
        return self.s("/execute/sync", {"script": script, "args": list(args)})

    def ajs(self, script, *args):
        return self.s("/execute/async", {"script": script, "args": list(args)})

    def find(self, css):
        return list(self.s("/element", {"using": "css selector", "value": css}).values())[0]

    def type(self, css, text):
        self.s(f"/element/{self.find(css)}/value", {"text": text})

    def click(self, css):
        self.s(f"/element/{self.find(css)}/click", {})

    def until(self, script, timeout=600):
        end = time.time() + timeout
        while time.time() < end:
            v = self.js(script)
            if v:
                return v
            time.sleep(0.2)
        raise TimeoutError(script)


def frames(label, times):
    n = len(times)
    print(f"{label}: frame ms p50 {times[n // 2]:.1f}  p95 {times[int(n * 0.95)]:.1f}  max {times[-1]:.1f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--skus", type=int, default=100_000)
    ap.add_argument("--driver-port", type=int, default=9517)
    a = ap.parse_args()
    csv = os.path.join(tempfile.mkdtemp(), "skus.csv")
    with open(csv, "w") as f:
        f.write("unique_id,ds,y\n")
        for s in range(a.skus):
            for m in range(4):
                f.write(f"S{s:06d},2024-{m + 1:02d}-01,{10 + s % 7 + m}\n")
    cd = subprocess.Popen(["/usr/bin/chromedriver", f"--port={a.driver_port}"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1)
        d = Driver(a.driver_port, 1280, 900)
        try:
            d.s("/url", {"url": a.server + "/"})
            d.until("return document.getElementById('token')")
            d.type("#token", a.token)
            d.click("#signin-submit")
            d.until("return document.getElementById('csv-file')")
            d.type("#csv-file", csv)
            t0 = time.time()
            d.click("#upload-submit")
            d.until("return document.getElementById('upload-answer')")
            print(f"{a.skus} SKUs: upload answered (jobs listed) after {time.time() - t0:.1f} s")
            frames("scrolling while jobs run and events stream", d.ajs(SCROLL, ".batch .vlist"))
            d.click(".batch button.danger")
            d.until("return document.getElementById('batch-pct').textContent === '100%'")
            print(f"batch cancelled and shown 100% finished after {time.time() - t0:.1f} s")
            rows = d.js("return document.querySelectorAll('.batch .vrow').length")
            jobs = d.js("return window.gridcast.store.state.jobs.size")
            print(f"job rows in the DOM: {rows}; jobs in the page's store: {jobs}")
            frames("scrolling idle", d.ajs(SCROLL, ".batch .vlist"))
        finally:
            d.s("", method="DELETE")
    finally:
        cd.terminate()


if __name__ == "__main__":
    main()
