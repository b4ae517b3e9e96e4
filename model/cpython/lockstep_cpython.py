"""Run a lockstep scenario on the REAL asyncio with a deterministic virtual-time loop.

This is the CPython side of lockstep (the reference oracle).  It works on
CPython 3.11+ and on pyodide's CPython 3.12 (see cpython312.mjs).

    python3 lockstep_cpython.py FILE            # stdout/stderr of the run, exit code
    python3 lockstep_cpython.py --json FILE...  # one JSON object per file per line

Exit codes: 0 normal; 1 an exception escaped (last stderr line = last line of
traceback.format_exception_only); 3 deadlock; 4 step limit exceeded.

The loop is ``VirtualTimeLoop``, a plain ``asyncio.BaseEventLoop``: CPython's
own ``_run_once`` (FIFO ready queue, timer heap, ``ntodo`` batching, stop
handling) runs unchanged.  Only the clock (virtual, starts at 0.0), the
selector (never blocks; advances the clock by the timeout it is given), the
task names (``Task-N`` from a counter reset for every file) and the
iteration order of ``asyncio.all_tasks()`` (creation order instead of
memory-address order; it decides in which order asyncio.run cancels the tasks
left when main() returns) are ours.

Hook for schedule control (not used yet): ``VirtualTimeLoop(chooser=...)``.
Every handle the loop runs is taken through ``_ReadyQueue.popleft``; there a
chooser may first inject ``task.cancel()`` calls (``chooser.inject(loop)``)
and then pick the index of the ready handle to run (``chooser.pick(loop,
ready)``).  ``chooser=None`` (the default) is CPython's FIFO order.
"""

import asyncio
import asyncio.events
import asyncio.runners
import asyncio.tasks
import builtins
import collections
import gc
import io
import itertools
import json
import linecache
import sys
import traceback
import weakref

EXIT_OK = 0
EXIT_EXCEPTION = 1
EXIT_DEADLOCK = 3
EXIT_STEP_LIMIT = 4

DEFAULT_MAX_STEPS = 1_000_000


class Halt(BaseException):
    """The run cannot go on (deadlock, step limit).  A BaseException so that
    scenario code catching ``Exception`` cannot swallow it; it is raised
    outside of any task step anyway (from the selector or the ready queue)."""

    exit_code = None

    def __init__(self, report):
        super().__init__(report)
        self.report = report


class Deadlock(Halt):
    exit_code = EXIT_DEADLOCK


class StepLimitExceeded(Halt):
    exit_code = EXIT_STEP_LIMIT


class FifoChooser:
    """CPython's own order: always the head of the ready queue, no injected
    cancellations.  The interface a schedule-driven chooser implements."""

    def inject(self, loop):
        """Called before each handle is taken; may call task.cancel()."""

    def pick(self, loop, ready):
        """Index in ``ready`` (a deque of handles) of the handle to run next."""
        return 0


class _ReadyQueue(collections.deque):
    """The loop's ``_ready`` deque.  ``BaseEventLoop._run_once`` takes every
    handle it runs with ``self._ready.popleft()``: that is where steps are
    counted and where a chooser can reorder."""

    def __init__(self, loop):
        super().__init__()
        self._loop_ref = weakref.ref(loop)

    def popleft(self):
        loop = self._loop_ref()
        if loop is not None:
            loop._count_step()
            chooser = loop._chooser
            if chooser is not None:
                chooser.inject(loop)
                i = chooser.pick(loop, self)
                if i:
                    handle = self[i]
                    del self[i]
                    return handle
        return super().popleft()


class _VirtualSelector:
    """Never blocks.  ``select(timeout)`` advances the virtual clock by
    ``timeout`` when it is positive; ``select(None)`` means the loop would
    block forever: deadlock."""

    def __init__(self, loop):
        self._loop_ref = weakref.ref(loop)

    def select(self, timeout=None):
        loop = self._loop_ref()
        if timeout is None:
            loop._halt(Deadlock(loop._deadlock_report()))
        elif timeout > 0:
            loop._vtime += timeout
        return []

    def close(self):
        pass


class VirtualTimeLoop(asyncio.BaseEventLoop):
    def __init__(self, chooser=None, max_steps=DEFAULT_MAX_STEPS):
        super().__init__()
        self._vtime = 0.0
        self._clock_resolution = 1e-9
        self._selector = _VirtualSelector(self)
        self._ready = _ReadyQueue(self)
        self._chooser = chooser
        self._max_steps = max_steps
        self._steps = 0        # handles taken from the ready queue
        self._iterations = 0   # calls of _run_once
        self._halted = None    # the Halt that stopped this loop, if any

    # -- clock, I/O -------------------------------------------------------
    def time(self):
        return self._vtime

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass

    # -- tasks --------------------------------------------------------------
    def create_task(self, coro, *, name=None, context=None):
        # The C Task of CPython keeps its own name counter, which cannot be
        # reset; name the tasks here from asyncio.tasks._task_name_counter
        # (reset for every file) exactly as CPython would ("Task-N" for every
        # task created without a name, the counter untouched otherwise).
        if name is None:
            name = f'Task-{asyncio.tasks._task_name_counter()}'
        task = super().create_task(coro, name=name, context=context)
        _task_seq[task] = next(_seq_counter)
        return task

    # -- scheduling ------------------------------------------------------------
    def _run_once(self):
        if self._halted is not None:
            raise self._halted
        self._iterations += 1
        if self._iterations > self._max_steps:
            self._halt(StepLimitExceeded('step limit exceeded'))
        super()._run_once()

    def _count_step(self):
        self._steps += 1
        if self._steps > self._max_steps:
            self._halt(StepLimitExceeded('step limit exceeded'))

    def _halt(self, exc):
        self._halted = exc
        raise exc

    def pending_tasks(self):
        """Tasks of this loop that are not done, in creation order."""
        return sorted(_stdlib_all_tasks(self), key=_creation_key)

    def _deadlock_report(self):
        lines = ['deadlock: no task can make progress']
        for task in self.pending_tasks():
            lines.append(describe_wait(task))
        return '\n'.join(lines)


