#!/usr/bin/env bash
# build_commit DIR: the 12-character commit id of the git checkout rooted at DIR, or "unknown" when
# DIR is not the top of a checkout (a release tarball, even one unpacked inside another repository).
# ./gridcast and ./verify pass it to Maven as -Dgridcast.commit (gridcast_build_info{commit}).
build_commit() {
  local dir top
  dir="$(cd "$1" && pwd -P)"
  top="$(git -C "$dir" rev-parse --show-toplevel 2>/dev/null || true)"
  if [ -n "$top" ] && [ "$(cd "$top" && pwd -P)" = "$dir" ]; then
    git -C "$dir" rev-parse --short=12 HEAD 2>/dev/null || echo unknown
  else
    echo unknown
  fi
}
