package lockstep.oracle;

/** JSON writing for the command line (the reader stays package-private). */
public final class OracleJson {
    private OracleJson() {}

    /** Maps, lists, strings, numbers, booleans and null as one line of JSON. */
    public static String write(Object v) { return Json.write(v); }
}