# -- a deterministic order for all_tasks() ------------------------------------
#
# asyncio.all_tasks() returns a set of tasks, whose iteration order depends on
# the tasks' memory addresses.  asyncio.run relies on it when main() returns:
# runners._cancel_all_tasks cancels the remaining tasks in that order, which
# decides the order in which they run their cancellation.  CPython 3.11 and
# pyodide's 3.12 really do differ here on the same file.  During a run,
# all_tasks() returns a set whose iteration order is the task creation order.

_task_seq = weakref.WeakKeyDictionary()   # task -> creation sequence number
_seq_counter = itertools.count()
_stdlib_all_tasks = asyncio.tasks.all_tasks


def _creation_key(task):
    return (_task_seq.get(task, float('inf')), task.get_name())


class _CreationOrderedSet(set):
    """A set of tasks that iterates in creation order."""

    def __iter__(self):
        return iter(sorted(set.__iter__(self), key=_creation_key))


def _ordered_all_tasks(loop=None):
    if loop is None:
        loop = asyncio.events.get_running_loop()
    return _CreationOrderedSet(_stdlib_all_tasks(loop))


_ordered_all_tasks.__doc__ = _stdlib_all_tasks.__doc__


_PRIMITIVES = (asyncio.Lock, asyncio.Event, asyncio.Condition,
               asyncio.Semaphore, asyncio.Barrier)


def describe_wait(task):
    """``Task-2 waits on <Future pending ...> [in Event.wait of <...Event...>]
    (at main file.py:9 -> Event.wait locks.py:213)``"""
    waiter = task._fut_waiter
    if waiter is None:
        what = 'nothing'
    elif isinstance(waiter, asyncio.Task):
        what = f'task {waiter.get_name()}'
    else:
        what = repr(waiter)
    chain = []
    primitive = None
    coro = task.get_coro()
    depth = 0
    while coro is not None and depth < 100:
        depth += 1
        frame = getattr(coro, 'cr_frame', None) or getattr(coro, 'gi_frame', None)
        name = getattr(coro, '__qualname__', type(coro).__name__)
        if frame is not None:
            fname = frame.f_code.co_filename.rsplit('/', 1)[-1]
            chain.append(f'{name} {fname}:{frame.f_lineno}')
            owner = frame.f_locals.get('self')
            if isinstance(owner, _PRIMITIVES):
                primitive = (name, owner)
        else:
            chain.append(name)
        coro = getattr(coro, 'cr_await', None) or getattr(coro, 'gi_yieldfrom', None)
        if coro is None or not (hasattr(coro, 'cr_frame') or hasattr(coro, 'gi_frame')):
            break
    line = f'{task.get_name()} waits on {what}'
    if primitive is not None:
        line += f' in {primitive[0]} of {primitive[1]!r}'
    if chain:
        line += ' (at ' + ' -> '.join(chain) + ')'
    return line


class VirtualTimePolicy(asyncio.events.BaseDefaultEventLoopPolicy):
    """Every new event loop (asyncio.run creates one) is a VirtualTimeLoop."""

    def __init__(self, chooser=None, max_steps=DEFAULT_MAX_STEPS):
        super().__init__()
        self._chooser = chooser
        self._max_steps = max_steps
        self.loops = []

    def new_event_loop(self):
        loop = VirtualTimeLoop(chooser=self._chooser, max_steps=self._max_steps)
        self.loops.append(loop)
        return loop


def fix_pyodide():
    """Undo what pyodide does to asyncio at start-up: it replaces
    ``asyncio.run`` (not ``asyncio.runners.run``) by a wrapper that runs on
    its WebLoop, installs WebLoopPolicy, and leaves a WebLoop set as the
    running loop at top level.  Idempotent; harmless on plain CPython."""
    asyncio.run = asyncio.runners.run
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop_policy(VirtualTimePolicy())


class _Sink(io.StringIO):
    pass


