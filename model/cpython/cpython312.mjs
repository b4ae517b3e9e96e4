#!/usr/bin/env node
// CPython oracle for lockstep: runs scenario files on real CPython 3.12
// (pyodide, WebAssembly) with lockstep_cpython.py's deterministic
// virtual-time event loop.  pyodide is loaded once for all files.
// --python V (3.10, 3.11, 3.12 = default, 3.13, 3.14) runs them on that
// version's oracle of record instead (pyodide_runner.mjs).
//
//   node model/cpython/cpython312.mjs FILE...          one JSON line per file:
//        {"file": ..., "stdout": ..., "exit": N, "stderr": ...}
//   node model/cpython/cpython312.mjs --write FILE...  writes X.out and X.exit
//        next to every X.py (see model/README.md), one summary line per file
//   node model/cpython/cpython312.mjs --write-to DIR FILE...  the same, in DIR
//        (X.out and X.exit named after X.py; model/regen-expected.sh --python V)
//   node model/cpython/cpython312.mjs --schedule S FILE...
//        follow a lockstep schedule (the result also has "schedule")
//   node model/cpython/cpython312.mjs --shuffle SEED [--cancel K] [--runs N] FILE...
//        a random ready handle at each step; N runs per file with seeds
//        SEED..SEED+N-1 (each result has "seed" and the "schedule" it took)
//   node model/cpython/cpython312.mjs --bench --shuffle SEED [--cancel K] --runs N FILE...
//        times the N shuffled runs inside Python (pyodide's start-up not
//        included): one line per file {"file", "runs", "seconds", "runs_per_s",
//        "steps", "steps_per_s", "python", "platform"} (lockstep_cpython.bench_runs)
//   node model/cpython/cpython312.mjs --record-trace OUT.jsonl FILE
//        also write the run's trace (lockstep check-trace's format)
//   node model/cpython/cpython312.mjs --locks LOCKS.py ...
//        use another asyncio/locks.py (e.g. model/cpython/altered/)
//   node model/cpython/cpython312.mjs --requests REQ.jsonl|-
//        one JSON request per line: {"file", "schedule"?, "shuffle"?,
//        "cancel"?, "max_steps"?, "record_trace"?, "locks"?, "bench_runs"?,
//        "bench_seconds"?}
//
// Options: --python V, --max-steps N (default 1000000).  The "Python 3.x.y" version line
// goes to stderr, so stdout carries only the JSON lines / summaries.

import fs from "node:fs";
import readline from "node:readline";
import path from "node:path";
import { startCPython, mask, OracleError, PYODIDE_PACKAGES, DEFAULT_PYTHON } from "./pyodide_runner.mjs";

function die(msg) {
  process.stderr.write(`cpython312: ${msg}\n`);
  process.exit(2);
}

function usage() {
  die("usage: node cpython312.mjs [--python V] [--write | --write-to DIR] [--max-steps N] [--schedule S | --shuffle SEED [--cancel K] [--runs N] [--bench]]\n"
    + "       [--locks LOCKS.py] [--record-trace OUT.jsonl] FILE... | --requests REQ.jsonl|-");
}

function intArg(v, name, min) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) die(`${name} needs an integer >= ${min}`);
  return n;
}

const args = process.argv.slice(2);
let write = false, bench = false, writeTo = null, python = DEFAULT_PYTHON;
let maxSteps = 1000000;
let schedule = null, shuffle = null, cancel = 0, runs = 1, locks = null, traceOut = null, requests = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  let a = args[i];
  let v = null;
  if (a.startsWith("--") && a.includes("=")) { v = a.slice(a.indexOf("=") + 1); a = a.slice(0, a.indexOf("=")); }
  const val = () => {
    if (v !== null) return v;
    if (i + 1 >= args.length) die(`${a} needs a value`);
    return args[++i];
  };
  if (a === "--write") write = true;
  else if (a === "--write-to") { write = true; writeTo = val(); }
  else if (a === "--python") python = val();
  else if (a === "--bench") bench = true;
  else if (a === "--max-steps") maxSteps = intArg(val(), "--max-steps", 1);
  else if (a === "--schedule") schedule = val();
  else if (a === "--shuffle") shuffle = intArg(val(), "--shuffle", 0);
  else if (a === "--cancel") cancel = intArg(val(), "--cancel", 0);
  else if (a === "--runs") runs = intArg(val(), "--runs", 1);
  else if (a === "--locks") locks = val();
  else if (a === "--record-trace") traceOut = val();
  else if (a === "--requests") requests = val();
  else if (a === "-h" || a === "--help") usage();
  else if (a.startsWith("--")) die(`unknown option ${a}`);
  else files.push(a);
}
if (requests !== null ? files.length > 0 : files.length === 0) usage();
if (!(python in PYODIDE_PACKAGES)) die(`--python: one of ${Object.keys(PYODIDE_PACKAGES).join(", ")}`);
if (schedule !== null && shuffle !== null) die("give either --schedule or --shuffle");
if (runs > 1 && shuffle === null) die("--runs needs --shuffle");
if (bench && (shuffle === null || write || traceOut !== null)) die("--bench needs --shuffle (and no --write or --record-trace)");
if (traceOut !== null && (files.length !== 1 || runs > 1 || write)) die("--record-trace takes exactly one FILE (and one run)");
if (write && (schedule !== null || shuffle !== null || locks !== null)) die("--write is for CPython's own schedule only");
for (const f of files.concat(locks ? [locks] : [])) {
  if (!fs.existsSync(f)) die(`no such file: ${f}`);
  if (write && !f.endsWith(".py")) die(`--write needs .py files: ${f}`);
}

