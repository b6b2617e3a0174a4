#!/usr/bin/env bash
# Result cache: first optimization of 1,000 generated SKUs, the same again (cache hits), and again
# after a restart on the same database (disk tier). Prints both wall times, the ratio and the hit
# rate after the restart. Usage: bench/scripts/cache.sh [extra ResultCacheBench options, e.g.
# --skus 1000 --embedded-postgres]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/scripts/jdk.sh"
JAVA_HOME="$(find_jdk)"; export JAVA_HOME
(cd "$root" && mvn -B -q -pl server,bench -am package -DskipTests)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -cp "$root/bench/target/benchmarks.jar" io.gridcast.bench.cache.ResultCacheBench \
  "$root/server/target/gridcast.jar" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
