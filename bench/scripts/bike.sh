#!/usr/bin/env bash
# Covariates on the daily bike-sharing data (../shared/data/bike/day.csv) with the protocol of
# ../shared/ANCHORS.md: 6 rolling origins, horizon 28, future covariates as observed, mean MASE
# (seasonal naive scale, m = 7) over casual, registered and cnt. Prints the default search without
# and with covariates and each covariate model alone as a Markdown table.
# Usage: bench/scripts/bike.sh [data_dir=../shared/data] [BikeBench options, e.g. --threads 2]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="$(cd "${1:-$root/../shared/data}" && pwd)"
shift || true
source "$root/scripts/jdk.sh"
JAVA_HOME="$(find_jdk)"; export JAVA_HOME
(cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -cp "$root/bench/target/benchmarks.jar" io.gridcast.bench.covariate.BikeBench \
  --data "$data" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
