#!/usr/bin/env bash
# Makes sure the browser tests have their browser: Debian's chromium and chromium-driver, at
# /usr/bin/chromium and /usr/bin/chromedriver (the tests never download one). When they are missing
# it installs them with apt-get if it may (as root, or with passwordless sudo); otherwise it exits 1
# after one line that says the command to run. ./verify runs it before anything else.
# Usage: scripts/browser.sh [NAME]   (NAME prefixes its messages; default browser.sh)
set -euo pipefail

name="${1:-browser.sh}"
chromium=/usr/bin/chromium
chromedriver=/usr/bin/chromedriver
packages=(chromium chromium-driver)

cannot() {
  echo "$name: the browser tests need $chromium and $chromedriver; run first:" \
    "sudo apt-get install -y ${packages[*]}" >&2
  exit 1
}

if [ -x "$chromium" ] && [ -x "$chromedriver" ]; then
  exit 0
fi
command -v apt-get >/dev/null 2>&1 || cannot
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo)
else
  cannot
fi
echo "$name: installing ${packages[*]} with apt-get (the browser tests drive them)" >&2
"${as_root[@]}" apt-get -q -o DPkg::Lock::Timeout=300 update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get -q -y -o DPkg::Lock::Timeout=300 install "${packages[@]}"
if [ ! -x "$chromium" ] || [ ! -x "$chromedriver" ]; then
  echo "$name: apt-get installed ${packages[*]} but $chromium or $chromedriver is still missing" >&2
  exit 1
fi
