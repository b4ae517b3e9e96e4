#!/usr/bin/env bash
# Replays on the real CPython of each version the schedules that `lockstep explore
# --python V` reports for the catalogue's bugs, and writes what CPython printed to
# model/bugs/NN_name.evidence.jsonl, one JSON line per (version, schedule):
#   {"bug", "name", "kind", "python", "cpython", "schedule", "stdout", "exit", "stderr_last"}
# and, on each other version where the bug was not reported, the same schedules
# replayed there ("reported_on": the version that reported it; "misfit": true instead of
# the output when the schedule does not fit that version's run).
# stdout and stderr_last (the last stderr line, the exception, when exit is 1) have their
# 0x... addresses masked (0x?, as lockstep and the oracle compare output).
# BugCatalogueTest checks every line against lockstep's replay of the same schedule.
# Run from the repository root after `mvn -q -B package -DskipTests`:
#   model/bugs/evidence.sh            (about 1 minute: each oracle loads once)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=target/lockstep.jar
[ -f "$jar" ] || { echo "evidence.sh: build $jar first (mvn -q -B package -DskipTests)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "${EVIDENCE_KEEP:-}" ]; then trap - EXIT; echo "evidence.sh: keeping $tmp" >&2; fi

# 1. what explore reports, per bug and version (exit 1 only says a cell is unexpected)
java -jar "$jar" bugs --json model/bugs > "$tmp/findings.jsonl" || [ $? -eq 1 ]

# 2. the requests per version: every reported schedule; on each other version
#    where the bug was not reported, the same schedules (does CPython there fail too?)
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
findings = [json.loads(line) for line in open(f"{tmp}/findings.jsonl")]
reported = {}
for f in findings:
    for s in f["schedules"]:
        reported.setdefault(f["bug"], {}).setdefault(s, f["python"])
for f in findings:
    base = {"bug": f["bug"], "name": f["name"], "kind": f["kind"], "python": f["python"]}
    if f["status"] == "reported":
        runs = [dict(base, schedule=s) for s in f["schedules"]]
    else:
        runs = [dict(base, schedule=s, reported_on=v) for s, v in reported.get(f["bug"], {}).items()]
    with open(f"{tmp}/req-{f['python']}.jsonl", "a") as out:
        for r in runs:
            out.write(json.dumps(dict(r, file=f"model/bugs/{f['bug']}.py")) + "\n")
PY

# 3. each version's oracle replays its requests (loaded once per version)
for req in "$tmp"/req-*.jsonl; do
    v=${req##*/req-}; v=${v%.jsonl}
    # (pyodide 0.21.3 prints "Loading distutils" on stdout: only the JSON lines are answers)
    node model/cpython/cpython312.mjs --python "$v" --requests "$req" 2> "$tmp/err-$v.txt" | { grep '^{' || true; } > "$tmp/res-$v.jsonl"
    grep -m1 '^Python [0-9]' "$tmp/err-$v.txt" | sed 's/^Python //' > "$tmp/cpython-$v.txt"
done

# 4. requests and answers side by side, one evidence file per bug
python3 - "$tmp" <<'PY'
import json, re, sys, glob, os
tmp = sys.argv[1]
mask = lambda s: re.sub(r"0x[0-9a-fA-F]+", "0x?", s)
out = {}
for req in sorted(glob.glob(f"{tmp}/req-*.jsonl")):
    v = os.path.basename(req)[4:-6]
    cpython = open(f"{tmp}/cpython-{v}.txt").read().strip()
    reqs = [json.loads(l) for l in open(req)]
    ress = [json.loads(l) for l in open(f"{tmp}/res-{v}.jsonl")]
    if len(reqs) != len(ress):
        sys.exit(f"evidence.sh: CPython {v} answered {len(ress)} of {len(reqs)} requests (see its stderr)")
    for q, r in zip(reqs, ress):
        misfit = "reported_on" in q and r["exit"] == 2 and "does not fit" in r["stderr"]
        if r["exit"] == 2 and not misfit:
            sys.exit(f"evidence.sh: CPython {v} could not replay {q['file']} --schedule '{q['schedule']}': {r['stderr']}")
        lines = r["stderr"].rstrip("\n").split("\n")
        e = {k: q[k] for k in ("bug", "name", "kind", "python")}
        e["cpython"] = cpython
        if "reported_on" in q: e["reported_on"] = q["reported_on"]
        e["schedule"] = q["schedule"]
        if misfit:
            e["misfit"] = True
        else:
            e.update(stdout=mask(r["stdout"]), exit=r["exit"], stderr_last=mask(lines[-1]) if r["exit"] == 1 else None)
        out.setdefault(q["bug"], []).append(e)
order = ["3.10", "3.11", "3.12", "3.13", "3.14"]
for bug, es in sorted(out.items()):
    es.sort(key=lambda e: order.index(e["python"]))
    with open(f"model/bugs/{bug}.evidence.jsonl", "w") as f:
        for e in es: f.write(json.dumps(e) + "\n")
    print(f"model/bugs/{bug}.evidence.jsonl: {len(es)} runs")
PY
