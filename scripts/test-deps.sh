#!/usr/bin/env bash
# Makes sure this machine has what the test suites drive, all from Debian's packages (the tests
# never download a browser or a PyPI package):
#   - chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver): the browser tests;
#   - python3-pandas and python3-pytest (for /usr/bin/python3): the Python client's tests;
#   - prometheus (for promtool): the check and unit tests of deploy/prometheus/alerts.yml.
# What is missing it installs with apt-get if it may (as root, or with passwordless sudo);
# otherwise it exits 1 after one line that says the command to run. ./verify runs it first.
# Usage: scripts/test-deps.sh [NAME]   (NAME prefixes its messages; default test-deps.sh)
set -euo pipefail

name="${1:-test-deps.sh}"

missing() {
  local packages=()
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    packages+=(chromium chromium-driver)
  fi
  if [ ! -x /usr/bin/python3 ] || ! /usr/bin/python3 -c 'import pytest' 2>/dev/null; then
    packages+=(python3-pytest)
  fi
  if [ ! -x /usr/bin/python3 ] || ! /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
    packages+=(python3-pandas)
  fi
  if ! command -v promtool >/dev/null 2>&1; then
    packages+=(prometheus)
  fi
  echo "${packages[@]}"
}

read -r -a packages <<<"$(missing)"
if [ "${#packages[@]}" -eq 0 ]; then
  exit 0
fi

cannot() {
  echo "$name: the test suites need ${packages[*]}; run first:" \
    "sudo apt-get install -y ${packages[*]}" >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || cannot
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo)
else
  cannot
fi
echo "$name: installing ${packages[*]} with apt-get (the test suites drive them)" >&2
"${as_root[@]}" apt-get -q -o DPkg::Lock::Timeout=300 update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get -q -y -o DPkg::Lock::Timeout=300 install "${packages[@]}"
read -r -a still <<<"$(missing)"
if [ "${#still[@]}" -gt 0 ]; then
  echo "$name: apt-get ran but ${still[*]} are still missing" >&2
  exit 1
fi
