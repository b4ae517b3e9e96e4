package lockstep.vm;

/** A Python exception travelling through Java code; the interpreter turns it back into a raise. */
public final class PyRaise extends RuntimeException {
    public final PyExc exc;

    public PyRaise(PyExc exc) {
        super(exc.type.name, null, false, false);
        this.exc = exc;
    }

    public static PyRaise of(PyType type, String message) {
        return new PyRaise(PyExc.of(type, message));
    }
}
