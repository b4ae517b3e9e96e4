#!/usr/bin/env node
// Live differential test: lockstep (the model) against real CPython 3.12
// (pyodide 0.27.7, one process) on the same scenarios and the same schedules;
// --python V against another version's oracle of record (pyodide_runner.mjs),
// lockstep then following V (batch requests with "python": V).
//
//   node model/cpython/differential.mjs [--jar target/lockstep.jar] [options] [FILE...]
//
// For every FILE (default: model/scenarios/*.py):
//   fifo     lockstep run FILE  vs  CPython's own run (plain asyncio _run_once),
//            and the runner's schedule path with the empty schedule vs the plain run;
//   explore  lockstep explore FILE --strategy S --seed N --max-schedules K --json
//            (once with --cancel 0, once with --cancel 1): every outcome's and every
//            violation's schedule replayed on both sides (lockstep replay / the
//            CPython runner's --schedule), and each outcome's reported stdout
//            checked against lockstep's own replay;
//   shuffle  CPython runs with a random ready handle at each step (--shuffle seed,
//            half of them with an injected cancellation); each schedule it took
//            replayed on lockstep, and the trace it recorded (--record-trace) given
//            to lockstep check-trace, which must accept it.
// Compared: stdout with every 0x... address masked, and the exit code. Any
// difference (or a schedule that does not fit one side) is printed with the file,
// the schedule and a diff, and the exit code is 1.
//
// Options:
//   --jar PATH              lockstep's shaded jar (default target/lockstep.jar)
//   --python V              the CPython version (default 3.12)
//   --every N               only every N-th FILE (sorted; default 1: all), a bounded sample
//   --strategy S            explore strategy: random (default), pct or exhaustive
//   --seed N                explore and shuffle seed (default 1)
//   --samples K             explore --max-schedules without cancellations (default 20)
//   --cancel-samples K      explore --max-schedules with --cancel 1 (default 10; 0: skip)
//   --explore-time S        explore --time-limit per file and mode (default 20)
//   --shuffles K            shuffled CPython runs per file (default 4; half with a cancel)
//   --max-diffs N           print at most N differences in full (default 20)
//   --quiet                 no per-file progress
//
// The lockstep side runs in one JVM: `java -jar JAR batch` (JSON-lines requests,
// the same code as the run, replay, explore and check-trace commands).

import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startCPython, mask, DEFAULT_PYTHON } from "./pyodide_runner.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");

function die(msg) {
  process.stderr.write(`differential: ${msg}\n`);
  process.exit(2);
}

const opt = {
  jar: path.join(repo, "target", "lockstep.jar"), strategy: "random", seed: 1, samples: 20,
  cancelSamples: 10, exploreTime: 20, shuffles: 4, maxDiffs: 20, quiet: false, python: DEFAULT_PYTHON, every: 1,
};
const files = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  let a = argv[i];
  let v = null;
  if (a.startsWith("--") && a.includes("=")) { v = a.slice(a.indexOf("=") + 1); a = a.slice(0, a.indexOf("=")); }
  const val = () => (v !== null ? v : (i + 1 < argv.length ? argv[++i] : die(`${a} needs a value`)));
  const int = (min) => { const n = Number(val()); if (!Number.isInteger(n) || n < min) die(`${a} needs an integer >= ${min}`); return n; };
  if (a === "--jar") opt.jar = val();
  else if (a === "--python") opt.python = val();
  else if (a === "--every") opt.every = int(1);
  else if (a === "--strategy") opt.strategy = val();
  else if (a === "--seed") opt.seed = int(0);
  else if (a === "--samples") opt.samples = int(1);
  else if (a === "--cancel-samples") opt.cancelSamples = int(0);
  else if (a === "--explore-time") opt.exploreTime = int(1);
  else if (a === "--shuffles") opt.shuffles = int(0);
  else if (a === "--max-diffs") opt.maxDiffs = int(0);
  else if (a === "--quiet") opt.quiet = true;
  else if (a === "-h" || a === "--help") {
    process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n")
      .filter((l) => l.startsWith("//") && !l.startsWith("// ---")).map((l) => l.slice(3)).join("\n") + "\n");
    process.exit(0);
  } else if (a.startsWith("--")) die(`unknown option ${a}`);
  else files.push(a);
}
if (!["random", "pct", "exhaustive"].includes(opt.strategy)) die("--strategy: random, pct or exhaustive");
if (!fs.existsSync(opt.jar)) die(`no jar at ${opt.jar} (mvn -q -B package -DskipTests)`);
if (files.length === 0) {
  const dir = path.join(repo, "model", "scenarios");
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith(".py")) files.push(path.relative(process.cwd(), path.join(dir, f)));
}
for (const f of files) if (!fs.existsSync(f)) die(`no such file: ${f}`);
files.splice(0, files.length, ...files.filter((_, i) => i % opt.every === 0));

