package lockstep.lang;

/**
 * A scenario file that lockstep refuses before running it: a syntax error or a
 * construct outside the supported subset. Printed as {@code FILE:LINE:COL: kind: message}.
 */
public final class ScenarioError extends Exception {
    private final String file;
    private final int line;
    private final int col;
    private final String kind;
    private final String detail;

    public ScenarioError(String file, int line, int col, String kind, String detail) {
        super(file + ":" + line + ":" + col + ": " + kind + ": " + detail);
        this.file = file;
        this.line = line;
        this.col = col;
        this.kind = kind;
        this.detail = detail;
    }

    public static ScenarioError unsupported(String file, Ast.Pos pos, String detail) {
        return new ScenarioError(file, pos.line(), pos.col(), "unsupported", detail);
    }

    public static ScenarioError syntax(String file, int line, int col, String detail) {
        return new ScenarioError(file, line, col, "syntax error", detail);
    }

    public String file() { return file; }
    public int line() { return line; }
    public int col() { return col; }
    public String kind() { return kind; }
    public String detail() { return detail; }
}
