"""Run a lockstep scenario on the REAL asyncio with a deterministic virtual-time loop.

This is the CPython side of lockstep (the reference oracle).  It works on
CPython 3.10 to 3.14, and on the pyodides of record for each (see
cpython312.mjs --python V).

    python3 lockstep_cpython.py FILE                 # stdout/stderr of the run, exit code
    python3 lockstep_cpython.py FILE --schedule S    # follow a lockstep schedule
    python3 lockstep_cpython.py FILE --shuffle SEED [--cancel K]
                                                     # a random ready handle at each step
    python3 lockstep_cpython.py FILE --record-trace T.jsonl   # also write the run's trace
    python3 lockstep_cpython.py FILE --locks LOCKS.py # use another asyncio/locks.py
    python3 lockstep_cpython.py --json FILE...       # one JSON object per file per line
    python3 lockstep_cpython.py --requests REQ.jsonl # one JSON request per line (or - for stdin)
    python3 lockstep_cpython.py --json --bench --shuffle SEED --runs N FILE...
                                                     # shuffled runs per second, timed in-process

Exit codes: 0 normal; 1 an exception escaped (last stderr line = last line of
traceback.format_exception_only); 2 the schedule does not fit the run (or bad
usage); 3 deadlock; 4 step limit exceeded.

The loop is ``VirtualTimeLoop``, a plain ``asyncio.BaseEventLoop``: CPython's
own ``_run_once`` (FIFO ready queue, timer heap, ``ntodo`` batching, stop
handling) runs unchanged.  Only the clock (virtual, starts at 0.0; timers
with nominally equal deadlines fire in the order they were created, as on a
real monotonic clock: see ``TimerHandle``), the selector (never blocks;
advances the clock by the timeout it is given), the
task names (``Task-N`` from a counter reset for every file) and the
iteration order of ``asyncio.all_tasks()`` (creation order instead of
memory-address order; it decides in which order asyncio.run cancels the tasks
left when main() returns) are ours.

Schedules (``--schedule``, ``--shuffle``, ``--record-trace``): the loop is
then given a chooser and ``_run_once`` becomes ``_run_once_chosen``, which is
CPython's except that the batch loop asks the chooser which ready handle runs
next, exactly as lockstep's ``Runner.runForever`` does (see lockstep's
explore/Schedule.java for the schedule format).  The empty schedule is CPython's
own run.
"""

import asyncio
import asyncio.base_events
import asyncio.events
import asyncio.runners
import asyncio.tasks
import builtins
import collections
import gc
import heapq
import io
import itertools
import json
import linecache
import random
import re
import sys
import time
import traceback
import types
import weakref

EXIT_OK = 0
EXIT_EXCEPTION = 1
EXIT_MISFIT = 2
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


class ScheduleMisfit(Halt):
    """The schedule asks for a ready handle (or a cancellable task) that is not
    there: it was made for another program, or the two sides disagree."""
    exit_code = EXIT_MISFIT


# -- schedules ------------------------------------------------------------------
#
# Exactly lockstep's format (src/main/java/lockstep/explore/Schedule.java):
# comma-separated decisions, one per choice point; ``N`` runs the ready handle
# at index N (0 = the head, CPython's choice), ``N*R`` is R times N, ``cK``
# first calls task.cancel() on the K-th cancellable task (the same choice point
# then comes again).  After the last token every decision is 0.

_TOKEN = re.compile(r'^(?:c(\d+)|(\d+)\*(\d+)|(\d+))$')


class BadSchedule(ValueError):
    pass


def parse_schedule(text):
    """A list of decisions: ('run', N) or ('cancel', K)."""
    out = []
    text = (text or '').strip()
    if not text:
        return out
    for tok in text.split(','):
        tok = tok.strip()
        m = _TOKEN.match(tok)
        if m is None:
            raise BadSchedule(f"bad schedule token '{tok}' (expected N, N*R or cK)")
        if m.group(1) is not None:
            out.append(('cancel', int(m.group(1))))
        elif m.group(2) is not None:
            out.extend([('run', int(m.group(2)))] * int(m.group(3)))
        else:
            out.append(('run', int(m.group(4))))
    return out


