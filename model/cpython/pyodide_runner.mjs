// Loads one CPython of record (pyodide, WebAssembly) under Node.js once, with
// lockstep_cpython.py's deterministic virtual-time event loop, and runs
// requests on it (see lockstep_cpython.run_request):
//
//   import { startCPython } from "./pyodide_runner.mjs";
//   const cpy = await startCPython("3.12");       // ~4 s
//   const r = cpy.run({file: "x.py", schedule: "1,0,c0"});
//   // r: {file, stdout, exit, stderr, schedule?, seed?, trace?}
//   cpy.stdlibSource("asyncio.locks");            // that version's source text
//
// The oracles of record, one npm package each (model/package.json):
// 3.10 = pyodide 0.21.3 (CPython 3.10.2), 3.11 = 0.24.1 (3.11.3),
// 3.12 = 0.27.7 (3.12.7, the default), 3.13 = 0.28.3 (3.13.2),
// 3.14 = 314.0.7 (3.14.2).
//
// Request fields: file (read from the host), schedule | shuffle (+ cancel),
// max_steps, record_trace (the result then carries the trace as JSON lines
// text), locks (host path of another asyncio/locks.py).

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The versions with an oracle of record, and the npm package holding each. */
export const PYODIDE_PACKAGES = {
  "3.10": "pyodide-3.10", "3.11": "pyodide-3.11", "3.12": "pyodide", "3.13": "pyodide-3.13", "3.14": "pyodide-3.14",
};
export const DEFAULT_PYTHON = "3.12";
const runnerPath = path.join(here, "lockstep_cpython.py");

export class OracleError extends Error {}

/** The folder of the pyodide package of CPython VERSION ("3.10" … "3.14"). */
export function pyodideDir(version) {
  const pkg = PYODIDE_PACKAGES[version];
  if (!pkg) throw new OracleError(`no oracle for Python ${version} (known: ${Object.keys(PYODIDE_PACKAGES).join(", ")})`);
  return path.resolve(here, "..", "node_modules", pkg);
}

export async function startCPython(pythonVersion = DEFAULT_PYTHON, { log = (s) => process.stderr.write(s) } = {}) {
  const dir = pyodideDir(pythonVersion);
  const pyodideEntry = path.join(dir, "pyodide.mjs");
  if (!fs.existsSync(pyodideEntry)) {
    throw new OracleError(`pyodide not found at ${dir}; run 'npm ci' in ${path.dirname(here)}`);
  }
  const { loadPyodide } = await import(pathToFileURL(pyodideEntry).href);
  // Anything Python writes to its real stdout/stderr outside of a scenario
  // (the scenario's own output is captured by lockstep_cpython.py) goes to
  // the log, so that our stdout stays machine-readable.
  const py = await loadPyodide({
    indexURL: dir + path.sep,
    stdout: (s) => log(s + "\n"),
    stderr: (s) => log(s + "\n"),
  });
  const version = py.runPython("import sys; '%d.%d.%d' % sys.version_info[:3]");
  if (!version.startsWith(pythonVersion + ".")) {
    throw new OracleError(`expected CPython ${pythonVersion}.x from ${dir}, got Python ${version}`);
  }
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
 and isinstance(lockstep_cpython.get_policy(), lockstep_cpython.VirtualTimePolicy))
`);
  if (check !== true) throw new OracleError("could not undo pyodide's asyncio set-up");

  const request = py.runPython(`
import json
def _lockstep_request(req_json, tmp, locks_tmp):
    req = json.loads(req_json)
    src = lockstep_cpython.read_source(tmp)
    locks = lockstep_cpython.read_source(locks_tmp) if locks_tmp else None
    return json.dumps(lockstep_cpython.run_request(req, source=src, locks_source=locks))
_lockstep_request
`);

  function run(req) {
    if (typeof req.file !== "string") throw new OracleError("a request needs a file");
    py.FS.writeFile("/lockstep/scenario.py", fs.readFileSync(req.file));
    let locksTmp = "";
    if (req.locks) {
      py.FS.writeFile("/lockstep/locks_override.py", fs.readFileSync(req.locks));
      locksTmp = "/lockstep/locks_override.py";
    }
    const { locks, ...rest } = req;
    return JSON.parse(request(JSON.stringify(rest), "/lockstep/scenario.py", locksTmp));
  }

  /** The source text of a module of this CPython's standard library (e.g. "asyncio.locks"). */
  function stdlibSource(module) {
    return py.runPython(`import importlib, inspect; inspect.getsource(importlib.import_module(${JSON.stringify(module)}))`);
  }

  return {
    version,
    pyodideVersion: py.version,
    run,
    stdlibSource,
    close() { request.destroy(); },
  };
}

/** Every 0x<hex> address replaced by 0x?, as lockstep compares outputs. */
export function mask(s) {
  return s.replace(/0x[0-9a-fA-F]+/g, "0x?");
}
