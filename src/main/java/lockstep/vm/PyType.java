package lockstep.vm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Python class object, as far as scenarios see classes: the builtin types (for
 * {@code type(x).__name__} and isinstance) and the exception hierarchy of the subset.
 */
public final class PyType {
    public final String name;
    public final String module;     // "builtins" or "asyncio.exceptions"
    public final PyType base;

    private PyType(String name, String module, PyType base) {
        this.name = name;
        this.module = module;
        this.base = base;
    }

    private static final Map<String, PyType> BY_NAME = new LinkedHashMap<>();

    private static PyType def(String name, String module, PyType base) {
        PyType t = new PyType(name, module, base);
        BY_NAME.put(name, t);
        return t;
    }

    public static PyType byName(String name) { return BY_NAME.get(name); }

    public boolean isSubclassOf(PyType other) {
        for (PyType t = this; t != null; t = t.base) if (t == other) return true;
        return false;
    }

    public boolean isException() { return isSubclassOf(BASE_EXCEPTION); }

    /** The name traceback prints: module-qualified unless builtin. */
    public String qualifiedName() { return module.equals("builtins") ? name : module + "." + name; }

    @Override public String toString() { return "<class '" + qualifiedName() + "'>"; }

    public static final PyType OBJECT = def("object", "builtins", null);
    public static final PyType INT = def("int", "builtins", OBJECT);
    public static final PyType BOOL = def("bool", "builtins", INT);
    public static final PyType FLOAT = def("float", "builtins", OBJECT);
    public static final PyType STR = def("str", "builtins", OBJECT);
    public static final PyType LIST = def("list", "builtins", OBJECT);
    public static final PyType TUPLE = def("tuple", "builtins", OBJECT);
    public static final PyType DICT = def("dict", "builtins", OBJECT);
    public static final PyType NONE_TYPE = def("NoneType", "builtins", OBJECT);
    public static final PyType FUNCTION = def("function", "builtins", OBJECT);
    public static final PyType BUILTIN_FUNCTION = def("builtin_function_or_method", "builtins", OBJECT);
    public static final PyType METHOD = def("method", "builtins", OBJECT);
    public static final PyType COROUTINE = def("coroutine", "builtins", OBJECT);
    public static final PyType GENERATOR = def("generator", "builtins", OBJECT);
    public static final PyType ZIP = def("zip", "builtins", OBJECT);
    public static final PyType METHOD_DESCRIPTOR = def("method_descriptor", "builtins", OBJECT);
    public static final PyType ENUMERATE = def("enumerate", "builtins", OBJECT);
    public static final PyType LIST_REVERSEITERATOR = def("list_reverseiterator", "builtins", OBJECT);
    public static final PyType REVERSED = def("reversed", "builtins", OBJECT);
    public static final PyType DICT_REVERSEKEYITERATOR = def("dict_reversekeyiterator", "builtins", OBJECT);
    public static final PyType DICT_REVERSEVALUEITERATOR = def("dict_reversevalueiterator", "builtins", OBJECT);
    public static final PyType DICT_REVERSEITEMITERATOR = def("dict_reverseitemiterator", "builtins", OBJECT);
    public static final PyType TYPE = def("type", "builtins", OBJECT);
    public static final PyType MODULE = def("module", "builtins", OBJECT);
    public static final PyType RANGE = def("range", "builtins", OBJECT);
    public static final PyType SLICE = def("slice", "builtins", OBJECT);
    public static final PyType ITERATOR = def("iterator", "builtins", OBJECT);
    public static final PyType DICT_KEYS = def("dict_keys", "builtins", OBJECT);
    public static final PyType DICT_VALUES = def("dict_values", "builtins", OBJECT);
    public static final PyType DICT_ITEMS = def("dict_items", "builtins", OBJECT);
    public static final PyType DICT_KEY_ITERATOR = def("dict_keyiterator", "builtins", ITERATOR);
    public static final PyType RANGE_ITERATOR = def("range_iterator", "builtins", ITERATOR);
    public static final PyType DEQUE = def("deque", "collections", OBJECT);

