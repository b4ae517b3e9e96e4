package lockstep.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scans one string literal: its prefix (r, u, f, rf; b is refused), single or triple
 * quotes, backslash escapes, and for f-strings the replacement fields
 * {@code {expr}}, {@code {expr!r}}, {@code {expr:spec}}, {@code {expr=}} and the
 * doubled braces {@code {{ }}}. A field's expression is only located here (as in
 * Python 3.12, it may itself contain strings with any quotes); the parser lexes and
 * parses it later with {@link Lexer#tokenizeField}.
 */
final class StringScanner {
    /** How deeply f-strings may nest inside one another's fields. */
    private static final int MAX_FSTRING_DEPTH = 20;

    /** The scanned literal and the offset just past its closing quote. */
    record Result(Token.StringValue value, int end) {}

    private final SourceText src;
    private final int limit;
    private final int depth;
    private final int start;
    private final List<Object> parts = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();
    private boolean raw;
    private boolean fstring;
    private boolean triple;
    private int quote;
    private int i;

    private StringScanner(SourceText src, int limit, int depth, int start) {
        this.src = src;
        this.limit = limit;
        this.depth = depth;
        this.start = start;
    }

    /**
     * Scans the literal whose prefix starts at {@code start} and whose first quote is at
     * {@code quoteAt}, not reading past {@code limit}; {@code depth} counts enclosing f-strings.
     */
    static Result scan(SourceText src, int limit, int depth, int start, int quoteAt) throws ScenarioError {
        return new StringScanner(src, limit, depth, start).scan(quoteAt);
    }

    private Result scan(int quoteAt) throws ScenarioError {
        String prefix = src.text.substring(start, quoteAt).toLowerCase(Locale.ROOT);
        raw = prefix.contains("r");
        fstring = prefix.contains("f");
        quote = ch(quoteAt);
        triple = ch(quoteAt + 1) == quote && ch(quoteAt + 2) == quote;
        i = quoteAt + (triple ? 3 : 1);
        while (!atClosingQuote()) readOne();
        i += triple ? 3 : 1;
        // bytes are refused once the literal is known to be well formed, as CPython would first complain of that
        if (prefix.contains("b")) throw src.unsupported(start, "bytes literals");
        flushLiteral();
        return new Result(new Token.StringValue(fstring, List.copyOf(parts)), i);
    }

    private int ch(int k) {
        return k < limit ? src.text.charAt(k) : -1;
    }

    private boolean atClosingQuote() throws ScenarioError {
        int c = ch(i);
        if (c == -1 || (c == '\n' && !triple)) throw unterminated();
        return c == quote && (!triple || (ch(i + 1) == quote && ch(i + 2) == quote));
    }

    private ScenarioError unterminated() {
        String what = triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
        int detected = ch(i) == -1 ? Math.max(start, limit - 1) : i;  // the last line, not the empty one after it
        return src.syntax(start, what + " (detected at line " + src.line(detected) + ")");
    }

    /** Reads one character of the body, or one escape, brace pair or replacement field. */
    private void readOne() throws ScenarioError {
        int c = ch(i);
        if (c == '\\') readEscape(literal);
        else if (fstring && c == '{') readOpenBrace();
        else if (fstring && c == '}') readCloseBrace();
        else {
            literal.append((char) c);
            i++;
        }
    }

    private void flushLiteral() {
        if (literal.length() > 0) {
            parts.add(literal.toString());
            literal.setLength(0);
        }
    }

    // ------------------------------------------------------------------ escapes

    /** Appends what the backslash escape at i stands for to {@code out}. */
    private void readEscape(StringBuilder out) throws ScenarioError {
        int n = ch(i + 1);
        if (n == -1) throw unterminated();
        if (raw) {
            readRawBackslash(out, n);
            return;
        }
        int escape = i;
        i += 2;
        switch (n) {
            case '\n' -> { }  // a backslash-newline continues the string on the next line
            case '\\', '\'', '"' -> out.append((char) n);
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000B');
            case 'x' -> out.appendCodePoint(readHex(2, escape));
            case 'u' -> out.appendCodePoint(readHex(4, escape));
            case 'U' -> out.appendCodePoint(readHex(8, escape));
            case 'N' -> throw src.unsupported(escape, "'\\N{...}' escapes");
            default -> readOctalOrUnknown(out, n);
        }
    }

    /** In a raw string the backslash stays, and keeps a following quote or backslash from acting. */
    private void readRawBackslash(StringBuilder out, int n) {
        out.append('\\');
        i++;
        if (n == quote || n == '\\' || n == '\n') {
            out.append((char) n);
            i++;
        }
    }

    /** {@code \0} to {@code \777}; any other escape is kept as written (backslash included). */
    private void readOctalOrUnknown(StringBuilder out, int n) {
        if (n < '0' || n > '7') {
            out.append('\\');
            i--;  // the character after the backslash is read again as an ordinary one
            return;
        }
        int value = n - '0';
        for (int k = 0; k < 2 && ch(i) >= '0' && ch(i) <= '7'; k++) value = value * 8 + (ch(i++) - '0');
        out.append((char) value);
    }

    private int readHex(int digits, int escape) throws ScenarioError {
        int value = 0;
        for (int k = 0; k < digits; k++) {
            int d = ch(i) >= 0 && ch(i) < 128 ? Character.digit(ch(i), 16) : -1;
            if (d < 0) {
                char letter = src.text.charAt(escape + 1);
                String xs = "X".repeat(digits);
                throw src.syntax(escape, "(unicode error) truncated \\" + letter + xs + " escape");
            }
            value = value * 16 + d;
            i++;
        }
        if (value > Character.MAX_CODE_POINT || value < 0) {
            throw src.syntax(escape, "(unicode error) illegal Unicode character");
        }
        return value;
    }

    // ------------------------------------------------------------------ f-string fields

    private void readCloseBrace() throws ScenarioError {
        if (ch(i + 1) != '}') throw src.syntax(i, "f-string: single '}' is not allowed");
        literal.append('}');
        i += 2;
    }

    private void readOpenBrace() throws ScenarioError {
        if (ch(i + 1) == '{') {
            literal.append('{');
            i += 2;
        } else {
            readField();
        }
    }

    /** {@code {expr[=][!c][:spec]}}: locates the expression and reads what follows it. */
    private void readField() throws ScenarioError {
        int brace = i++;
        if (depth >= MAX_FSTRING_DEPTH) throw src.syntax(brace, "f-string: expressions nested too deeply");
        int exprStart = i;
        int exprEnd = skipExpression();
        if (!src.pep701) beforePep701(exprStart, exprEnd);
        if (src.text.substring(exprStart, exprEnd).isBlank()) {
            throw src.syntax(exprEnd, "f-string: valid expression required before '" + (char) ch(exprEnd) + "'");
        }
        String debugText = readDebugEquals(exprStart);
        char conversion = readConversion();
        String spec = readSpec();
        if (ch(i) != '}') throw src.syntax(i, "f-string: expecting '}'");
        i++;
        flushLiteral();
        if (debugText != null) {
            // {x=} prints "x=" then repr(x), unless a conversion or a spec says otherwise
            parts.add(debugText);
            if (conversion == 0 && spec == null) conversion = 'r';
        }
        parts.add(new Token.Field(exprStart, exprEnd, conversion, spec));
    }

    /**
     * Before 3.12 an f-string is first read as a plain string, so its quote ends it even inside a
     * field, and a field may hold no backslash and no comment.
     */
    private void beforePep701(int from, int to) throws ScenarioError {
        String q = triple ? String.valueOf((char) quote).repeat(3) : String.valueOf((char) quote);
        int at = src.text.indexOf(q, from);
        if (at >= 0 && at < to) throw src.syntax(at, "f-string: the f-string's quote inside a field (3.12 allows it)");
        for (int k = from; k < to; k++) {
            if (ch(k) == '\\') throw src.syntax(k, "f-string expression part cannot include a backslash");
            if (ch(k) == '#') throw src.syntax(k, "f-string expression part cannot include '#'");
        }
    }

    /**
     * Skips the field's expression: stops at '}', at '!' (not "!="), ':' or a
     * self-documenting '=' outside brackets; strings inside are skipped whole.
     */
    private int skipExpression() throws ScenarioError {
        int brackets = 0;
        while (true) {
            int c = ch(i);
            if (c == -1 || (c == '\n' && !triple)) throw unterminated();
            if (c == '#') throw src.syntax(i, "f-string expression part cannot include '#'");
            if (c == '"' || c == '\'') { i = scanNested(i, i); continue; }
            if (Lexer.isIdentifierStart(c)) { skipNameOrPrefixedString(); continue; }
            if (c == '(' || c == '[' || c == '{') brackets++;
            else if (c == ')' || c == ']') brackets = Math.max(0, brackets - 1);
            else if (c == '}' && brackets == 0) return i;
            else if (c == '}') brackets--;
            else if (brackets == 0 && endsExpression(c)) return i;
            i++;
        }
    }

    private boolean endsExpression(int c) {
        if (c == '!') return ch(i + 1) != '=';
        if (c == ':') return true;
        if (c == '=') return ch(i + 1) != '=' && "=!<>".indexOf(ch(i - 1)) < 0;
        return false;
    }

    private void skipNameOrPrefixedString() throws ScenarioError {
        int nameStart = i;
        while (Lexer.isIdentifierPart(ch(i))) i++;
        if (ch(i) == '"' || ch(i) == '\'') i = scanNested(nameStart, i);
    }

    /** A string inside a field: scanned whole (errors included) and then skipped. */
    private int scanNested(int prefixStart, int quoteAt) throws ScenarioError {
        return scan(src, limit, depth + 1, prefixStart, quoteAt).end();
    }

    /** After {@code {expr=}} the literal text is "expr=" with the spaces around it. */
    private String readDebugEquals(int exprStart) {
        if (ch(i) != '=') return null;
        i++;
        while (ch(i) == ' ' || ch(i) == '\t' || ch(i) == '\n') i++;
        return src.text.substring(exprStart, i);
    }

    private char readConversion() throws ScenarioError {
        if (ch(i) != '!') return 0;
        int c = ch(i + 1);
        boolean known = c == 'r' || c == 's' || c == 'a';
        if (!known || (ch(i + 2) != ':' && ch(i + 2) != '}')) {
            throw src.syntax(i + 1, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
        i += 2;
        return (char) c;
    }

    /** The format spec after ':' as plain text (escapes decoded); nested fields are refused. */
    private String readSpec() throws ScenarioError {
        if (ch(i) != ':') return null;
        i++;
        StringBuilder spec = new StringBuilder();
        while (ch(i) != '}') {
            int c = ch(i);
            if (c == -1 || (c == '\n' && !triple)) throw unterminated();
            if (c == quote && atClosingQuote()) throw src.syntax(i, "f-string: expecting '}'");
            if (c == '{') throw src.unsupported(i, "nested replacement fields in f-string format specs");
            if (c == '\\') {
                readEscape(spec);
            } else {
                spec.append((char) c);
                i++;
            }
        }
        return spec.toString();
    }
}