def _token(d):
    return f'c{d[1]}' if d[0] == 'cancel' else str(d[1])


def format_schedule(decisions):
    """The shortest string for these decisions, as lockstep prints it: trailing
    heads dropped, runs of one index compressed to N*R."""
    ds = list(decisions)
    while ds and ds[-1] == ('run', 0):
        ds.pop()
    parts = []
    i = 0
    while i < len(ds):
        j = i
        while j < len(ds) and ds[j] == ds[i]:
            j += 1
        run = j - i
        if ds[i][0] == 'run' and run > 1:
            parts.append(f'{ds[i][1]}*{run}')
        else:
            parts.extend([_token(ds[i])] * run)
        i = j
    return ','.join(parts)


class Chooser:
    """Decides at each choice point of ``_run_once_chosen``: which ready handle
    runs next, or a task.cancel() to inject first.  ``taken`` is every decision
    taken so far (the run's schedule)."""

    def __init__(self):
        self.taken = []

    def decide(self, loop, nready, cancellable):
        """('run', index below nready) or ('cancel', index in cancellable)."""
        raise NotImplementedError

    def schedule(self):
        return format_schedule(self.taken)


class ScheduleChooser(Chooser):
    """Follows a lockstep schedule; 0 (CPython's choice) once it is used up."""

    def __init__(self, decisions):
        super().__init__()
        self.decisions = list(decisions)

    def decide(self, loop, nready, cancellable):
        pos = len(self.taken)
        d = self.decisions[pos] if pos < len(self.decisions) else ('run', 0)
        if d[0] == 'cancel' and d[1] >= len(cancellable):
            loop._halt(ScheduleMisfit(
                f'decision {pos + 1} ({_token(d)}): only {len(cancellable)} cancellable tasks'))
        if d[0] == 'run' and d[1] >= nready:
            loop._halt(ScheduleMisfit(
                f'decision {pos + 1} ({_token(d)}): only {nready} ready handles'))
        self.taken.append(d)
        return d


class ShuffleChooser(Chooser):
    """A uniformly random ready handle at each choice point (seeded); with
    ``cancels`` > 0, also injects up to that many task.cancel() calls (each
    choice point with probability 1/8, as lockstep's random strategy does)."""

    def __init__(self, seed, cancels=0):
        super().__init__()
        self.rnd = random.Random(seed)
        self.cancels_left = cancels

    def decide(self, loop, nready, cancellable):
        if self.cancels_left > 0 and cancellable and self.rnd.randrange(8) == 0:
            self.cancels_left -= 1
            d = ('cancel', self.rnd.randrange(len(cancellable)))
        else:
            d = ('run', self.rnd.randrange(nready))
        self.taken.append(d)
        return d


# -- traces ---------------------------------------------------------------------
#
# A trace (--record-trace) is JSON lines, one per handle the loop runs, in
# order, plus one per injected cancellation and a final line (see the "check-
# trace" section of lockstep's README):
#   {"step": 3, "kind": "task-step", "task": "Task-2", "stdout": "...", "time": 0.0}
#   {"kind": "cancel", "task": "Task-3"}
#   {"stdout": "<the whole stdout>", "exit": 0}
# kind is what the handle IS: task-step / task-wakeup (with "task"), stop
# (run_until_complete's done callback), callback (a function of the scenario,
# or a method of a Future, Task or primitive, with "func"), internal (any other
# handle of asyncio itself: sleep's timer, timeouts, gather/shield
# bookkeeping; "func" only informs).

_PUBLIC_SELF = ('Future', 'Task', 'Lock', 'Event', 'Condition', 'Semaphore',
                'BoundedSemaphore', 'Barrier')


