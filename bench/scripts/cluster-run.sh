#!/usr/bin/env bash
# Scale-out proof, one command: builds the jars, then runs the cluster harness.
#   bench/scripts/cluster-run.sh postgres   # 2 api + 3 worker processes on a throwaway PostgreSQL 15
#   bench/scripts/cluster-run.sh sqlite     # gridcast serve + 1 worker process on one SQLite file
# Extra arguments go to io.gridcast.bench.cluster.ClusterRun (e.g. --jobs 500 --submit-seconds 20).
# Report: docs/runs/cluster-<mode>.md (a later --report FILE wins); exit 1 with "INVARIANT BROKEN" lines when a check fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode="${1:-postgres}"; shift || true
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [[ ! -f server/target/gridcast.jar || ! -f bench/target/benchmarks.jar || "${BUILD:-1}" == 1 ]]; then
  mvn -B -q -pl server,bench -am package -DskipTests
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar \
  io.gridcast.bench.cluster.ClusterRun server/target/gridcast.jar --mode "$mode" \
  --report "docs/runs/cluster-$mode.md" "$@"
