# lockstep's model of asyncio's coroutine-level glue (CPython 3.12 semantics; where
# another version differs, _has("DELTA") names the difference, lockstep.core.Delta).
#
# The state and the rules of every primitive are Java (lockstep.core: Lock, Event,
# Condition, Semaphore, Barrier, Future, Task); each "_name" native below applies one
# of their transitions. What this file says is only WHERE a task suspends and what it
# does when it resumes or is cancelled: that is what decides the interleavings, so it
# follows CPython 3.12's locks.py, tasks.py and timeouts.py step for step.
# Methods are named Type_method; the interpreter binds them to their objects.
# Where a coroutine here returns at once, the interpreter may do its first lines in Java
# instead of running it (lockstep.vm.AsyncioApi: enteredAtOnce for async with,
# returnedAtOnce for an awaited sleep(0), Lock_acquire, Semaphore_acquire, Event_wait):
# change those first lines there too.


# ---------------------------------------------------------------- Lock

async def Lock_acquire(self):
    # Fast path: free, and nobody but cancelled waiters queued.
    if _lock_try_take(self):
        return True
    fut = _lock_enqueue(self)
    try:
        try:
            await fut
        finally:
            _lock_dequeue(self, fut)
    except CancelledError:
        # If the lock is free, the turn we may have been given passes on.
        _lock_cancelled_waiter(self)
        raise
    _lock_take(self, fut)
    return True


async def Lock___aenter__(self):
    await Lock_acquire(self)


# ---------------------------------------------------------------- Event

async def Event_wait(self):
    if _event_is_set(self):
        return True
    fut = _event_enqueue(self)
    try:
        await fut
        return True
    finally:
        _event_dequeue(self, fut)


# ---------------------------------------------------------------- Condition

async def Condition_wait(self):
    # Checks that the lock is held, then releases it.
    _cond_release_for_wait(self)
    try:
        try:
            fut = _cond_enqueue(self)
            try:
                await fut
                return True
            except CancelledError:
                if not _has("CONDITION_WAIT_PASSES_NOTIFICATION_ON"):
                    # (monitor only) a notification this waiter had received is lost with it
                    _cond_cancelled_waiter(self, fut)
                raise
            finally:
                _cond_dequeue(self, fut)
        finally:
            # Whatever happened, re-acquire the lock before leaving; a cancellation that
            # arrives meanwhile is remembered and raised once the lock is held again
            # (3.12: as a bare CancelledError; 3.13: the last one itself).
            err = None
            while True:
                try:
                    await Lock_acquire(_cond_lock(self))
                    break
                except CancelledError as e:
                    err = e
            if err is not None:
                if _has("CONDITION_WAIT_KEEPS_CANCEL_MESSAGE"):
                    raise err
                raise CancelledError
    except BaseException:
        # 3.13: leaving with an exception, perhaps after being notified: notify
        # another waiter instead (a spurious wakeup at worst).
        if _has("CONDITION_WAIT_PASSES_NOTIFICATION_ON"):
            _cond_notify_waiters(self, 1)
        raise


async def Condition_wait_for(self, predicate):
    result = predicate()
    while not result:
        await Condition_wait(self)
        result = predicate()
    return result


async def Condition___aenter__(self):
    await Lock_acquire(_cond_lock(self))


# ---------------------------------------------------------------- Semaphore

async def Semaphore_acquire(self):
    if _has("SEMAPHORE_BEFORE_REWRITE"):
        # 3.10: a woken waiter checks for a unit again and may queue again, behind
        # newcomers; a cancelled one stays queued.
        while _sem_empty(self):
            fut = _sem_enqueue(self)
            try:
                await fut
            except BaseException:
                _sem_abandoned_waiter(self, fut)
                raise
        _sem_take(self)
        return True
    if _sem_try_take(self):
        return True
    fut = _sem_enqueue(self)
    try:
        try:
            await fut
        finally:
            _sem_dequeue(self, fut)
    except CancelledError:
        # A unit taken on our behalf (woken, then cancelled) goes back and on.
        _sem_cancelled_waiter(self, fut)
        raise
    # Units left over wake the next waiter.
    _sem_resumed_waiter(self, fut)
    return True


async def Semaphore___aenter__(self):
    await Semaphore_acquire(self)


# ---------------------------------------------------------------- Barrier

async def Barrier_wait(self):
    cond = _barrier_cond(self)
    async with cond:
        # Arrivals wait while the previous cycle drains or resets (wait_for tries the
        # predicate first: no suspension when it holds already).
        if not _barrier_admits(self):
            await Condition_wait_for(cond, _bound(_barrier_admits, self))
        if _barrier_broken(self):
            raise BrokenBarrierError("Barrier aborted")
        try:
            index = _barrier_arrive(self)
            if _barrier_is_last(self, index):
                _barrier_drain(self)
            else:
                # Not the last: the barrier is filling, so this always waits.
                await Condition_wait_for(cond, _bound(_barrier_tripped, self))
                if _barrier_fails(self):
                    raise BrokenBarrierError("Abort or reset of barrier")
            _barrier_passed(self, index)
            return index
        finally:
            _barrier_leave(self)


