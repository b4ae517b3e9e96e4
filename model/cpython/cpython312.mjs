#!/usr/bin/env node
// CPython 3.12 oracle for lockstep: runs scenario files on real CPython 3.12
// (pyodide, WebAssembly) with lockstep_cpython.py's deterministic
// virtual-time event loop.  pyodide is loaded once for all files.
//
//   node model/cpython/cpython312.mjs FILE...          one JSON line per file:
//        {"file": ..., "stdout": ..., "exit": N, "stderr": ...}
//   node model/cpython/cpython312.mjs --write FILE...  writes X.out and X.exit
//        next to every X.py (see model/README.md), one summary line per file
//
// Options: --max-steps N (default 1000000).  The "Python 3.12.x" version line
// goes to stderr, so stdout carries only the JSON lines / summaries.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const pyodideDir = path.resolve(here, "..", "node_modules", "pyodide");
const runnerPath = path.join(here, "lockstep_cpython.py");

function die(msg) {
  process.stderr.write(`cpython312: ${msg}\n`);
  process.exit(2);
}

function usage() {
  die("usage: node cpython312.mjs [--write] [--max-steps N] FILE...");
}

const args = process.argv.slice(2);
let write = false;
let maxSteps = 1000000;
const files = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--write") write = true;
  else if (a === "--max-steps") maxSteps = parseInt(args[++i], 10);
  else if (a.startsWith("--max-steps=")) maxSteps = parseInt(a.slice(12), 10);
  else if (a === "-h" || a === "--help") usage();
  else if (a.startsWith("--")) die(`unknown option ${a}`);
  else files.push(a);
}
if (!Number.isInteger(maxSteps) || maxSteps <= 0) die("--max-steps needs a positive integer");
if (files.length === 0) usage();
for (const f of files) {
  if (!fs.existsSync(f)) die(`no such file: ${f}`);
  if (write && !f.endsWith(".py")) die(`--write needs .py files: ${f}`);
}

const pyodideEntry = path.join(pyodideDir, "pyodide.mjs");
if (!fs.existsSync(pyodideEntry)) {
  die(`pyodide not found at ${pyodideDir}; run 'npm ci' in ${path.dirname(here)}`);
}
const { loadPyodide } = await import(pathToFileURL(pyodideEntry).href);

// Anything Python writes to its real stdout/stderr outside of a scenario
// (the scenario's own output is captured by lockstep_cpython.py) goes to our
// stderr, so that stdout stays machine-readable.
const py = await loadPyodide({
  indexURL: pyodideDir + path.sep,
  stdout: (s) => process.stderr.write(s + "\n"),
  stderr: (s) => process.stderr.write(s + "\n"),
});

const version = py.runPython(
  "import sys; '%d.%d.%d' % sys.version_info[:3]");
if (!version.startsWith("3.12.")) {
  die(`expected CPython 3.12.x from pyodide, got Python ${version}`);
}
process.stderr.write(`Python ${version} (pyodide ${py.version})\n`);

py.FS.mkdirTree("/lockstep");
py.FS.writeFile("/lockstep/lockstep_cpython.py", fs.readFileSync(runnerPath));
py.runPython(`
import sys
sys.path.insert(0, '/lockstep')
sys.dont_write_bytecode = True
import lockstep_cpython
lockstep_cpython.fix_pyodide()
`);
// Check that the fixes took: the stdlib asyncio.run, no running loop.
const check = py.runPython(`
import asyncio, asyncio.runners, asyncio.events
(asyncio.run is asyncio.runners.run
 and asyncio.events._get_running_loop() is None
 and isinstance(asyncio.get_event_loop_policy(), lockstep_cpython.VirtualTimePolicy))
`);
if (check !== true) die("could not undo pyodide's asyncio set-up");

const runOne = py.runPython(`
def _lockstep_run_one(tmp, name, max_steps):
    src = lockstep_cpython.read_source(tmp)
    out, code, err = lockstep_cpython.run_source(src, name, max_steps=max_steps)
    return lockstep_cpython.result_json(name, out, code, err)
_lockstep_run_one
`);

function mask(s) {
  return s.replace(/0x[0-9a-fA-F]+/g, "0x?");
}

function lastLine(s) {
  const lines = s.replace(/\n+$/, "").split("\n");
  return lines[lines.length - 1];
}

let failures = 0;
for (const file of files) {
  let line;
  try {
    py.FS.writeFile("/lockstep/scenario.py", fs.readFileSync(file));
    line = runOne("/lockstep/scenario.py", file, maxSteps);
  } catch (e) {
    failures++;
    process.stderr.write(`cpython312: ${file}: internal error: ${e && e.message ? e.message : e}\n`);
    continue;
  }
  if (!write) {
    process.stdout.write(line + "\n");
    continue;
  }
  const r = JSON.parse(line);
  const base = file.slice(0, -3);
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
runOne.destroy();
process.exit(failures ? 1 : 0);
