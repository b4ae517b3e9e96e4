#!/usr/bin/env bash
# Regenerates src/main/resources/lockstep/names/V.txt for V = 3.12, 3.13, 3.14 from the
# CPython of record of each version (pyodide): the names CPython's suggestions for an
# uncaught NameError are chosen from (see suggestion_names.py). 3.10 and 3.11's oracles
# print no suggestion, so they have no file.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../../src/main/resources/lockstep/names"
mkdir -p "$out"
for v in 3.12 3.13 3.14; do
  node "$here/cpython312.mjs" --python "$v" "$here/suggestion_names.py" \
    | grep '^{' \
    | python3 -c 'import json, sys; d = json.loads(sys.stdin.readline()); assert d["exit"] == 0, d; sys.stdout.write(d["stdout"])' \
    > "$out/$v.txt"
  echo "$out/$v.txt: $(wc -l < "$out/$v.txt") lines"
done
