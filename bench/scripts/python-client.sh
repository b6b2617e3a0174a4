#!/usr/bin/env bash
# The Python client's forecast() against the same work done with curl: upload 1,000 M3 monthly
# SKUs with optimization jobs, wait until every job ended, download the forecasts. One server
# (result cache off, so every run computes), the same file, runs in pairs alternating which goes
# first, after one warm-up pair. Prints each run, the medians and the ratio client / curl.
# Usage: bench/scripts/python-client.sh [pairs (default 5)] [skus (default 1000)]
#        GRIDCAST_BENCH_POLL_SECONDS=0.25 bench/scripts/python-client.sh   (curl polls faster)
# Reads ../shared/data/m3_train.csv and m3_meta.csv (GRIDCAST_SHARED_DATA overrides the folder).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pairs="${1:-5}"
skus="${2:-1000}"
data="${GRIDCAST_SHARED_DATA:-$root/../shared/data}"
py=/usr/bin/python3
# curl's status poll interval: 1 s by default; a 0.25 s loop slowed the niced workers of this
# shared 2-core machine by about half (docs/benchmarks.md, "Python client")
poll="${GRIDCAST_BENCH_POLL_SECONDS:-1}"
source "$root/scripts/jdk.sh"
JAVA_HOME="$(find_jdk)"; export JAVA_HOME
(cd "$root" && mvn -B -q -pl server -am package -DskipTests)

work="$(mktemp -d /tmp/gridcast-pyclient-bench.XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# the first $skus monthly series of M3
awk -F, -v n="$skus" 'NR > 1 && $5 == "MONTHLY" && c < n {print $1; c++}' "$data/m3_meta.csv" > "$work/ids"
awk -F, 'NR == FNR {keep[$1] = 1; next} FNR == 1 || ($1 in keep)' "$work/ids" "$data/m3_train.csv" > "$work/demand.csv"
echo "data: $(wc -l < "$work/ids") M3 monthly series, $(($(wc -l < "$work/demand.csv") - 1)) rows"

"$JAVA_HOME/bin/java" -Xmx1g --enable-native-access=ALL-UNNAMED -jar "$root/server/target/gridcast.jar" \
  serve --port 0 --data-dir "$work/data" --workers 2 --cache off > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
  url="$(grep -o 'Gridcast serve listening on http://[0-9.:]*' "$work/server.log" | awk '{print $5}' || true)"
  [ -n "$url" ] && break
  sleep 0.2
done
[ -n "$url" ] || { echo "server did not start:"; cat "$work/server.log"; exit 1; }
token="$(cat "$work/data/admin.token")"
echo "server: $url (2 workers, result cache off); load average $(cut -d' ' -f1-3 /proc/loadavg)"

now() { date +%s.%N; }

run_curl() {
  local t0 t1 t2 t3 answer batch dataset
  t0=$(now)
  answer=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
    -X POST "$url/api/datasets?optimize=true&horizon=12" --data-binary @"$work/demand.csv")
  t1=$(now)
  batch=$(sed -E 's/.*"batch_id":"([^"]+)".*/\1/' <<< "$answer")
  dataset=$(sed -E 's/.*"dataset_id":"([^"]+)".*/\1/' <<< "$answer")
  until curl -sf -H "Authorization: Bearer $token" \
      "$url/api/jobs/status?batch=$batch&status=pending,running&limit=1" | grep -q '"jobs":\[\]'; do
    sleep "$poll"
  done
  t2=$(now)
  curl -sf -H "Authorization: Bearer $token" "$url/api/datasets/$dataset/forecasts?format=csv" \
    -o "$work/curl-forecasts.csv"
  t3=$(now)
  [ "$(($(wc -l < "$work/curl-forecasts.csv") - 1))" -eq "$((skus * 12))" ] || { echo "curl: wrong row count"; exit 1; }
  echo "curl total=$(echo "$t3 - $t0" | bc) upload=$(echo "$t1 - $t0" | bc) wait=$(echo "$t2 - $t1" | bc) download=$(echo "$t3 - $t2" | bc)"
}

run_client() {
  PYTHONPATH="$root/clients/python/src" "$py" - "$url" "$token" "$work/demand.csv" "$skus" <<'PY'
import sys, time
import pandas as pd
from gridcast import Gridcast
url, token, path, skus = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
df = pd.read_csv(path, parse_dates=["ds"])
marks = {}
def seen(p):
    marks.setdefault("uploaded", time.perf_counter())
    if p.finished:
        marks["ended"] = time.perf_counter()
t0, c0 = time.perf_counter(), time.process_time()
fc = Gridcast(url, token).forecast(df, h=12, progress=seen)
t3, c3 = time.perf_counter(), time.process_time()
assert len(fc) == skus * 12, len(fc)
t1, t2 = marks["uploaded"], marks["ended"]
print(f"client total={t3 - t0:.3f} upload={t1 - t0:.3f} wait={t2 - t1:.3f} download={t3 - t2:.3f}"
      f" client_cpu={c3 - c0:.3f}")
PY
}

# a warm-up pair, not counted: the server's first jobs and uploads run JIT-cold
echo "warm-up: $(run_curl)"; echo "warm-up: $(run_client)"
: > "$work/runs"
for i in $(seq 1 "$pairs"); do
  if [ $((i % 2)) -eq 1 ]; then order="curl client"; else order="client curl"; fi
  for who in $order; do
    line=$(if [ "$who" = curl ]; then run_curl; else run_client; fi)
    echo "pair $i: $line" | tee -a "$work/runs"
  done
done

"$py" - "$work/runs" <<'PY'
import re, statistics, sys
runs = {"curl": [], "client": []}
pairs = {}
for line in open(sys.argv[1]):
    m = re.match(r"pair (\d+): (\w+) total=([\d.]+)", line)
    runs[m.group(2)].append(float(m.group(3)))
    pairs.setdefault(int(m.group(1)), {})[m.group(2)] = float(m.group(3))
mc, mp = statistics.median(runs["curl"]), statistics.median(runs["client"])
ratios = sorted(p["client"] / p["curl"] for p in pairs.values())
print(f"median total: curl {mc:.3f} s, client {mp:.3f} s, client / curl = {mp / mc:.3f}")
print("per-pair client / curl: " + ", ".join(f"{r:.3f}" for r in ratios)
      + f" (median {statistics.median(ratios):.3f})")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
