#!/usr/bin/env bash
# `gridcast optimize` with the default search on generated series under -Xmx1g: series per second,
# CPU use (both cores?) and peak memory. Usage: bench/scripts/optimize-100k.sh [series=100000] [points=120]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-100000}"; points="${2:-120}"
source "$root/scripts/jdk.sh"
JAVA_HOME="$(find_jdk)"; export JAVA_HOME
(cd "$root" && mvn -B -q -pl server,bench -am package -DskipTests)
work="$(mktemp -d)"
"$JAVA_HOME/bin/java" -cp "$root/bench/target/benchmarks.jar" io.gridcast.bench.data.GenerateSeries \
  "$work/in.csv" "$n" "$points"
echo "input: $n series x $points points, $(du -h "$work/in.csv" | cut -f1)"
/usr/bin/time -f 'wall %e s, user %U s, sys %S s, CPU %P, peak RSS %M KiB' \
  "$JAVA_HOME/bin/java" -Xmx1g --enable-native-access=ALL-UNNAMED -jar "$root/server/target/gridcast.jar" \
  optimize --input "$work/in.csv" --horizon 12 --output "$work/out.csv"
echo "output rows: $(($(wc -l < "$work/out.csv") - 1))"
rm -rf "$work"
