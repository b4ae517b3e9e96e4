#!/usr/bin/env bash
# Regenerate the expected outputs (X.out, X.exit) of every scenario
# model/scenarios/*.py (and model/random/*.py when that folder exists) from
# CPython 3.12 (pyodide, see model/README.md).
#
#   model/regen-expected.sh                 all scenarios
#   model/regen-expected.sh FILE.py...      only these files
set -euo pipefail

start="$PWD"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if [ ! -d node_modules/pyodide ]; then
  echo "regen-expected: installing pyodide (npm ci)" >&2
  npm ci --no-audit --no-fund
fi

files=()
if [ "$#" -gt 0 ]; then
  for f in "$@"; do
    case "$f" in
      /*) files+=("$f") ;;
      *) files+=("$start/$f") ;;
    esac
  done
else
  shopt -s nullglob
  files=(scenarios/*.py)
  if [ -d random ]; then
    files+=(random/*.py)
  fi
  shopt -u nullglob
fi

if [ "${#files[@]}" -eq 0 ]; then
  echo "regen-expected: no scenario files found" >&2
  exit 0
fi

exec node cpython/cpython312.mjs --write "${files[@]}"
