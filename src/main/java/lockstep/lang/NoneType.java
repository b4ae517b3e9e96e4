package lockstep.lang;

/** Python's None: one value, used by the compiler for constants and by the interpreter everywhere. */
public enum NoneType {
    NONE;

    @Override public String toString() { return "None"; }
}