let cpy;
try {
  cpy = await startCPython(python);
} catch (e) {
  die(e instanceof OracleError ? e.message : String(e && e.stack ? e.stack : e));
}
process.stderr.write(`Python ${cpy.version} (pyodide ${cpy.pyodideVersion})\n`);

function lastLine(s) {
  const lines = s.replace(/\n+$/, "").split("\n");
  return lines[lines.length - 1];
}

let failures = 0;
function runSafely(req) {
  try {
    return cpy.run(req);
  } catch (e) {
    failures++;
    process.stderr.write(`cpython312: ${req.file}: internal error: ${e && e.message ? e.message : e}\n`);
    return null;
  }
}

if (requests !== null) {
  const input = requests === "-" ? process.stdin : fs.createReadStream(requests);
  for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    let req;
    try {
      req = JSON.parse(line);
      if (typeof req !== "object" || req === null || typeof req.file !== "string") throw new Error("a request is an object with a \"file\"");
      if (!fs.existsSync(req.file)) throw new Error(`no such file: ${req.file}`);
      if (req.locks && !fs.existsSync(req.locks)) throw new Error(`no such file: ${req.locks}`);
    } catch (e) {
      process.stdout.write(JSON.stringify({ file: req && req.file, stdout: "", exit: 2, stderr: `cpython312: bad request: ${e.message}\n` }) + "\n");
      continue;
    }
    const r = runSafely(req);
    if (r) process.stdout.write(JSON.stringify(r) + "\n");
  }
} else {
  for (const file of files) {
    if (bench) {
      const r = runSafely({ file, max_steps: maxSteps, shuffle, cancel, bench_runs: runs });
      if (r) process.stdout.write(JSON.stringify(r) + "\n");
      continue;
    }
    for (let k = 0; k < runs; k++) {
      const req = { file, max_steps: maxSteps };
      if (schedule !== null) req.schedule = schedule;
      if (shuffle !== null) { req.shuffle = shuffle + k; req.cancel = cancel; }
      if (locks !== null) req.locks = locks;
      if (traceOut !== null) req.record_trace = true;
      const r = runSafely(req);
      if (!r) continue;
      if (traceOut !== null) {
        fs.writeFileSync(traceOut, r.trace || "");
        delete r.trace;
      }
      if (!write) {
        process.stdout.write(JSON.stringify(r) + "\n");
        continue;
      }
      const base = writeTo === null ? file.slice(0, -3) : path.join(writeTo, path.basename(file, ".py"));
      fs.writeFileSync(base + ".out", mask(r.stdout));
      let exitText = `${r.exit}\n`;
      if (r.exit === 1) exitText += mask(lastLine(r.stderr)) + "\n";
      fs.writeFileSync(base + ".exit", exitText);
      const n = r.stdout === "" ? 0 : r.stdout.replace(/\n$/, "").split("\n").length;
      let summary = `${file}: exit ${r.exit}, ${n} stdout line${n === 1 ? "" : "s"}`;
      if (r.exit === 1) summary += ` (${lastLine(r.stderr)})`;
      if (r.exit === 3) summary += " (deadlock)";
      if (r.exit === 4) summary += " (step limit)";
      process.stdout.write(summary + "\n");
    }
  }
}
cpy.close();
process.exit(failures ? 1 : 0);
