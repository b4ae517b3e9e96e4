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

    public PyExc(PyType type, Vec<Object> args) {
        this.type = type;
        this.args = args;
    }

    public static PyExc of(PyType type, String message) {
        return new PyExc(type, message == null ? Vec.of() : Vec.of(message));
    }

    @Override public boolean equals(Object o) {
        return o instanceof PyExc e && e.type == type && e.args.equals(args);
    }

    @Override public int hashCode() { return type.name.hashCode() * 31 + args.hashCode(); }

    @Override public String toString() { return type.name + args; }
}
