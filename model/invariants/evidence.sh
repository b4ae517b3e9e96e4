#!/usr/bin/env bash
# The CPython 3.12 evidence of model/invariants/: runs every program on CPython 3.12
# (pyodide, see model/README.md) under RUNS shuffled schedules with up to one injected
# cancel (seed 1), and writes the distinct outcomes to X.evidence.jsonl -- one line per
# outcome: {"stdout", "exit", "error", "count", "schedule"} (addresses masked as 0x?,
# sorted; "error" is the last line of stderr, the exception that escaped; the schedule of
# its first run replays it on CPython and on lockstep).
# InvariantsTest checks that each "must fire" program's symptom (its "# symptom:" regex)
# is among these outcomes, i.e. that CPython 3.12 really misbehaves as the invariant says.
#   model/invariants/evidence.sh [RUNS] [FILE...]      (default: 500 runs, every file)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-500}
shift || true
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(model/invariants/[0-9]*.py)
node "${CPYTHON312:-model/cpython/cpython312.mjs}" --shuffle 1 --cancel 1 --runs "$runs" "${files[@]}" 2>/dev/null \
  | python3 -c '
import json, re, sys
mask = lambda s: re.sub("0x[0-9a-fA-F]+", "0x?", s)
seen = {}
for d in map(json.loads, sys.stdin):
    lines = d["stderr"].strip().split("\n")
    key = (d["file"], mask(d["stdout"]), d["exit"], mask(lines[-1]) if d["exit"] == 1 else "")
    if key in seen:
        seen[key]["count"] += 1
    else:
        seen[key] = {"stdout": key[1], "exit": key[2], "error": key[3], "count": 1, "schedule": d["schedule"]}
files = sorted({k[0] for k in seen})
for f in files:
    with open(f[:-3] + ".evidence.jsonl", "w") as out:
        for k in sorted(k for k in seen if k[0] == f):
            out.write(json.dumps(seen[k]) + "\n")
    print(f + ":", sum(1 for k in seen if k[0] == f), "outcomes")
'
