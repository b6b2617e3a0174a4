#!/usr/bin/env bash
# Soak on the PostgreSQL cluster (2 api + 2 worker processes) with retention pruning, one command:
#   bench/scripts/cluster-soak.sh                       # 30 minutes
#   bench/scripts/cluster-soak.sh --minutes 2           # short run while developing
# Report: docs/runs/cluster-soak.md; exit 1 when heap or database size keeps growing.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [[ "${BUILD:-1}" == 1 ]]; then mvn -B -q -pl server,bench -am package -DskipTests; fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar \
  io.gridcast.bench.cluster.SoakRun server/target/gridcast.jar --report docs/runs/cluster-soak.md "$@"