// ---------------------------------------------------------------- the lockstep side

class Lockstep {
  constructor(jar, python) {
    this.python = python;
    this.proc = spawn("java", ["-jar", jar, "batch"], { stdio: ["pipe", "pipe", "inherit"] });
    this.waiting = [];
    this.proc.on("exit", (code) => {
      for (const w of this.waiting) w.reject(new Error(`lockstep server exited (${code})`));
      this.waiting = [];
    });
    readline.createInterface({ input: this.proc.stdout, crlfDelay: Infinity }).on("line", (line) => {
      const w = this.waiting.shift();
      if (w) w.resolve(JSON.parse(line));
    });
  }
  ask(req) {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.proc.stdin.write(JSON.stringify({ ...req, python: this.python }) + "\n");
    });
  }
  close() { this.proc.stdin.end(); }
}

// ---------------------------------------------------------------- diffs

function lineDiff(a, b) {
  const x = a.split("\n"), y = b.split("\n");
  if (x.length * y.length > 250000) {
    return ["(outputs too long for a line diff; first lines)", ...x.slice(0, 20).map((l) => "- " + l), ...y.slice(0, 20).map((l) => "+ " + l)];
  }
  const n = x.length, m = y.length;
  const L = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) {
    L[i][j] = x[i] === y[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  }
  const out = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) { out.push("  " + x[i]); i++; j++; }
    else if (j < m && (i >= n || L[i][j + 1] >= L[i + 1][j])) { out.push("+ " + y[j]); j++; }
    else { out.push("- " + x[i]); i++; }
  }
  return out;
}

// ---------------------------------------------------------------- main

const started = Date.now();
const lockstep = new Lockstep(opt.jar, opt.python);
let cpy;
try {
  cpy = await startCPython(opt.python);
} catch (e) {
  lockstep.close();
  die(e.message || String(e));
}
process.stderr.write(`differential: Python ${cpy.version} (pyodide ${cpy.pyodideVersion}) vs ${opt.jar}\n`);

const counts = { files: 0, fifo: 0, explore: 0, shuffle: 0, selfcheck: 0, schedules: 0, traces: 0 };
const diffs = [];

function record(file, schedule, origin, c, l, note) {
  diffs.push({ file, schedule, origin, c, l, note });
  if (diffs.length <= opt.maxDiffs) {
    const lines = [`DIFFERENCE ${file}`, `  schedule: "${schedule}"  (${origin})`];
    if (note) lines.push(`  ${note}`);
    lines.push(`  exit: cpython ${c.exit}, lockstep ${l.exit}`);
    if (c.exit === 2 || l.exit === 2) {
      if (c.exit === 2) lines.push(`  cpython stderr: ${c.stderr.trim()}`);
      if (l.exit === 2) lines.push(`  lockstep stderr: ${l.stderr.trim()}`);
    }
    const cs = mask(c.stdout), ls = mask(l.stdout);
    if (cs !== ls) {
      lines.push(`  --- cpython ${opt.python} stdout`, "  +++ lockstep stdout");
      for (const d of lineDiff(cs, ls)) lines.push("  " + d);
    }
    lines.push(`  reproduce: java -jar ${opt.jar} replay --python ${opt.python} ${file} --schedule "${schedule}"`);
    lines.push(`             node model/cpython/cpython312.mjs --python ${opt.python} --schedule "${schedule}" ${file}`);
    process.stdout.write(lines.join("\n") + "\n");
  }
}

function same(c, l) {
  return c.exit === l.exit && mask(c.stdout) === mask(l.stdout);
}

async function compareSchedule(file, schedule, origin, reported) {
  const l = await lockstep.ask({ op: "run", file, schedule });
  const c = cpy.run({ file, schedule });
  counts.schedules++;
  if (!same(c, l) || c.exit === 2 || l.exit === 2) record(file, schedule, origin, c, l);
  if (reported && l.exit !== 2 && !same(reported, l)) {
    record(file, schedule, origin, reported, l, "explore reported this outcome (shown as cpython) but lockstep replay prints another");
  }
}