def describe_handle(handle, filename):
    """What a ready handle is, as a trace line's kind/task/func fields."""
    cb = handle._callback
    owner = getattr(cb, '__self__', None)
    name = getattr(cb, '__name__', None) or type(cb).__name__
    if isinstance(owner, asyncio.Task):
        if type(cb).__name__ == 'TaskStepMethWrapper' or name in ('__step', '_Task__step', 'task_step'):
            return {'kind': 'task-step', 'task': owner.get_name()}
        if 'wakeup' in name or 'Wakeup' in type(cb).__name__:
            return {'kind': 'task-wakeup', 'task': owner.get_name()}
    if cb is asyncio.base_events._run_until_complete_cb:
        return {'kind': 'stop'}
    func = getattr(cb, '__func__', cb)
    code = getattr(func, '__code__', None)
    if code is not None and code.co_filename == filename:
        return {'kind': 'callback', 'func': name}
    if owner is not None and type(owner).__name__ in _PUBLIC_SELF and (
            isinstance(owner, (asyncio.Future, asyncio.Task)) or
            type(owner).__module__ == 'asyncio.locks'):
        return {'kind': 'callback', 'func': f'{type(owner).__name__}.{name}'}
    if owner is builtins:
        return {'kind': 'callback', 'func': name}
    qual = getattr(cb, '__qualname__', None) or getattr(getattr(cb, 'func', None), '__qualname__', None) or name
    return {'kind': 'internal', 'func': qual}


class TraceRecorder:
    """Collects the trace lines of one run."""

    def __init__(self, filename, out):
        self.filename = filename
        self.out = out          # the StringIO that captures the scenario's stdout
        self.lines = []
        self.step = 0

    def before(self, handle):
        return describe_handle(handle, self.filename), self.out.tell()

    def after(self, loop, what, mark):
        self.step += 1
        rec = {'step': self.step}
        rec.update(what)
        rec['stdout'] = self.out.getvalue()[mark:]
        rec['time'] = loop.time()
        self.lines.append(rec)

    def cancel(self, task):
        self.lines.append({'kind': 'cancel', 'task': task.get_name()})

    def finish(self, stdout, exit_code):
        self.lines.append({'stdout': stdout, 'exit': exit_code})

    def text(self):
        return ''.join(json.dumps(l) + '\n' for l in self.lines)


class _ReadyQueue(collections.deque):
    """The loop's ``_ready`` deque.  CPython's own ``_run_once`` takes every
    handle it runs with ``self._ready.popleft()``: that is where steps are
    counted on the FIFO path."""

    def __init__(self, loop):
        super().__init__()
        self._loop_ref = weakref.ref(loop)

    def popleft(self):
        loop = self._loop_ref()
        if loop is not None:
            loop._count_step()
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


class TimerHandle(asyncio.events.TimerHandle):
    """CPython's ``TimerHandle`` with the clock of the spec: on a real
    monotonic clock each reading is later than the one before, so deadlines
    that are nominally equal on the virtual clock fire in the order they were
    computed.  Timers order by ``(when, seq)``, ``seq`` being the creation
    number of the timer; ``when()`` and ``loop.time()`` stay exact.  (heapq
    uses ``<`` only; the other comparisons follow it.  Same class name, so the
    repr is CPython's.)"""

    __slots__ = ('_seq',)

    def __init__(self, when, seq, callback, args, loop, context=None):
        super().__init__(when, callback, args, loop, context)
        self._seq = seq

    def _key(self):
        return (self._when, self._seq)

    def __hash__(self):
        return hash(self._key())

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, TimerHandle):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, TimerHandle):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, TimerHandle):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, TimerHandle):
            return self._key() >= other._key()
        return NotImplemented


