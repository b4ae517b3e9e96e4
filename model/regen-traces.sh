#!/usr/bin/env bash
# Regenerate the check-trace / compare-outcomes fixtures in model/traces/ from
# CPython 3.12 (pyodide; see model/README.md and model/cpython/record-fixtures.mjs).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ ! -d "$here/node_modules/pyodide" ]; then
  echo "regen-traces: installing pyodide (npm ci)" >&2
  (cd "$here" && npm ci --no-audit --no-fund)
fi
cd "$here/.."
exec node model/cpython/record-fixtures.mjs