def run_source(source, filename, chooser=None, max_steps=DEFAULT_MAX_STEPS):
    """Run a scenario (its source text) and return (stdout, exit, stderr)."""
    out = io.StringIO()
    err = io.StringIO()
    saved = (sys.stdout, sys.stderr, sys.argv, asyncio.get_event_loop_policy(),
             asyncio.tasks._task_name_counter, asyncio.run,
             asyncio.tasks.all_tasks, asyncio.all_tasks)
    asyncio.tasks.all_tasks = asyncio.all_tasks = _ordered_all_tasks
    policy = VirtualTimePolicy(chooser=chooser, max_steps=max_steps)
    asyncio.run = asyncio.runners.run
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop_policy(policy)
    asyncio.tasks._task_name_counter = itertools.count(1).__next__
    lines = source.splitlines(True)
    linecache.cache[filename] = (len(source), None, lines, filename)
    glob = {'__name__': '__main__', '__file__': filename, '__doc__': None,
            '__package__': None, '__spec__': None, '__loader__': None,
            '__builtins__': builtins}
    exit_code = EXIT_OK
    tail = ''          # written last on stderr (traceback / halt report)
    halted = None
    stdout_text = None
    try:
        sys.stdout, sys.stderr, sys.argv = out, err, [filename]
        try:
            code = compile(source, filename, 'exec', dont_inherit=True)
            exec(code, glob)
        except BaseException as e:  # noqa: B902 - everything is reported
            halted = next((l._halted for l in policy.loops if l._halted is not None), None)
            if halted is None and isinstance(e, Halt):
                halted = e
            if halted is None:
                if isinstance(e, SystemExit):
                    exit_code, tail = _system_exit(e)
                else:
                    exit_code = EXIT_EXCEPTION
                    # Drop our own frame (the exec call), as the interpreter
                    # would show only the script's frames.
                    tb = e.__traceback__.tb_next if e.__traceback__ else None
                    tail = ''.join(traceback.format_exception(type(e), e, tb))
            del e
        if halted is None:
            halted = next((l._halted for l in policy.loops if l._halted is not None), None)
        if halted is not None:
            # What CPython would print stops here (it would hang).  Pending
            # coroutines are finalized below; hide what that prints.
            exit_code = halted.exit_code
            tail = halted.report + '\n'
            stdout_text = out.getvalue()
            sys.stdout = sys.stderr = _Sink()
            _silence_pending(policy.loops)
            halted = None
        # Leave nothing behind for the next file.
        _close_loops(policy.loops)
        glob.clear()
        gc.collect()
    finally:
        sys.stdout, sys.stderr, sys.argv = saved[0], saved[1], saved[2]
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop_policy(saved[3])
        asyncio.tasks._task_name_counter = saved[4]
        asyncio.run = saved[5]
        asyncio.tasks.all_tasks, asyncio.all_tasks = saved[6], saved[7]
        linecache.cache.pop(filename, None)
    if stdout_text is None:
        stdout_text = out.getvalue()
    stderr_text = err.getvalue()
    if tail:
        if stderr_text and not stderr_text.endswith('\n'):
            stderr_text += '\n'
        stderr_text += tail
    return stdout_text, exit_code, stderr_text


def _silence_pending(loops):
    for loop in loops:
        for task in loop.pending_tasks():
            task._log_destroy_pending = False


def _close_loops(loops):
    for loop in loops:
        if not loop.is_closed() and not loop.is_running():
            loop.close()
    loops.clear()


def _system_exit(e):
    code = e.code
    if code is None:
        return EXIT_OK, ''
    if isinstance(code, int):
        return code, ''
    return EXIT_EXCEPTION, f'{code}\n'


def read_source(path):
    with open(path, 'rb') as f:
        data = f.read()
    # Decode as Python does for a source file (PEP 263 cookie, UTF-8 default).
    import tokenize
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    text = data.decode(encoding)
    if text.startswith('\ufeff'):
        text = text[1:]
    return text


def run_file(path, **kw):
    return run_source(read_source(path), path, **kw)


def result_json(path, stdout, exit_code, stderr):
    return json.dumps({'file': path, 'stdout': stdout, 'exit': exit_code,
                       'stderr': stderr})


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    max_steps = DEFAULT_MAX_STEPS
    as_json = False
    files = []
    while argv:
        a = argv.pop(0)
        if a == '--json':
            as_json = True
        elif a == '--max-steps':
            max_steps = int(argv.pop(0))
        elif a.startswith('--max-steps='):
            max_steps = int(a.split('=', 1)[1])
        elif a in ('-h', '--help'):
            print(__doc__)
            return 0
        else:
            files.append(a)
    if not files or (not as_json and len(files) != 1):
        print('usage: lockstep_cpython.py [--max-steps N] FILE | --json FILE...',
              file=sys.stderr)
        return 2
    if as_json:
        for path in files:
            stdout, code, stderr = run_file(path, max_steps=max_steps)
            sys.stdout.write(result_json(path, stdout, code, stderr) + '\n')
            sys.stdout.flush()
        return 0
    stdout, code, stderr = run_file(files[0], max_steps=max_steps)
    sys.stdout.write(stdout)
    sys.stdout.flush()
    sys.stderr.write(stderr)
    sys.stderr.flush()
    return code


if __name__ == '__main__':
    sys.exit(main())
