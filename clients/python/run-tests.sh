#!/usr/bin/env bash
# The Python client's tests: pytest on Debian's python3 (with python3-pandas and python3-pytest),
# against a real `gridcast serve` the tests start from server/target/gridcast.jar (built by Maven
# first; ./verify runs this after `mvn verify`). Extra arguments go to pytest (e.g. -k resume).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
py=/usr/bin/python3
if [ ! -x "$py" ]; then
  echo "clients/python/run-tests.sh: $py not found; install: sudo apt-get install -y python3 python3-pandas python3-pytest" >&2
  exit 1
fi
missing=()
"$py" -c 'import pytest' 2>/dev/null || missing+=(python3-pytest)
"$py" -c 'import pandas' 2>/dev/null || missing+=(python3-pandas)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "clients/python/run-tests.sh: $py lacks ${missing[*]}; install: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
if [ ! -f "$here/../../server/target/gridcast.jar" ]; then
  echo "clients/python/run-tests.sh: server/target/gridcast.jar is missing; build it: mvn -B -pl server -am package -DskipTests" >&2
  exit 1
fi
cd "$here"
# no bytecode or cache files in the source tree; pyproject.toml puts src/ and tests/ on the path
export PYTHONDONTWRITEBYTECODE=1
exec "$py" -m pytest -p no:cacheprovider "$@"
