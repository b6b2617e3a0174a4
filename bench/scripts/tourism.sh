#!/usr/bin/env bash
# Forecast reconciliation on the Australian domestic tourism hierarchy (525 monthly series,
# ../shared/data/tourism) with the protocol of ../shared/ANCHORS.md: Gridcast's search per node
# (train 1998-01..2015-12, h = 12), then every reconciliation method; prints MASE per level and the
# mean over the 8 levels as a Markdown table, with coherence and the reconciliation's wall and CPU
# time per method.
# Usage: bench/scripts/tourism.sh [data_dir=../shared/data] [TourismBench options, e.g.
#   --preset accurate --aggregate-models ets --threads 2 --repeats 5 --save base.tsv --load base.tsv]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="$(cd "${1:-$root/../shared/data}" && pwd)"
shift || true
source "$root/scripts/jdk.sh"
JAVA_HOME="$(find_jdk)"; export JAVA_HOME
(cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -cp "$root/bench/target/benchmarks.jar" io.gridcast.bench.hierarchy.TourismBench \
  --data "$data" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
