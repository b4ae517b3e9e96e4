#!/usr/bin/env bash
# Regenerate the expected outputs (X.out, X.exit) of every scenario
# model/scenarios/*.py (and model/random/*.py when that folder exists) from
# a CPython of record (pyodide, see model/README.md).
#
#   model/regen-expected.sh                         all scenarios, CPython 3.12:
#                                                   X.out, X.exit next to X.py
#   model/regen-expected.sh FILE.py...              only these files
#   model/regen-expected.sh --python V [FILE.py...] CPython V (3.10, 3.11, 3.13,
#       3.14): model/expected/V/scenarios/X.out|.exit and
#       model/expected/V/random/X.out|.exit (3.12 writes next to X.py as above)
set -euo pipefail

start="$PWD"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

python=3.12
if [ "${1:-}" = "--python" ]; then
  python="${2:?--python needs a version}"
  shift 2
fi

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

# CPython is given each file by its path from the repository's root
# (model/scenarios/X.py), as the tests give it to lockstep: a repr that shows
# where a coroutine is defined (a Task's coro=<... at FILE:LINE>) then reads the
# same on any machine.
for i in "${!files[@]}"; do
  files[$i]="$(realpath --relative-to="$here/.." "${files[$i]}")"
done
cd "$here/.."

# pyodide 0.24.1 (3.11) overflows node's default JS stack on deep Python
# recursion (scenario 294) before Python's own limit is reached: a larger one,
# well within the 8 MB of the main thread.
node=(node --stack-size=4000)

if [ "$python" = 3.12 ]; then
  exec "${node[@]}" model/cpython/cpython312.mjs --write "${files[@]}"
fi

# Another version: one node run per folder (scenarios/, random/), written
# under expected/V/<folder>/.
status=0
for folder in scenarios random; do
  group=()
  for f in "${files[@]}"; do
    if [ "$(basename "$(dirname "$f")")" = "$folder" ]; then group+=("$f"); fi
  done
  [ "${#group[@]}" -eq 0 ] && continue
  mkdir -p "model/expected/$python/$folder"
  "${node[@]}" model/cpython/cpython312.mjs --python "$python" --write-to "model/expected/$python/$folder" "${group[@]}" || status=$?
done
exit "$status"
