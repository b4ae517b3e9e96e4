package lockstep.lang;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import lockstep.lang.Token.Kind;

/**
 * Turns scenario source text into tokens, as Python's tokenizer does: NEWLINE ends a
 * logical line, INDENT/DEDENT mark changes of indentation (tabs advance to the next
 * multiple of 8), and line breaks inside brackets or after a backslash join lines.
 * String literals are scanned by {@link StringScanner}.
 *
 * <p>The same lexer also reads the expression of an f-string replacement field
 * ({@link #tokenizeField}): a slice of the file lexed as if inside brackets, so that
 * every token keeps its true position in the file.
 */
final class Lexer {
    /** CPython's limits; they also keep the recursive-descent parser's stack small. */
    private static final int MAX_BRACKETS = 200;
    private static final int MAX_INDENTS = 100;

    /** Every Python operator and delimiter, longest first so that "**=" wins over "**". */
    private static final String[] OPERATORS = {
        "**=", "//=", ">>=", "<<=", "...",
        "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", ":=",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
        "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">",
        "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=",
    };

    private static final Set<String> STRING_PREFIXES = Set.of("r", "u", "f", "b", "rb", "br", "fr", "rf");

    private final SourceText src;
    private final int end;
    /** True when lexing an f-string field: no layout tokens, newlines are plain spaces. */
    private final boolean fieldMode;
    /** How deeply f-strings are nested around this text (bounds the scanners' recursion). */
    private final int fstringDepth;
    private final List<Token> tokens = new ArrayList<>();
    /** Offsets of the brackets opened and not yet closed, innermost on top. */
    private final Deque<Integer> openBrackets = new ArrayDeque<>();
    /** Indentation levels, innermost on top: {width with tabs of 8, width with tabs of 1}. */
    private final Deque<int[]> indents = new ArrayDeque<>();
    private int i;
    private boolean atLineStart = true;
    private boolean lineHasTokens = false;

    private Lexer(SourceText src, int start, int end, boolean fieldMode, int fstringDepth) {
        this.src = src;
        this.i = start;
        this.end = end;
        this.fieldMode = fieldMode;
        this.fstringDepth = fstringDepth;
        indents.push(new int[] {0, 0});
    }

    /**
     * All tokens of a file, ending with NEWLINE (if the last line has tokens), DEDENTs and EOF.
     * A lexical error anywhere is thrown at once: CPython too reports it before any error of
     * its parser. The exception is a bracket left open at the end of the file: CPython
     * reports it only if its parser fails after that bracket's line, so the tokens then end
     * with an ERROR token holding "'(' was never closed", for the parser to weigh.
     */
    static List<Token> tokenize(SourceText src) throws ScenarioError {
        int nul = src.text.indexOf('\0');
        if (nul >= 0) throw src.syntax(nul, "source code cannot contain null bytes");
        return new Lexer(src, 0, src.text.length(), false, 0).run();
    }

    /** The tokens of the f-string field expression text[start, end), ending with EOF. */
    static List<Token> tokenizeField(SourceText src, int start, int end, int fstringDepth) throws ScenarioError {
        return new Lexer(src, start, end, true, fstringDepth).run();
    }

    // ------------------------------------------------------------------ main loop

    private List<Token> run() throws ScenarioError {
        while (true) {
            if (atLineStart && !insideBrackets()) {
                atLineStart = false;
                readIndentation();
            }
            int c = ch(i);
            if (c == -1) break;
            if (c == ' ' || c == '\t' || c == '\f') i++;
            else if (c == '#') skipComment();
            else if (c == '\n') endPhysicalLine();
            else if (c == '\\') joinLines();
            else readToken(c);
        }
        finish();
        return tokens;
    }

    /** The character at offset k, or -1 past the end of the text being lexed. */
    private int ch(int k) {
        return k < end ? src.text.charAt(k) : -1;
    }

