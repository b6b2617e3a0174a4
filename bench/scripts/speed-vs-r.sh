#!/usr/bin/env bash
# Side-by-side speed of Gridcast's full default search and R's forecast::ets() on M3 monthly series,
# one core each, in one run (the machine's load hits both alike). Prints CPU ms per series and sMAPE.
# Usage: bench/scripts/speed-vs-r.sh [every_kth=7] [data_dir=../shared/data]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
every="${1:-7}"
data="$(cd "${2:-$root/../shared/data}" && pwd)"
source "$root/scripts/jdk.sh"
JAVA_HOME="$(find_jdk)"; export JAVA_HOME
if ! command -v Rscript >/dev/null || ! Rscript -e 'library(forecast)' >/dev/null 2>&1; then
  echo "installing R and r-cran-forecast from Debian ..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq r-base-core r-cran-forecast >/dev/null
fi
(cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
out="$(mktemp -d)"
echo "== Gridcast default search, 1 thread, every ${every}th M3 monthly series"
"$JAVA_HOME/bin/java" -cp "$root/bench/target/benchmarks.jar" io.gridcast.bench.accuracy.AccuracyBench \
  --data "$data" --suite m3 --type MONTHLY --every "$every" --threads 1 | tee "$out/java.txt"
echo "== R forecast::ets(), same series"
OPENBLAS_NUM_THREADS=1 Rscript "$root/bench/r/ets_m3_monthly.R" "$data" "$every" "$out/r.csv" | tee "$out/r.txt"
java_ms=$(sed -n 's/.*; \([0-9.]*\) ms per series per thread.*/\1/p' "$out/java.txt")
r_ms=$(sed -n 's/.*cpu_ms_per_series=\([0-9.]*\).*/\1/p' "$out/r.txt")
awk -v j="$java_ms" -v r="$r_ms" 'BEGIN { printf "speed-up: R ets %.1f ms / Gridcast %.2f ms = %.1fx per series\n", r, j, r / j }'
