#!/usr/bin/env bash
# auto_arima against R's forecast::auto.arima() on M3 monthly series, one core each: the orders
# (p,d,q)(P,D,Q) and constant chosen, sMAPE on the held-out 18 months, CPU per series and the
# speed-up. R on all 1428 series takes about 45 minutes of CPU; R_RESULTS=<prefix> reuses the
# <prefix>_orders.csv written by an earlier run of bench/r/auto_arima_m3_monthly.R instead.
# Usage: bench/scripts/arima-vs-r.sh [every_kth=1] [data_dir=../shared/data]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
every="${1:-1}"
data="$(cd "${2:-$root/../shared/data}" && pwd)"
source "$root/scripts/jdk.sh"
JAVA_HOME="$(find_jdk)"; export JAVA_HOME
if ! command -v Rscript >/dev/null || ! Rscript -e 'library(forecast)' >/dev/null 2>&1; then
  echo "installing R and r-cran-forecast from Debian ..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq r-base-core r-cran-forecast >/dev/null
fi
(cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
out="$(mktemp -d)"
prefix="${R_RESULTS:-$out/r}"
if [[ -z "${R_RESULTS:-}" ]]; then
  echo "== R forecast::auto.arima(), every ${every}th M3 monthly series"
  OPENBLAS_NUM_THREADS=1 Rscript "$root/bench/r/auto_arima_m3_monthly.R" "$data" "$every" "$prefix" \
    | tee "$out/r.txt"
  r_ms=$(sed -n 's/.*cpu_ms_per_series=\([0-9.]*\).*/\1/p' "$out/r.txt")
else
  echo "== R results reused from ${prefix}_orders.csv"
  r_ms=$(awk -F, 'NR > 1 { s += $13; n++ } END { printf "%.2f", 1000 * s / n }' "${prefix}_orders.csv")
  echo "R auto.arima: cpu_ms_per_series=$r_ms (from the earlier run)"
fi
echo "== Gridcast auto_arima, 1 thread, same series"
"$JAVA_HOME/bin/java" -cp "$root/bench/target/benchmarks.jar" io.gridcast.bench.arima.AutoArimaBench \
  --data "$data" --every "$every" --r-orders "${prefix}_orders.csv" | tee "$out/java.txt"
java_ms=$(sed -n 's/.*cpu_ms_per_series=\([0-9.]*\).*/\1/p' "$out/java.txt")
awk -v j="$java_ms" -v r="$r_ms" 'BEGIN { printf "speed-up: R auto.arima %.1f ms / Gridcast %.2f ms = %.1fx per series\n", r, j, r / j }'