    public static final PyType FUTURE = def("Future", "asyncio.futures", OBJECT);
    public static final PyType TASK = def("Task", "asyncio.tasks", FUTURE);
    public static final PyType LOCK = def("Lock", "asyncio.locks", OBJECT);
    public static final PyType EVENT = def("Event", "asyncio.locks", OBJECT);
    public static final PyType CONDITION = def("Condition", "asyncio.locks", OBJECT);
    public static final PyType SEMAPHORE = def("Semaphore", "asyncio.locks", OBJECT);
    public static final PyType BOUNDED_SEMAPHORE = def("BoundedSemaphore", "asyncio.locks", SEMAPHORE);
    public static final PyType BARRIER = def("Barrier", "asyncio.locks", OBJECT);
    public static final PyType TIMEOUT = def("Timeout", "asyncio.timeouts", OBJECT);
    public static final PyType TIMER_HANDLE = def("TimerHandle", "asyncio.events", OBJECT);
    public static final PyType HANDLE = def("Handle", "asyncio.events", OBJECT);
    public static final PyType LOOP = def("_VirtualTimeLoop", "asyncio.base_events", OBJECT);

    public static final PyType BASE_EXCEPTION = def("BaseException", "builtins", OBJECT);
    public static final PyType EXCEPTION = def("Exception", "builtins", BASE_EXCEPTION);
    public static final PyType CANCELLED_ERROR = def("CancelledError", "asyncio.exceptions", BASE_EXCEPTION);
    public static final PyType KEYBOARD_INTERRUPT = def("KeyboardInterrupt", "builtins", BASE_EXCEPTION);
    public static final PyType SYSTEM_EXIT = def("SystemExit", "builtins", BASE_EXCEPTION);
    public static final PyType RUNTIME_ERROR = def("RuntimeError", "builtins", EXCEPTION);
    public static final PyType NOT_IMPLEMENTED_ERROR = def("NotImplementedError", "builtins", RUNTIME_ERROR);
    public static final PyType RECURSION_ERROR = def("RecursionError", "builtins", RUNTIME_ERROR);
    public static final PyType BROKEN_BARRIER_ERROR = def("BrokenBarrierError", "asyncio.exceptions", RUNTIME_ERROR);
    public static final PyType INVALID_STATE_ERROR = def("InvalidStateError", "asyncio.exceptions", EXCEPTION);
    public static final PyType VALUE_ERROR = def("ValueError", "builtins", EXCEPTION);
    public static final PyType LOOKUP_ERROR = def("LookupError", "builtins", EXCEPTION);
    public static final PyType KEY_ERROR = def("KeyError", "builtins", LOOKUP_ERROR);
    public static final PyType INDEX_ERROR = def("IndexError", "builtins", LOOKUP_ERROR);
    public static final PyType TYPE_ERROR = def("TypeError", "builtins", EXCEPTION);
    public static final PyType ASSERTION_ERROR = def("AssertionError", "builtins", EXCEPTION);
    public static final PyType ARITHMETIC_ERROR = def("ArithmeticError", "builtins", EXCEPTION);
    public static final PyType ZERO_DIVISION_ERROR = def("ZeroDivisionError", "builtins", ARITHMETIC_ERROR);
    public static final PyType OVERFLOW_ERROR = def("OverflowError", "builtins", ARITHMETIC_ERROR);
    public static final PyType NAME_ERROR = def("NameError", "builtins", EXCEPTION);
    public static final PyType UNBOUND_LOCAL_ERROR = def("UnboundLocalError", "builtins", NAME_ERROR);
    public static final PyType ATTRIBUTE_ERROR = def("AttributeError", "builtins", EXCEPTION);
    public static final PyType OS_ERROR = def("OSError", "builtins", EXCEPTION);
    public static final PyType TIMEOUT_ERROR = def("TimeoutError", "builtins", OS_ERROR);
    public static final PyType STOP_ITERATION = def("StopIteration", "builtins", EXCEPTION);
    /** asyncio.TimeoutError before 3.11: its own class, not the builtin ({@link lockstep.core.Delta#ASYNCIO_TIMEOUT_ERROR_OF_ITS_OWN}). */
    public static final PyType ASYNCIO_TIMEOUT_ERROR = new PyType("TimeoutError", "asyncio.exceptions", EXCEPTION);
}
