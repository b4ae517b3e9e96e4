#!/usr/bin/env bash
# Builds the jcstress suite of lockstep.runtime (stress/pom.xml) and runs it.
#
#   stress/run-quick.sh         the bounded run CI does (a few minutes on 2 cores): every
#                               test in lockstep.stress in jcstress's quick mode, one JVM
#                               configuration, no split compilation; fails on any FORBIDDEN
#                               outcome or error. Then the deliberately broken variant
#                               (lockstep.stress.broken) must be reported FORBIDDEN.
#   stress/run-quick.sh full    the full-length run: jcstress's default mode with every JVM
#                               configuration and compilation split (hours on 2 cores).
#   STRESS_TESTS=regex          (full run) only the tests matching it, e.g. LockRelease.
#   STRESS_MODE=tough           (full run) another jcstress mode preset.
#   STRESS_ARGS="..."           extra jcstress options for either run, e.g. "-time 1000".
set -euo pipefail
cd "$(dirname "$0")"
BUILD="${STRESS_BUILD_DIR:-$PWD/target}"
mkdir -p "$BUILD" && BUILD="$(cd "$BUILD" && pwd)"

mvn -q -B package -Dstress.buildDir="$BUILD"
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$BUILD/classpath.txt" -Dstress.buildDir="$BUILD" >/dev/null
CP="$BUILD/classes:$(cat "$BUILD/classpath.txt")"

jcstress() {  # jcstress REPORT_DIR OPTIONS...: runs it, output to REPORT_DIR.log
  local report="$1"; shift
  rm -rf "$report"
  # jcstress drops its result blob in the working directory: keep it in the build directory
  (cd "$BUILD" && java -cp "$CP" org.openjdk.jcstress.Main -r "$report" "$@" ${STRESS_ARGS:-}) >"$report.log" 2>&1
}

summary() { sed -n '/RUN RESULTS/,/HTML report/p' "$1" | grep -v '^\s*$' || tail -20 "$1"; }

if [ "${1:-}" = "full" ]; then
  jcstress "$BUILD/jcstress-full" -t "${STRESS_TESTS:-^lockstep\.stress\.[A-Z]}" -m "${STRESS_MODE:-default}" \
    && { summary "$BUILD/jcstress-full.log"; echo "jcstress full run: no FORBIDDEN outcome"; } \
    || { summary "$BUILD/jcstress-full.log"; echo "jcstress full run FAILED (see $BUILD/jcstress-full.log)"; exit 1; }
  exit 0
fi

QUICK=(-m quick -sc false -jvmArgs "-Xmx256m")
expected=$(grep -c 'lockstep\.stress\.[A-Z]' "$BUILD/classes/META-INF/TestList" || true)

echo "== jcstress quick: lockstep.stress ($expected tests)"
if ! jcstress "$BUILD/jcstress" -t '^lockstep\.stress\.[A-Z]' -v "${QUICK[@]}"; then
  summary "$BUILD/jcstress.log"
  echo "jcstress: FORBIDDEN outcome or error in lockstep.runtime (full output: $BUILD/jcstress.log)"
  exit 1
fi
summary "$BUILD/jcstress.log"
ran=$(ls "$BUILD/jcstress" | grep -c '^lockstep\.stress\.[A-Z].*\.html$' || true)
if [ "$ran" -ne "$expected" ] || [ "$expected" -eq 0 ]; then
  echo "jcstress: $ran of $expected tests reported (a test needing more CPUs than there are is skipped silently)"
  exit 1
fi

echo "== jcstress quick: the broken variant lockstep.stress.broken must fail"
if jcstress "$BUILD/jcstress-broken" -t '^lockstep\.stress\.broken\.' "${QUICK[@]}"; then
  summary "$BUILD/jcstress-broken.log"
  echo "jcstress did not report the broken variant: the harness does not bite"
  exit 1
fi
summary "$BUILD/jcstress-broken.log"
if ! grep -q 'Observed forbidden state' "$BUILD/jcstress-broken.log"; then
  echo "jcstress failed on the broken variant, but not with a FORBIDDEN outcome (see $BUILD/jcstress-broken.log)"
  exit 1
fi
echo "the broken variant (lockstep.stress.broken) was reported FORBIDDEN, as it must"
echo "jcstress: $ran passed, 0 failed"
