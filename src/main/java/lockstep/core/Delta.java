package lockstep.core;

/**
 * The named differences between CPython versions that the model follows. The core and
 * the prelude say 3.12; each rule that differs in another version checks
 * {@code version.has(Delta.X)} at the one place it differs. A delta belongs to the
 * versions {@code from} to {@code to} (inclusive), and names where it comes from.
 */
public enum Delta {
    /**
     * asyncio.create_task(coro, name=N) gives the name to loop.create_task: the task
     * uses up no {@code Task-N} number (3.12 creates it unnamed, then renames it).
     */
    CREATE_TASK_NAMES_AT_ONCE(PyVersion.V3_13, PyVersion.V3_14, "tasks.py 3.13: create_task(coro, name=name)"),
    /**
     * Condition.wait: a waiter leaving wait() with an exception (cancelled after it was
     * notified, say) notifies another waiter, so no notification is lost.
     */
    CONDITION_WAIT_PASSES_NOTIFICATION_ON(PyVersion.V3_13, PyVersion.V3_14, "gh-112202"),
    /**
     * Condition.wait: a cancellation during the re-acquire of the lock is re-raised as
     * the same exception (its message kept), not as a bare CancelledError().
     */
    CONDITION_WAIT_KEEPS_CANCEL_MESSAGE(PyVersion.V3_13, PyVersion.V3_14, "gh-111693"),
    /**
     * Semaphore.acquire: a waiter that leaves (acquired or cancelled) wakes as many
     * waiters as there are units, not at most one; a cancelled waiter gives its unit back
     * only if it had been woken.
     */
    SEMAPHORE_WAKES_ALL_IT_CAN(PyVersion.V3_13, PyVersion.V3_14, "locks.py 3.13: Semaphore.acquire"),
    /** Barrier(parties < 1) raises ValueError('parties must be >= 1') (3.12: '> 0'). */
    BARRIER_PARTIES_MESSAGE(PyVersion.V3_13, PyVersion.V3_14, "locks.py 3.13"),
    /** asyncio.sleep(nan) raises ValueError('Invalid delay: NaN (not a number)') (3.12: fires at once). */
    SLEEP_REFUSES_NAN(PyVersion.V3_13, PyVersion.V3_14, "gh-105331, tasks.py 3.13: sleep"),
    /**
     * asyncio.wait_for with a timeout runs a coroutine in a task of its own and waits on a
     * future released by its end or by a timer (3.12 runs it in the caller's task under
     * asyncio.timeout()).
     */
    WAIT_FOR_ON_A_WAITER(PyVersion.V3_10, PyVersion.V3_11, "gh-96764 (3.12 rebuilt wait_for on timeout())"),
    /**
     * gather(): a child already done gets a done-callback like the others (run one loop
     * step later), so gather never finishes at once (3.12 calls its callback directly).
     */
    GATHER_DONE_CHILDREN_CALL_BACK(PyVersion.V3_10, PyVersion.V3_11, "gh-97696 (3.12's eager tasks)"),
    /**
     * asyncio has no Barrier, BrokenBarrierError, timeout(), timeout_at(), and tasks no
     * cancelling() or uncancel(): they arrive in 3.11 (using them is an AttributeError).
     */
    NO_3_11_API(PyVersion.V3_10, PyVersion.V3_10, "3.11 What's New: asyncio.Barrier, asyncio.timeout, Task.cancelling/uncancel"),
    /**
     * A primitive given loop= raises TypeError('As of 3.10, the *loop* parameter was
     * removed from Lock() since it is no longer necessary') (3.11 has no such parameter).
     */
    LOOP_PARAMETER_REFUSED_IN_WORDS(PyVersion.V3_10, PyVersion.V3_10, "mixins.py 3.10: _LoopBoundMixin"),
    /**
     * Awaiting a task that ended by raising CancelledError gives a new CancelledError()
     * (the message lost), not that exception itself.
     */
    CANCELLED_TASK_RAISES_ANEW(PyVersion.V3_10, PyVersion.V3_10, "bpo-45390 (3.11 passes the CancelledError on)"),
    /**
     * Future.result() before done: InvalidStateError('Result is not ready.'); set_result or
     * set_exception on a done future: InvalidStateError('FINISHED: <Future finished ...>').
     */
    FUTURE_STATE_MESSAGES(PyVersion.V3_10, PyVersion.V3_10, "the futures of the 3.10.2 oracle of record"),
    /**
     * The Semaphore before its 3.11 rewrite: locked() is value == 0; release() takes the
     * first waiter not done out of the queue and wakes it without taking a unit for it;
     * a woken waiter takes its unit only if one is still there when it runs, else it
     * queues again at the back (a newcomer may take the unit first); a cancelled waiter
     * stays queued until a release() passes it by.
     */
    SEMAPHORE_BEFORE_REWRITE(PyVersion.V3_10, PyVersion.V3_10, "bpo-45997 (gh-90155): 3.11 rewrote Semaphore.acquire"),
    /**
     * asyncio.TimeoutError is a class of its own (asyncio.exceptions.TimeoutError, an
     * Exception), not the builtin TimeoutError: {@code except TimeoutError} does not catch
     * what wait_for raises.
     */
    ASYNCIO_TIMEOUT_ERROR_OF_ITS_OWN(PyVersion.V3_10, PyVersion.V3_10, "bpo-42413 (3.11 made it the builtin)"),
    /**
     * No limit on int/str conversions: CPython 3.10.2 (the oracle of record) predates the
     * 4300-digit limit, which came in 3.10.7.
     */
    NO_INT_STR_DIGITS_LIMIT(PyVersion.V3_10, PyVersion.V3_10, "gh-95778 (CVE-2020-10735), 3.10.7"),
    /** int % 0: ZeroDivisionError('integer division or modulo by zero') (3.11: 'integer modulo by zero'). */
    INT_MODULO_MESSAGE(PyVersion.V3_10, PyVersion.V3_10, "longobject.c 3.11"),
    /** Task.uncancel() down to 0 also forgets a cancel() not yet delivered. */
    UNCANCEL_CLEARS_PENDING_CANCEL(PyVersion.V3_13, PyVersion.V3_14, "tasks.py 3.13: Task.uncancel"),
    /**
     * shield(): called from a task, it adds a done-callback to the inner future for the
     * "awaited by" graph; a cancelled outer puts _log_on_exception on the inner future.
     * Both run as handles of their own (more interleavings, same FIFO output).
     */
    SHIELD_CALLBACKS_OF_3_14(PyVersion.V3_14, PyVersion.V3_14, "gh-91048 (3.14's asyncio call graph), tasks.py 3.14"),
    /** Awaiting what cannot be awaited: TypeError("'Lock' object can't be awaited"). */
    AWAIT_MESSAGE_CANT_BE_AWAITED(PyVersion.V3_14, PyVersion.V3_14, "3.14 ceval message"),
    /** Every int or float division and modulo by zero: ZeroDivisionError('division by zero'); 0.0 ** -1: 'zero to a negative power'. */
    ZERO_DIVISION_MESSAGES(PyVersion.V3_14, PyVersion.V3_14, "3.14 int/float messages"),
    /** An unhashable dict key: TypeError "cannot use 'list' as a dict key (unhashable type: 'list')" (3.13: "unhashable type: 'list'"). */
    DICT_KEY_UNHASHABLE_MESSAGE(PyVersion.V3_14, PyVersion.V3_14, "3.14 dict messages"),
    /** An unbound local: "local variable 'x' referenced before assignment"; an unbound free variable: "free variable 'x' referenced before assignment in enclosing scope". */
    UNBOUND_MESSAGES_BEFORE_ASSIGNMENT(PyVersion.V3_10, PyVersion.V3_10, "3.11 ceval.c messages"),
    /** A float modulo by zero: ZeroDivisionError('float modulo by zero'), not 'float modulo' (3.14: 'division by zero'). */
    FLOAT_MODULO_BY_ZERO_MESSAGE(PyVersion.V3_13, PyVersion.V3_13, "3.13 floatobject.c"),
    /** str.replace(old, new, count=n): count may be given by keyword (3.12: positional only). */
    REPLACE_COUNT_BY_KEYWORD(PyVersion.V3_13, PyVersion.V3_14, "gh-106487 (3.13)"),
    /** str.startswith, endswith, count and index word their argument errors as Argument Clinic does ("count expected at least 1 argument, got 0"). */
    STR_METHODS_BY_ARGUMENT_CLINIC(PyVersion.V3_13, PyVersion.V3_14, "3.13 unicodeobject.c"),
    /** list.index(x) of a value not in the list: ValueError('list.index(x): x not in list'), not '9 is not in list'. */
    LIST_INDEX_MESSAGE(PyVersion.V3_14, PyVersion.V3_14, "3.14 listobject.c"),
    /** "%c" % "ab": TypeError('%c requires an int or a unicode character, not a string of length 2'), not '%c requires int or char'. */
    PERCENT_C_MESSAGE(PyVersion.V3_14, PyVersion.V3_14, "3.14 unicodeobject.c"),
    /** Future.set_exception(StopIteration): TypeError, the future left pending (3.12 sets a RuntimeError in its place). */
    FUTURE_REFUSES_STOP_ITERATION(PyVersion.V3_10, PyVersion.V3_11, "gh-89652 (3.12 futures.py)"),
    /**
     * asyncio.timeout() as 3.11 wrote it: entering a Timeout again is allowed (3.12: RuntimeError
     * 'Timeout has already been entered'), and rescheduling one never entered fails an assert.
     */
    TIMEOUT_REENTERS(PyVersion.V3_11, PyVersion.V3_11, "gh-102780 (3.12 timeouts.py)"),
    /** min() or max() of nothing: ValueError('min() arg is an empty sequence'), not 'min() iterable argument is empty'. */
    EMPTY_SEQUENCE_MESSAGE(PyVersion.V3_10, PyVersion.V3_11, "3.12 bltinmodule.c"),
    /** int() with too many arguments: "int expected at most 2 arguments, got 3" (Argument Clinic), not "int() takes at most 2 arguments (3 given)". */
    INT_BY_ARGUMENT_CLINIC(PyVersion.V3_13, PyVersion.V3_14, "3.13 longobject.c"),
    /** "abc"["a"]: TypeError('string indices must be integers'), without the type (3.11 names it). */
    STRING_INDEX_MESSAGE_BARE(PyVersion.V3_10, PyVersion.V3_10, "3.11 unicodeobject.c"),
    /** x in 5: "argument of type 'int' is not a container or iterable", not "... is not iterable". */
    CONTAINER_OR_ITERABLE_MESSAGE(PyVersion.V3_14, PyVersion.V3_14, "3.14 abstract.c"),
    /** dict([1]): TypeError('object is not iterable'), not 'cannot convert dictionary update sequence element #0 to a sequence'. */
    DICT_UPDATE_ELEMENT_NOT_ITERABLE(PyVersion.V3_14, PyVersion.V3_14, "3.14 dictobject.c"),
    /** str(b=1): "str() got an unexpected keyword argument 'b'", not "'b' is an invalid keyword argument for str()". */
    UNEXPECTED_KEYWORD_MESSAGE(PyVersion.V3_13, PyVersion.V3_14, "3.13 unicodeobject.c"),
    /** sorted(..., reverse=r) and list.sort: r must be an int ('str' object cannot be interpreted as an integer); 3.12 takes its truth. */
    SORT_REVERSE_IS_AN_INT(PyVersion.V3_10, PyVersion.V3_11, "gh-104465 (3.12 listobject.c)"),
    /** The futures of the oracle of record are pure Python (futures.py), so their errors are a Python function's ("Future.set_result() missing 1 required positional argument: 'result'"). */
    FUTURE_IN_PYTHON(PyVersion.V3_10, PyVersion.V3_10, "the futures of the 3.10.2 oracle of record"),
    /** A task's repr says {@code cancelling} while {@code _must_cancel} is set (3.11 on: while cancelling() > 0). */
    TASK_REPR_CANCELLING_IS_MUST_CANCEL(PyVersion.V3_10, PyVersion.V3_10, "base_tasks.py 3.10: _task_repr_info"),
    /** The callback a task leaves on the future it waits for is {@code Task.__wakeup} (3.11 on: {@code Task.task_wakeup}). */
    TASK_WAKEUP_NAMED_DUNDER(PyVersion.V3_10, PyVersion.V3_10, "the 3.10.2 oracle of record: cb=[Task.__wakeup()]"),
    /** Future.set_result() without its argument: "Future.set_result() takes exactly one argument (0 given)" (3.11's C futures). */
    FUTURE_METHODS_TAKE_ONE_ARGUMENT(PyVersion.V3_11, PyVersion.V3_11, "3.11 _asynciomodule.c"),
    /** sum() adds floats one by one, rounding each time (3.12 compensates: sum([0.1] * 10) is 1.0, not 0.9999999999999999). */
    SUM_ROUNDS_EACH_FLOAT(PyVersion.V3_10, PyVersion.V3_11, "gh-100425 (3.12 bltinmodule.c: sum)"),
    /** sum() of floats compensates for the ints among them too (3.12 and 3.13 add an int to the running float as it is). */
    SUM_COMPENSATES_INTS(PyVersion.V3_14, PyVersion.V3_14, "3.14 bltinmodule.c: sum"),
    /**
     * An uncaught NameError's or AttributeError's last traceback line has no "Did you mean: 'x'?":
     * these versions' oracles of record format tracebacks with traceback.py, which offers
     * suggestions from 3.12 on.
     */
    NO_NAME_SUGGESTIONS(PyVersion.V3_10, PyVersion.V3_11, "traceback.py 3.12: _compute_suggestion_error"),
    /**
     * Suggestions are chosen by the C module _suggestions: as far from the wrong name as a third
     * of their letters even when that is its whole length (3.12's traceback.py also wants it
     * nearer than that), a name of any length, lengths and edits counted in UTF-8 bytes.
     */
    SUGGESTIONS_BY_C_RULES(PyVersion.V3_13, PyVersion.V3_14, "traceback.py 3.13: _suggestions._generate_suggestions"),
    /** An AttributeError's suggestions leave out the attributes that start with '_' unless the wrong name does. */
    ATTRIBUTE_SUGGESTIONS_HIDE_UNDERSCORED(PyVersion.V3_13, PyVersion.V3_14, "traceback.py 3.13: _compute_suggestion_error"),
    /** asyncio.current_task is tasks.py's Python function in the oracles of record (3.12's is _asyncio's). */
    CURRENT_TASK_IN_PYTHON(PyVersion.V3_10, PyVersion.V3_11, "the 3.10.2 and 3.11.3 oracles of record"),
    /** asyncio.get_running_loop is events.py's Python function in the oracle of record. */
    GET_RUNNING_LOOP_IN_PYTHON(PyVersion.V3_10, PyVersion.V3_10, "the 3.10.2 oracle of record"),
    /** "Did you forget to import 'x'" ends with a question mark. */
    IMPORT_HINT_ASKS(PyVersion.V3_13, PyVersion.V3_14, "traceback.py 3.13: TracebackException");

    public final PyVersion from;
    public final PyVersion to;
    /** Where the difference comes from: a CPython issue, or the stdlib file that changed. */
    public final String reference;

    Delta(PyVersion from, PyVersion to, String reference) {
        this.from = from;
        this.to = to;
        this.reference = reference;
    }

    boolean in(PyVersion v) {
        return v.compareTo(from) >= 0 && v.compareTo(to) <= 0;
    }
}
