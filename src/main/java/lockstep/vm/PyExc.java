package lockstep.vm;

import lockstep.core.Vec;

/**
 * A Python exception instance: its class and its args. Instances are immutable; two
 * raises of "the same" exception share one Java object, so {@code is} is reference
 * identity while equality (for state comparison) is by value.
 */
public final class PyExc {
    public final PyType type;
    public final Vec<Object> args;
    /**
     * What a traceback adds to its last line when this exception ends the program (a
     * NameError's "Did you mean: 'x'?", see {@link Suggestions}), or null; never in {@code str(e)}.
     */
    public final String hint;

    public PyExc(PyType type, Vec<Object> args) {
        this(type, args, null);
    }

    public PyExc(PyType type, Vec<Object> args, String hint) {
        this.type = type;
        this.args = args;
        this.hint = hint;
    }

    public static PyExc of(PyType type, String message) {
        return new PyExc(type, message == null ? Vec.of() : Vec.of(message));
    }

    @Override public boolean equals(Object o) {
        return o instanceof PyExc e && e.type == type && e.args.equals(args) && java.util.Objects.equals(e.hint, hint);
    }

    @Override public int hashCode() { return type.name.hashCode() * 31 + args.hashCode(); }

    @Override public String toString() { return type.name + args; }
}