async def Barrier_reset(self):
    async with _barrier_cond(self):
        _barrier_reset(self)


async def Barrier_abort(self):
    async with _barrier_cond(self):
        _barrier_abort(self)


async def Barrier___aenter__(self):
    return await Barrier_wait(self)


# ---------------------------------------------------------------- tasks.py

async def sleep(delay, result=None):
    if delay <= 0:
        # sleep(0) is one bare yield to the loop.
        await _yield()
        return result
    if _has("SLEEP_REFUSES_NAN") and _is_nan(delay):
        raise ValueError("Invalid delay: NaN (not a number)")
    future = _create_future()
    handle = _call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        handle.cancel()


def ensure_future(aw):
    return _ensure_future(aw)


async def wait_for(fut, timeout):
    # 3.12: the awaitable runs inside the caller's task, under asyncio.timeout();
    # before (WAIT_FOR_ON_A_WAITER), a coroutine runs in a task of its own and the
    # caller waits on a future that its end or a timer releases.
    own_task = _has("WAIT_FOR_ON_A_WAITER")
    if own_task and timeout is None:
        return await fut
    if timeout is not None and timeout <= 0:
        fut = ensure_future(fut)
        if _future_done(fut):
            return _future_result(fut)
        await _cancel_and_wait(fut)
        try:
            return _future_result(fut)
        except CancelledError as exc:
            raise _new_timeout_error() from exc
    if own_task:
        return await _wait_for_on_a_waiter(fut, timeout)
    async with _timeout(timeout):
        return await fut


async def _wait_for_on_a_waiter(fut, timeout):
    # wait_for of 3.10 and 3.11 with a timeout > 0.
    waiter = _create_future()
    handle = _call_later(timeout, _release_waiter, waiter)
    release = lambda f: _release_waiter(waiter)
    fut = ensure_future(fut)
    _add_done_callback(fut, release)
    try:
        try:
            await waiter
        except CancelledError:
            if _future_done(fut):
                return _future_result(fut)
            _remove_done_callback(fut, release)
            await _cancel_and_wait(fut)
            raise
        if _future_done(fut):
            return _future_result(fut)
        _remove_done_callback(fut, release)
        await _cancel_and_wait(fut)
        try:
            return _future_result(fut)
        except CancelledError as exc:
            raise _new_timeout_error() from exc
    finally:
        handle.cancel()


async def _cancel_and_wait(fut):
    waiter = _create_future()
    release = lambda f: _release_waiter(waiter)
    _add_done_callback(fut, release)
    try:
        _future_cancel(fut)
        await waiter
    finally:
        _remove_done_callback(fut, release)


def _release_waiter(waiter):
    if not _future_done(waiter):
        _future_set_result(waiter, None)


def gather(*aws, return_exceptions=False):
    if not aws:
        outer = _create_future()
        _future_set_result(outer, [])
        return outer
    # tasks.py's loop over aws and its _done_callback are native (AsyncioApi.gather).
    return _gather(aws, return_exceptions)


def shield(aw):
    inner = ensure_future(aw)
    if _future_done(inner):
        return inner
    outer = _create_future()
    # 3.14 (SHIELD_CALLBACKS_OF_3_14): shield called from a task adds a callback that
    # keeps the "awaited by" graph, and a cancelled outer leaves _log_on_exception
    # on the inner future; each runs as a handle of its own.
    callbacks_3_14 = _has("SHIELD_CALLBACKS_OF_3_14")
    awaited_by = callbacks_3_14 and current_task() is not None

    def _clear_awaited_by_callback(inner):
        return None

    def _inner_done(inner):
        if _future_cancelled(outer):
            if not _future_cancelled(inner):
                _future_exception(inner)
            return
        if _future_cancelled(inner):
            _future_cancel(outer)
        else:
            exc = _future_exception(inner)
            if exc is not None:
                _future_set_exception(outer, exc)
            else:
                _future_set_result(outer, _future_result(inner))

    def _outer_done(outer):
        if not _future_done(inner):
            _remove_done_callback(inner, _inner_done)
            if callbacks_3_14:
                _remove_done_callback(inner, _log_on_exception)
                _add_done_callback(inner, _log_on_exception)

    if awaited_by:
        _add_done_callback(inner, _clear_awaited_by_callback)
    _add_done_callback(inner, _inner_done)
    _add_done_callback(outer, _outer_done)
    return outer


def _log_on_exception(fut):
    # 3.14: retrieves the exception of a shielded future whose outer was cancelled
    # (CPython reports it on stderr, which the model does not print).
    if not _future_cancelled(fut):
        _future_exception(fut)


# ---------------------------------------------------------------- runners.py

async def _shutdown_asyncgens():
    return None


async def _shutdown_default_executor():
    return None
