package lockstep.lang;

import java.util.List;
import java.util.Set;

/**
 * One lexical token of a scenario file.
 *
 * @param kind   what sort of token it is
 * @param text   the source text (an operator, a name, a keyword; empty for layout tokens)
 * @param value  a NUMBER's Long, BigInteger or Double, a STRING's {@link StringValue}, an ERROR's
 *               {@link ScenarioError}; otherwise null
 * @param offset offset of its first character in the (normalized) source text
 * @param pos    1-based line:col of its first character
 */
public record Token(Kind kind, String text, Object value, int offset, Ast.Pos pos) {

    /** ERROR ends a file left inside brackets; its value is the ScenarioError "'(' was never closed". */
    public enum Kind { NAME, KEYWORD, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, ERROR, EOF }

    /** Python's hard keywords; soft keywords (match, case, type, _) are plain names. */
    static final Set<String> KEYWORDS = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
            "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
            "return", "try", "while", "with", "yield");

    /**
     * The payload of a STRING token. A plain string has its decoded text as its only
     * part (no part when empty); an f-string's parts are literal Strings and {@link Field}s.
     */
    public record StringValue(boolean isFString, List<Object> parts) {}

    /**
     * A replacement field {@code {expr!c:spec}} of an f-string, as the lexer finds it:
     * the expression's source is text[start, end), parsed later by the parser.
     *
     * @param conversion 0, 'r', 's' or 'a'
     * @param spec       the format spec as plain text, or null
     */
    public record Field(int start, int end, char conversion, String spec) {}

    boolean isOp(String op) {
        return kind == Kind.OP && text.equals(op);
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.KEYWORD && text.equals(keyword);
    }

    @Override public String toString() {
        return kind + (text.isEmpty() ? "" : " '" + text + "'") + " @" + pos;
    }
}
