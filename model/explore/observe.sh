#!/usr/bin/env bash
# Runs every explore scenario on CPython 3.12 (pyodide, see model/README.md) under many
# shuffled schedules -- a random ready handle at each step, and random injected cancels
# when the file's "# explore:" line asks for --cancel K -- and writes the distinct
# outcomes seen to X.observed.jsonl ({"stdout", "exit"} per line, sorted, addresses
# masked as 0x?).
# ExplorerTest checks that `lockstep explore` finds exactly these outcomes.
#   model/explore/observe.sh [RUNS] [FILE...]      (default: 1000 runs, every file)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-1000}
shift || true
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(model/explore/[0-9]*.py)
for f in "${files[@]}"; do
  cancel=$(sed -n 's/^# explore:.*--cancel \([0-9]*\).*/\1/p' "$f" | head -1)
  node "${CPYTHON312:-model/cpython/cpython312.mjs}" --shuffle 1 --cancel "${cancel:-0}" --runs "$runs" "$f" 2>/dev/null \
    | python3 -c '
import json, re, sys
mask = lambda s: re.sub("0x[0-9a-fA-F]+", "0x?", s)
seen = {(mask(d["stdout"]), d["exit"]) for d in map(json.loads, sys.stdin)}
for out, code in sorted(seen):
    print(json.dumps({"stdout": out, "exit": code}))
' > "${f%.py}.observed.jsonl"
  echo "$f: $(wc -l < "${f%.py}.observed.jsonl") outcomes in $runs runs (--cancel ${cancel:-0})"
done