    private boolean insideBrackets() {
        return fieldMode || !openBrackets.isEmpty();
    }

    private void emit(Kind kind, String text, Object value, int offset) {
        tokens.add(new Token(kind, text, value, offset, src.pos(offset)));
        if (kind != Kind.NEWLINE && kind != Kind.INDENT && kind != Kind.DEDENT) lineHasTokens = true;
    }

    private void skipComment() {
        while (ch(i) != -1 && ch(i) != '\n') i++;
    }

    /** A line break ends the logical line unless brackets are open. */
    private void endPhysicalLine() {
        if (!insideBrackets()) {
            if (lineHasTokens) emit(Kind.NEWLINE, "", null, i);
            atLineStart = true;
            lineHasTokens = false;
        }
        i++;
    }

    /** A backslash at the end of a line joins it with the next one. */
    private void joinLines() throws ScenarioError {
        if (ch(i + 1) == '\n' && ch(i + 2) != -1) {
            i += 2;
        } else if (ch(i + 1) == -1 || ch(i + 1) == '\n') {
            throw src.syntax(i, "unexpected EOF while parsing");
        } else {
            throw src.syntax(i + 1, "unexpected character after line continuation character");
        }
    }

    /** At the end: close the last line and all indented blocks, or report an unclosed bracket. */
    private void finish() throws ScenarioError {
        int at = Math.min(i, end);
        if (!openBrackets.isEmpty()) {
            int open = openBrackets.peek();
            ScenarioError unclosed = src.syntax(open, "'" + src.text.charAt(open) + "' was never closed");
            if (fieldMode) throw unclosed;
            emit(Kind.ERROR, "", unclosed, at);
        } else if (!fieldMode) {
            if (lineHasTokens) emit(Kind.NEWLINE, "", null, at);
            while (indents.size() > 1) {
                indents.pop();
                emit(Kind.DEDENT, "", null, at);
            }
        }
        emit(Kind.EOF, "", null, at);
    }

    // ------------------------------------------------------------------ indentation

    /** At the start of a line: skip blank and comment-only lines, then compare the indentation. */
    private void readIndentation() throws ScenarioError {
        while (true) {
            int[] width = measureIndentation();
            int first = i;
            if (ch(i) == '#') skipComment();
            if (ch(i) == '\n') { i++; continue; }
            if (ch(i) == -1) return;
            indentTo(width[0], width[1], first);
            return;
        }
    }

    /**
     * Reads the leading whitespace: returns {width with tabs to the next multiple of 8,
     * width with tabs of 1} (the second detects inconsistent tabs and spaces). As in
     * CPython, a backslash continuation inside it fixes the width where it stands,
     * unless it stands in column 0.
     */
    private int[] measureIndentation() throws ScenarioError {
        int wide = 0;
        int narrow = 0;
        int[] atBackslash = null;
        while (true) {
            int c = ch(i);
            if (c == ' ') { wide++; narrow++; }
            else if (c == '\t') { wide = (wide / 8 + 1) * 8; narrow++; }
            else if (c == '\f') { wide = 0; narrow = 0; }
            else if (c == '\\') {
                if (atBackslash == null && wide > 0) atBackslash = new int[] {wide, narrow};
                joinLines();
                continue;
            }
            else break;
            i++;
        }
        return atBackslash != null ? atBackslash : new int[] {wide, narrow};
    }

    private void indentTo(int wide, int narrow, int offset) throws ScenarioError {
        int[] top = indents.peek();
        if (wide > top[0]) {
            if (narrow <= top[1]) throw tabError(offset);
            if (indents.size() > MAX_INDENTS) throw src.syntax(offset, "too many levels of indentation");
            indents.push(new int[] {wide, narrow});
            emit(Kind.INDENT, "", null, offset);
            return;
        }
        while (wide < indents.peek()[0]) {
            indents.pop();
            emit(Kind.DEDENT, "", null, offset);
        }
        if (wide != indents.peek()[0]) {
            throw src.syntax(offset, "unindent does not match any outer indentation level");
        }
        if (narrow != indents.peek()[1]) throw tabError(offset);
    }