for (const file of files) {
  counts.files++;
  const before = diffs.length;
  const t0 = Date.now();
  // fifo
  const lf = await lockstep.ask({ op: "run", file });
  if (lf.error) { record(file, "", "lockstep refuses the file", { stdout: "", exit: 0, stderr: "" }, { stdout: "", exit: 2, stderr: lf.error }); continue; }
  const cf = cpy.run({ file });
  counts.fifo++;
  if (!same(cf, lf)) record(file, "", `fifo: lockstep run vs python${opt.python} FILE`, cf, lf);
  const cs = cpy.run({ file, schedule: "" });
  counts.selfcheck++;
  if (!same(cf, cs)) record(file, "", "runner self-check: CPython's own _run_once vs the schedule path", cf, cs, "lockstep side shows the CPython runner's schedule path");
  // explore
  const modes = [{ cancel: 0, n: opt.samples }];
  if (opt.cancelSamples > 0) modes.push({ cancel: 1, n: opt.cancelSamples });
  for (const { cancel, n } of modes) {
    const rep = await lockstep.ask({ op: "explore", file, strategy: opt.strategy, seed: opt.seed, max_schedules: n,
      cancel, time_limit: opt.exploreTime });
    if (rep.error) { record(file, "", `explore --cancel ${cancel}: ${rep.error}`, cf, { stdout: "", exit: 2, stderr: rep.error }); continue; }
    const seen = new Set();
    for (const o of rep.outcomes) {
      if (seen.has(o.schedule)) continue;
      seen.add(o.schedule);
      counts.explore++;
      await compareSchedule(file, o.schedule, `explore ${opt.strategy} --seed ${opt.seed} --cancel ${cancel}: outcome`, o);
    }
    for (const v of rep.violations) {
      if (seen.has(v.schedule)) continue;
      seen.add(v.schedule);
      counts.explore++;
      await compareSchedule(file, v.schedule, `explore ${opt.strategy} --seed ${opt.seed} --cancel ${cancel}: violation ${v.kind}: ${v.message}`);
    }
  }
  // shuffle
  for (let k = 0; k < opt.shuffles; k++) {
    const seed = opt.seed * 1000 + k;
    const cancel = k % 2;
    const c = cpy.run({ file, shuffle: seed, cancel, record_trace: true });
    counts.shuffle++;
    if (c.exit === 4) continue;   // an endless shuffled run: nothing to compare
    const origin = `CPython --shuffle ${seed} --cancel ${cancel}`;
    const l = await lockstep.ask({ op: "run", file, schedule: c.schedule });
    counts.schedules++;
    if (!same(c, l)) record(file, c.schedule, origin, c, l);
    const v = await lockstep.ask({ op: "check-trace", file, trace_text: c.trace });
    counts.traces++;
    if (v.status !== "allowed") {
      const why = v.error ? v.error : `${v.status}: ${JSON.stringify(v.divergence)}`;
      record(file, c.schedule, origin, c, l, `lockstep check-trace does not accept the trace CPython recorded: ${why}`);
    }
  }
  if (!opt.quiet) {
    const bad = diffs.length - before;
    process.stderr.write(`${bad ? "DIFF" : "ok  "} ${file} (${Date.now() - t0} ms${bad ? `, ${bad} difference${bad === 1 ? "" : "s"}` : ""})\n`);
  }
}
lockstep.close();
cpy.close();

const secs = ((Date.now() - started) / 1000).toFixed(1);
process.stdout.write(`differential: ${counts.files} files; fifo ${counts.fifo}, runner self-checks ${counts.selfcheck}, `
  + `explore schedules ${counts.explore}, shuffled CPython runs ${counts.shuffle}; ${counts.schedules} schedules replayed on both sides; `
  + `${counts.traces} CPython traces checked; `
  + `${diffs.length} difference${diffs.length === 1 ? "" : "s"}; ${secs} s\n`);
if (diffs.length > opt.maxDiffs) process.stdout.write(`(${diffs.length - opt.maxDiffs} more differences not shown; --max-diffs)\n`);
if (diffs.length) {
  const byFile = new Map();
  for (const d of diffs) byFile.set(d.file, (byFile.get(d.file) || 0) + 1);
  process.stdout.write(`differences by file:\n${[...byFile].map(([f, n]) => `  ${n}  ${f}`).join("\n")}\n`);
}
process.exit(diffs.length ? 1 : 0);
