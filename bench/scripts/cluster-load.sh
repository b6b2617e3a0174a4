#!/usr/bin/env bash
# HTTP load on the PostgreSQL cluster (2 api + 3 worker processes), one command:
#   bench/scripts/cluster-load.sh                       # 500 pollers, 200 event streams, 60 s
#   bench/scripts/cluster-load.sh --seconds 10          # short run while developing
#   JAVA_OPTS=-Dgridcast.bench.pgStatements=true bench/scripts/cluster-load.sh   # + top SQL
# Report: docs/runs/cluster-load.md; exit 1 with "TARGET MISSED" lines when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [[ "${BUILD:-1}" == 1 ]]; then mvn -B -q -pl server,bench -am package -DskipTests; fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g ${JAVA_OPTS:-} -cp bench/target/benchmarks.jar \
  io.gridcast.bench.cluster.LoadRun server/target/gridcast.jar --report docs/runs/cluster-load.md "$@"