    private ScenarioError tabError(int offset) {
        return src.syntax(offset, "inconsistent use of tabs and spaces in indentation");
    }

    // ------------------------------------------------------------------ tokens

    private void readToken(int c) throws ScenarioError {
        if (isIdentifierStart(c)) readNameOrString();
        else if (isDigit(c) || (c == '.' && isDigit(ch(i + 1)))) readNumber();
        else if (c == '"' || c == '\'') readString(i, i);
        else readOperator();
    }

    static boolean isIdentifierStart(int c) {
        return c == '_' || (c >= 0 && Character.isUnicodeIdentifierStart((char) c));
    }

    static boolean isIdentifierPart(int c) {
        return c >= 0 && Character.isUnicodeIdentifierPart((char) c) && !Character.isIdentifierIgnorable((char) c);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** A name, a keyword, or the prefix of a string literal such as f"..." or r'...'. */
    private void readNameOrString() throws ScenarioError {
        int start = i;
        while (isIdentifierPart(ch(i))) i++;
        String word = src.text.substring(start, i);
        int q = ch(i);
        if ((q == '"' || q == '\'') && STRING_PREFIXES.contains(word.toLowerCase(Locale.ROOT))) {
            readString(start, i);
        } else {
            emit(Token.KEYWORDS.contains(word) ? Kind.KEYWORD : Kind.NAME, word, null, start);
        }
    }

    private void readString(int start, int quoteAt) throws ScenarioError {
        StringScanner.Result r = StringScanner.scan(src, end, fstringDepth, start, quoteAt);
        i = r.end();
        emit(Kind.STRING, src.text.substring(start, i), r.value(), start);
    }

    private void readOperator() throws ScenarioError {
        int start = i;
        for (String op : OPERATORS) {
            if (src.text.startsWith(op, i) && i + op.length() <= end) {
                trackBrackets(op.charAt(0), start);
                i += op.length();
                emit(Kind.OP, op, null, start);
                return;
            }
        }
        char c = src.text.charAt(i);
        if (c == '!' || c == '$' || c == '?' || c == '`') throw src.syntax(start, "invalid syntax");
        throw src.syntax(start, String.format("invalid character '%c' (U+%04X)", c, (int) c));
    }

    private void trackBrackets(char c, int offset) throws ScenarioError {
        if (c == '(' || c == '[' || c == '{') {
            if (openBrackets.size() >= MAX_BRACKETS) throw src.syntax(offset, "too many nested parentheses");
            openBrackets.push(offset);
        } else if (c == ')' || c == ']' || c == '}') {
            closeBracket(c, offset);
        }
    }

    private void closeBracket(char c, int offset) throws ScenarioError {
        if (openBrackets.isEmpty()) {
            throw src.syntax(offset, (fieldMode ? "f-string: " : "") + "unmatched '" + c + "'");
        }
        int open = openBrackets.pop();
        char o = src.text.charAt(open);
        if ("([{".indexOf(o) != ")]}".indexOf(c)) {
            String where = src.line(open) == src.line(offset) ? "" : " on line " + src.line(open);
            throw src.syntax(offset, "closing parenthesis '" + c
                    + "' does not match opening parenthesis '" + o + "'" + where);
        }
    }

    // ------------------------------------------------------------------ numbers

    /** Ints (decimal, 0x, 0o, 0b, with '_' between digits) and floats ({@code 1.5 .5 1e-3 2.}). */
    private void readNumber() throws ScenarioError {
        int start = i;
        boolean radix = ch(i) == '0' && "xXoObB".indexOf(ch(i + 1)) >= 0;
        Object value = radix ? readRadixInt(start) : readDecimal(start);
        int c = ch(i);
        if (c == 'j' || c == 'J') throw src.unsupported(start, "imaginary numbers");
        if (isIdentifierPart(c) && !keywordFollows()) throw src.syntax(start, "invalid decimal literal");
        emit(Kind.NUMBER, src.text.substring(start, i), value, start);
    }

    /** CPython still accepts a number glued to one of these keywords, as in {@code 1if x else 2}. */
    private boolean keywordFollows() {
        for (String keyword : List.of("and", "else", "for", "if", "in", "is", "not", "or")) {
            if (src.text.startsWith(keyword, i)) return true;
        }
        return false;
    }

    private Object readRadixInt(int start) throws ScenarioError {
        char letter = Character.toLowerCase(src.text.charAt(i + 1));
        int radix = letter == 'x' ? 16 : letter == 'o' ? 8 : 2;
        i += 2;
        if (ch(i) == '_') i++;  // 0x_ff is allowed
        String digits = readDigits(radix);
        if (digits.isEmpty()) {
            String name = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
            throw src.syntax(start, "invalid " + name + " literal");
        }
        return toInt(digits, radix, start);
    }

    private Object readDecimal(int start) throws ScenarioError {
        String whole = readDigits(10);
        StringBuilder text = new StringBuilder(whole);
        boolean isFloat = false;
        if (ch(i) == '.') {
            i++;
            isFloat = true;
            text.append('.').append(readDigits(10));
        }
        if (atExponent()) {
            isFloat = true;
            text.append('e');
            i++;
            if (ch(i) == '+' || ch(i) == '-') text.append((char) ch(i++));
            text.append(readDigits(10));
        }
        if (isFloat) return Double.parseDouble(text.toString());
        if (whole.length() > 1 && whole.startsWith("0") && !whole.matches("0+")) {
            throw src.syntax(start, "leading zeros in decimal integer literals are not permitted;"
                    + " use an 0o prefix for octal integers");
        }
        return toInt(whole, 10, start);
    }

    /** An exponent is 'e' or 'E', an optional sign, and at least one digit. */
    private boolean atExponent() {
        if (ch(i) != 'e' && ch(i) != 'E') return false;
        int k = ch(i + 1) == '+' || ch(i + 1) == '-' ? i + 2 : i + 1;
        return isDigit(ch(k));
    }

    /** Digits of the radix with single underscores between them; returns the digits alone. */
    private String readDigits(int radix) {
        StringBuilder digits = new StringBuilder();
        while (true) {
            int c = ch(i);
            if (isDigitOf(c, radix)) {
                digits.append((char) c);
                i++;
            } else if (c == '_' && digits.length() > 0 && isDigitOf(ch(i + 1), radix)) {
                i++;
            } else {
                return digits.toString();
            }
        }
    }

    private static boolean isDigitOf(int c, int radix) {
        return c >= 0 && c < 128 && Character.digit(c, radix) >= 0;
    }

    /** The most digits of a decimal int literal: CPython's default int_max_str_digits. */
    private static final int MAX_DECIMAL_DIGITS = 4300;

    /** The most bits of an int literal in another radix (the interpreter's bound on ints). */
    private static final int MAX_LITERAL_BITS = 1_000_000;

    /** An int literal's value: a Long when it fits, else a BigInteger (Python's ints are unbounded). */
    private Object toInt(String digits, int radix, int start) throws ScenarioError {
        if (radix == 10 && digits.length() > MAX_DECIMAL_DIGITS) {
            throw src.syntax(start, "Exceeds the limit (" + MAX_DECIMAL_DIGITS + " digits) for integer string conversion: value has "
                    + digits.length() + " digits; use sys.set_int_max_str_digits() to increase the limit"
                    + " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.");
        }
        if ((long) digits.length() * 4 > MAX_LITERAL_BITS) throw src.unsupported(start, "an integer literal this large");
        BigInteger v = new BigInteger(digits, radix);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }
}
