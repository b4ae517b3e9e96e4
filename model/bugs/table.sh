#!/usr/bin/env bash
# Puts the output of `java -jar target/lockstep.jar bugs` (the bug x version table of the
# catalogue) into README.md in place of the table there (the lines from "| bug | scenario"
# to the next blank line). Run from anywhere after `mvn -q -B package -DskipTests`; exit 1
# (README updated all the same) when a cell disagrees with a scenario's header.
set -uo pipefail
cd "$(dirname "$0")/../.."
table=$(java -jar target/lockstep.jar bugs model/bugs)
code=$?
[ $code -le 1 ] || { echo "table.sh: lockstep bugs failed (exit $code)" >&2; exit 2; }
TABLE="$table" python3 - <<'PY'
import os, re
r = open("README.md").read()
new, n = re.subn(r"^\| bug \| scenario \|.*?\n(?=\n)", lambda m: os.environ["TABLE"] + "\n", r, count=1, flags=re.M | re.S)
if n != 1: raise SystemExit("table.sh: no bug table in README.md")
open("README.md", "w").write(new)
PY
echo "$table"
exit $code