class VirtualTimeLoop(asyncio.BaseEventLoop):
    def __init__(self, chooser=None, max_steps=DEFAULT_MAX_STEPS, trace=None):
        super().__init__()
        self._vtime = 0.0
        self._clock_resolution = 1e-9
        self._selector = _VirtualSelector(self)
        self._ready = _ReadyQueue(self)
        self._chooser = chooser
        self._trace = trace
        self._uncancellable_next = False
        self._max_steps = max_steps
        self._steps = 0        # handles taken from the ready queue
        self._iterations = 0   # calls of _run_once
        self._halted = None    # the Halt that stopped this loop, if any
        self._timer_seq = itertools.count()  # creation numbers of the timers

    # -- clock, I/O -------------------------------------------------------
    def time(self):
        return self._vtime

    def call_at(self, when, callback, *args, context=None):
        """CPython 3.12's ``call_at`` (``call_later`` calls it), creating our
        ``TimerHandle``: equal deadlines fire in creation order."""
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_at')
        timer = TimerHandle(when, next(self._timer_seq), callback, args, self,
                            context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

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
        if context is None:
            # 3.10's create_task has no context parameter.
            task = super().create_task(coro, name=name)
        else:
            task = super().create_task(coro, name=name, context=context)
        _task_seq[task] = next(_seq_counter)
        # Not cancellable by a schedule's cK: the main task of asyncio.run
        # (created by Runner.run; by run_until_complete on 3.10) and the tasks run_until_complete wraps a
        # coroutine in (Runner.close's shutdown_asyncgens and
        # shutdown_default_executor), as in lockstep's Runner.
        if self._uncancellable_next or sys._getframe(1).f_code is _RUNNER_RUN_CODE:
            _uncancellable.add(task)
        self._uncancellable_next = False
        return task

    def run_until_complete(self, future):
        self._uncancellable_next = not asyncio.isfuture(future)
        try:
            return super().run_until_complete(future)
        finally:
            self._uncancellable_next = False

    # -- scheduling ------------------------------------------------------------
    def _run_once(self):
        if self._halted is not None:
            raise self._halted
        self._iterations += 1
        if self._iterations > self._max_steps:
            self._halt(StepLimitExceeded('step limit exceeded'))
        if self._chooser is None:
            super()._run_once()
        else:
            self._run_once_chosen()

    def _run_once_chosen(self):
        """CPython's ``_run_once`` (3.11 and 3.12 have the same one) with a
        chooser in the batch loop, as lockstep's Runner.runForever: before each
        handle, cancelled handles leave the ready queue (those of the batch use
        up their place in it, as CPython skips them), then the chooser picks
        the handle to run (or injects a task.cancel() and is asked again); a
        handle of the batch uses up one place, one queued during this
        iteration does not.  With the choice always 0 this is CPython's FIFO."""
        be = asyncio.base_events
        sched_count = len(self._scheduled)
        if (sched_count > be._MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / sched_count >
                be._MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            new_scheduled = []
            for handle in self._scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    new_scheduled.append(handle)
            heapq.heapify(new_scheduled)
            self._scheduled = new_scheduled
            self._timer_cancelled_count = 0
        else:
            while self._scheduled and self._scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = heapq.heappop(self._scheduled)
                handle._scheduled = False

        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif self._scheduled:
            when = self._scheduled[0]._when
            timeout = min(max(0, when - self.time()), be.MAXIMUM_SELECT_TIMEOUT)

        event_list = self._selector.select(timeout)
        self._process_events(event_list)
        event_list = None

        end_time = self.time() + self._clock_resolution
        while self._scheduled:
            handle = self._scheduled[0]
            if handle._when >= end_time:
                break
            handle = heapq.heappop(self._scheduled)
            handle._scheduled = False
            self._ready.append(handle)

        ready = self._ready
        batch = len(ready)
        chooser = self._chooser
        trace = self._trace
        while True:
            batch = _drop_cancelled(ready, batch)
            if batch == 0:
                break
            if self._steps >= self._max_steps:
                self._halt(StepLimitExceeded('step limit exceeded'))
            cancellable = self.cancellable_tasks()
            what, index = chooser.decide(self, len(ready), cancellable)
            if what == 'cancel':
                task = cancellable[index]
                if trace is not None:
                    trace.cancel(task)
                task.cancel()
                continue
            handle = ready[index]
            del ready[index]
            if index < batch:
                batch -= 1
            self._steps += 1
            if trace is not None:
                what, mark = trace.before(handle)
                handle._run()
                trace.after(self, what, mark)
            else:
                handle._run()
        handle = None

    def cancellable_tasks(self):
        """Tasks a schedule's cK may cancel: not done, in creation order, not
        the main task of asyncio.run nor its shutdown tasks."""
        return [t for t in self.pending_tasks() if t not in _uncancellable]

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


_uncancellable = weakref.WeakSet()
# 3.10 has no Runner: its asyncio.run gives main() to run_until_complete.
_RUNNER_RUN_CODE = (asyncio.runners.Runner.run.__code__
                    if hasattr(asyncio.runners, 'Runner') else None)


def _drop_cancelled(ready, batch):
    """Removes the cancelled handles from the deque ``ready``; returns the new
    size of the batch (dropped handles of the batch used up their place)."""
    if not any(h._cancelled for h in ready):
        return batch
    kept = []
    left = batch
    for pos, h in enumerate(ready):
        if h._cancelled:
            if pos < batch:
                left -= 1
        else:
            kept.append(h)
    ready.clear()
    ready.extend(kept)
    return left


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


def _is_primitive(obj):
    """A Lock, Event, Condition, Semaphore or Barrier (also from --locks)."""
    t = type(obj)
    return (t.__module__ == 'asyncio.locks'
            and any(c.__name__ in _LOCK_NAMES for c in t.__mro__))


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
            if _is_primitive(owner):
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


# 3.14 renamed it (the public name is deprecated there).
_BasePolicy = getattr(asyncio.events, '_BaseDefaultEventLoopPolicy', None) or asyncio.events.BaseDefaultEventLoopPolicy


class VirtualTimePolicy(_BasePolicy):
    """Every new event loop (asyncio.run creates one) is a VirtualTimeLoop."""

    def __init__(self, chooser=None, max_steps=DEFAULT_MAX_STEPS, trace=None):
        super().__init__()
        self._chooser = chooser
        self._max_steps = max_steps
        self._trace = trace
        self.loops = []

    def new_event_loop(self):
        loop = VirtualTimeLoop(chooser=self._chooser, max_steps=self._max_steps,
                               trace=self._trace)
        self.loops.append(loop)
        return loop


def get_policy():
    """The event loop policy (3.14 deprecates the public getter)."""
    getter = getattr(asyncio.events, '_get_event_loop_policy', asyncio.events.get_event_loop_policy)
    return getter()


def set_policy(policy):
    """Sets the event loop policy (3.14 deprecates the public setter)."""
    setter = getattr(asyncio.events, '_set_event_loop_policy', asyncio.events.set_event_loop_policy)
    setter(policy)


def fix_pyodide():
    """Undo what pyodide does to asyncio at start-up: it replaces
    ``asyncio.run`` (not ``asyncio.runners.run``) by a wrapper that runs on
    its WebLoop, installs WebLoopPolicy, and leaves a WebLoop set as the
    running loop at top level.  Idempotent; harmless on plain CPython."""
    asyncio.run = asyncio.runners.run
    asyncio.events._set_running_loop(None)
    set_policy(VirtualTimePolicy())


class _Sink(io.StringIO):
    pass


def run_source(source, filename, chooser=None, max_steps=DEFAULT_MAX_STEPS):
    """Run a scenario (its source text) and return (stdout, exit, stderr)."""
    r = run_scenario(source, filename, chooser=chooser, max_steps=max_steps)
    return r['stdout'], r['exit'], r['stderr']


_LOCK_NAMES = ('Lock', 'Event', 'Condition', 'Semaphore', 'BoundedSemaphore', 'Barrier')


def load_locks(locks_source, path='<locks>'):
    """A module made from another asyncio/locks.py (e.g. a deliberately altered
    copy), for run_scenario(locks_source=...)."""
    # Named asyncio.locks (not registered in sys.modules) so that the classes
    # print as CPython's do: <asyncio.locks.Lock object at ... [unlocked]>.
    mod = types.ModuleType('asyncio.locks')
    mod.__package__ = 'asyncio'
    mod.__file__ = path
    exec(compile(locks_source, path, 'exec', dont_inherit=True), mod.__dict__)
    return mod


def run_scenario(source, filename, chooser=None, max_steps=DEFAULT_MAX_STEPS,
                 record_trace=False, locks_source=None, collect=True):
    """Run a scenario (its source text); a dict with stdout, exit, stderr, and
    when a chooser is given the schedule it took ("schedule"), and with
    record_trace the trace as JSON lines text ("trace").  ``collect=False``
    skips the final gc.collect() (only bench_runs does: it times the runs)."""
    out = io.StringIO()
    err = io.StringIO()
    saved = (sys.stdout, sys.stderr, sys.argv, get_policy(),
             asyncio.tasks._task_name_counter, asyncio.run,
             asyncio.tasks.all_tasks, asyncio.all_tasks)
    # (3.10 has no Barrier.)
    saved_locks = {n: getattr(asyncio, n) for n in _LOCK_NAMES if hasattr(asyncio, n)}
    if locks_source is not None:
        mod = load_locks(locks_source)
        for n in saved_locks:
            setattr(asyncio, n, getattr(mod, n))
    trace = None
    if record_trace:
        trace = TraceRecorder(filename, out)
        if chooser is None:
            chooser = ScheduleChooser([])
    asyncio.tasks.all_tasks = asyncio.all_tasks = _ordered_all_tasks
    policy = VirtualTimePolicy(chooser=chooser, max_steps=max_steps, trace=trace)
    asyncio.run = asyncio.runners.run
    asyncio.events._set_running_loop(None)
    set_policy(policy)
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
            if isinstance(halted, ScheduleMisfit):
                # As lockstep replay: no run, only the complaint.
                stdout_text = ''
                err.seek(0)
                err.truncate()
                tail = f'the schedule does not fit {filename}: {halted.report}\n'
            sys.stdout = sys.stderr = _Sink()
            _silence_pending(policy.loops)
            halted = None
        # Leave nothing behind for the next file.
        _close_loops(policy.loops)
        glob.clear()
        if collect:
            gc.collect()
    finally:
        sys.stdout, sys.stderr, sys.argv = saved[0], saved[1], saved[2]
        asyncio.events._set_running_loop(None)
        set_policy(saved[3])
        asyncio.tasks._task_name_counter = saved[4]
        asyncio.run = saved[5]
        asyncio.tasks.all_tasks, asyncio.all_tasks = saved[6], saved[7]
        for n, v in saved_locks.items():
            setattr(asyncio, n, v)
        linecache.cache.pop(filename, None)
    if stdout_text is None:
        stdout_text = out.getvalue()
    stderr_text = err.getvalue()
    if tail:
        if stderr_text and not stderr_text.endswith('\n'):
            stderr_text += '\n'
        stderr_text += tail
    result = {'stdout': stdout_text, 'exit': exit_code, 'stderr': stderr_text}
    if chooser is not None:
        result['schedule'] = chooser.schedule()
    if trace is not None:
        trace.finish(stdout_text, exit_code)
        result['trace'] = trace.text()
    return result


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


def result_json(path, stdout, exit_code, stderr, **extra):
    d = {'file': path, 'stdout': stdout, 'exit': exit_code, 'stderr': stderr}
    d.update(extra)
    return json.dumps(d)


def bench_runs(source, path, seed, cancel, runs, seconds, max_steps):
    """Times shuffled runs of one scenario in this process, as lockstep bench
    compares them with its random search: after a few untimed warm-up runs,
    runs with seeds seed, seed+1, ... (a ShuffleChooser each, as --shuffle)
    until ``runs`` have run or ``seconds`` have passed.  The time is
    time.perf_counter() around the runs only: the interpreter's start-up,
    pyodide's loading and the driver's I/O are not in it; each run is
    run_scenario's whole work (compiling the source, the run, closing the
    loop; not its final gc.collect(), which costs more than a small run and
    is no part of running the program).  Returns runs, seconds, runs_per_s,
    steps (handles run), steps_per_s, the interpreter (python: version, platform), and
    seed and cancel as given."""
    def once(k):
        chooser = ShuffleChooser(seed + k, cancel)
        run_scenario(source, path, chooser=chooser, max_steps=max_steps, collect=False)
        return sum(1 for d in chooser.taken if d[0] == 'run')
    for k in range(max(1, min(20, runs // 10))):
        once(k)
    done = steps = 0
    start = time.perf_counter()
    while done < runs and (done == 0 or time.perf_counter() - start < seconds):
        steps += once(done)
        done += 1
    elapsed = time.perf_counter() - start
    return {'runs': done, 'seconds': elapsed, 'runs_per_s': done / elapsed, 'steps': steps,
            'steps_per_s': steps / elapsed, 'python': sys.version.split()[0], 'platform': sys.platform,
            'seed': seed, 'cancel': cancel}


def run_request(req, source=None, locks_source=None):
    """Runs one request (a dict, as a line of --requests): file, and optionally
    schedule (a lockstep schedule), shuffle (a seed) with cancel (K), max_steps,
    record_trace (true: the result carries the trace text), locks (the path
    of another asyncio/locks.py); bench_runs (with bench_seconds) times
    shuffled runs instead (see bench_runs).  ``source``/``locks_source`` are the texts
    when the caller has read them already (the node driver does).  Returns the
    result dict: file, stdout, exit, stderr, and schedule / seed / trace when
    they apply.  A bad request gives exit 2 and the complaint on stderr."""
    path = req.get('file')
    try:
        if not isinstance(path, str):
            raise BadSchedule('request without a "file"')
        if source is None:
            source = read_source(path)
        if locks_source is None and req.get('locks'):
            locks_source = read_source(req['locks'])
        if req.get('bench_runs') is not None:
            return dict(bench_runs(source, path, int(req.get('shuffle') or 0), int(req.get('cancel') or 0),
                                   int(req['bench_runs']), float(req.get('bench_seconds') or 'inf'),
                                   int(req.get('max_steps') or DEFAULT_MAX_STEPS)), file=path)
        chooser = None
        if req.get('shuffle') is not None:
            if req.get('schedule'):
                raise BadSchedule('give either a schedule or a shuffle seed, not both')
            chooser = ShuffleChooser(int(req['shuffle']), int(req.get('cancel') or 0))
        elif req.get('schedule') is not None:
            chooser = ScheduleChooser(parse_schedule(req['schedule']))
        r = run_scenario(source, path, chooser=chooser,
                         max_steps=int(req.get('max_steps') or DEFAULT_MAX_STEPS),
                         record_trace=bool(req.get('record_trace')),
                         locks_source=locks_source)
    except (BadSchedule, OSError, ValueError, TypeError) as e:
        return {'file': path, 'stdout': '', 'exit': EXIT_MISFIT,
                'stderr': f'lockstep_cpython: {e}\n'}
    out = {'file': path}
    out.update(r)
    if req.get('shuffle') is not None:
        out['seed'] = int(req['shuffle'])
    return out


USAGE = """usage: lockstep_cpython.py [options] FILE
       lockstep_cpython.py --json [options] FILE...
       lockstep_cpython.py --requests REQUESTS.jsonl|-
options: --schedule S | --shuffle SEED [--cancel K] [--runs N] [--bench]
         --record-trace TRACE.jsonl   --locks LOCKS.py   --max-steps N"""


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    opts = {}
    as_json = False
    requests = None
    runs = 1
    bench = False
    trace_out = None
    files = []
    try:
        while argv:
            a = argv.pop(0)
            if a.startswith('--') and '=' in a:
                a, v = a.split('=', 1)
                argv.insert(0, v)
            if a == '--json':
                as_json = True
            elif a == '--max-steps':
                opts['max_steps'] = int(argv.pop(0))
            elif a == '--schedule':
                opts['schedule'] = argv.pop(0)
            elif a == '--shuffle':
                opts['shuffle'] = int(argv.pop(0))
            elif a == '--cancel':
                opts['cancel'] = int(argv.pop(0))
            elif a == '--runs':
                runs = int(argv.pop(0))
            elif a == '--bench':
                bench = True
            elif a == '--locks':
                opts['locks'] = argv.pop(0)
            elif a == '--record-trace':
                trace_out = argv.pop(0)
                opts['record_trace'] = True
            elif a == '--requests':
                requests = argv.pop(0)
            elif a in ('-h', '--help'):
                print(__doc__)
                return 0
            elif a.startswith('--'):
                raise ValueError(f'unknown option {a}')
            else:
                files.append(a)
        if opts.get('schedule') is not None:
            parse_schedule(opts['schedule'])
        if runs < 1 or (runs > 1 and 'shuffle' not in opts):
            raise ValueError('--runs N needs --shuffle SEED and N >= 1')
        if bench and not (as_json and 'shuffle' in opts and not trace_out):
            raise ValueError('--bench needs --json and --shuffle SEED (and no --record-trace)')
    except (IndexError, ValueError) as e:
        if str(e):
            print(f'lockstep_cpython: {e}', file=sys.stderr)
        print(USAGE, file=sys.stderr)
        return 2
    if requests is not None:
        if files or opts or as_json:
            print(USAGE, file=sys.stderr)
            return 2
        stream = sys.stdin if requests == '-' else open(requests, encoding='utf-8')
        for line in stream:
            if not line.strip():
                continue
            try:
                req = json.loads(line)
                if not isinstance(req, dict):
                    raise ValueError('a request is a JSON object')
            except ValueError as e:
                sys.stdout.write(json.dumps({'file': None, 'stdout': '', 'exit': EXIT_MISFIT,
                                             'stderr': f'lockstep_cpython: bad request: {e}\n'}) + '\n')
                continue
            sys.stdout.write(json.dumps(run_request(req)) + '\n')
            sys.stdout.flush()
        return 0
    if (not files or ((not as_json or trace_out) and len(files) != 1)
            or (runs > 1 and (not as_json or trace_out))):
        print(USAGE, file=sys.stderr)
        return 2
    if bench:
        for path in files:
            sys.stdout.write(json.dumps(run_request(dict(opts, file=path, bench_runs=runs))) + '\n')
            sys.stdout.flush()
        return 0
    if as_json:
        for path in files:
            for k in range(runs):
                req = dict(opts, file=path)
                if 'shuffle' in opts:
                    req['shuffle'] = opts['shuffle'] + k
                r = run_request(req)
                if trace_out:
                    with open(trace_out, 'w', encoding='utf-8') as f:
                        f.write(r.pop('trace', ''))
                sys.stdout.write(json.dumps(r) + '\n')
                sys.stdout.flush()
        return 0
    r = run_request(dict(opts, file=files[0]))
    if trace_out and 'trace' in r:
        with open(trace_out, 'w', encoding='utf-8') as f:
            f.write(r['trace'])
    sys.stdout.write(r['stdout'])
    sys.stdout.flush()
    if 'shuffle' in opts and 'schedule' in r:
        sys.stderr.write(f'schedule: {r["schedule"]}\n')
    stderr = r['stderr']
    if r['exit'] == EXIT_MISFIT and stderr and not stderr.startswith('lockstep_cpython: '):
        stderr = 'lockstep_cpython: ' + stderr
    sys.stderr.write(stderr)
    sys.stderr.flush()
    return r['exit']


if __name__ == '__main__':
    sys.exit(main())
