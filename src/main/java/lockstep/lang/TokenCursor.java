package lockstep.lang;

import java.util.List;

import lockstep.lang.Token.Kind;

/** The plumbing shared by the parsers: a cursor over a token list and the error builders. */
abstract class TokenCursor {
    protected final SourceText src;
    private final List<Token> tokens;
    /** "'(' was never closed" when the file ends inside brackets (see {@link Lexer#tokenize}), else null. */
    private final ScenarioError unclosed;
    private int index;

    /** {@code tokens} is never empty: it ends with an EOF token, maybe after an ERROR token. */
    TokenCursor(SourceText src, List<Token> tokens) {
        this.src = src;
        this.tokens = tokens;
        Token beforeEof = tokens.get(Math.max(0, tokens.size() - 2));
        this.unclosed = beforeEof.kind() == Kind.ERROR ? (ScenarioError) beforeEof.value() : null;
    }

    Token peek() {
        return tokens.get(index);
    }

    /** The token {@code ahead} places after the current one (EOF past the end). */
    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    /** Whether nothing but the dedents that close the open blocks is left before the end of the file. */
    boolean atEndOfFile() {
        for (int k = index; k < tokens.size(); k++) {
            Kind kind = tokens.get(k).kind();
            if (kind == Kind.EOF) return true;
            if (kind != Kind.DEDENT) return false;
        }
        return true;
    }

    /** Consumes and returns the current token; EOF is never consumed. */
    Token next() {
        Token t = tokens.get(index);
        if (index < tokens.size() - 1) index++;
        return t;
    }

    /** The index of the current token, to look back at a statement's tokens later. */
    int mark() {
        return index;
    }

    Token tokenAt(int k) {
        return tokens.get(Math.min(k, tokens.size() - 1));
    }

    boolean at(Kind kind) {
        return peek().kind() == kind;
    }

    boolean atOp(String op) {
        return peek().isOp(op);
    }

    boolean atKeyword(String keyword) {
        return peek().isKeyword(keyword);
    }

    boolean acceptOp(String op) {
        if (!atOp(op)) return false;
        next();
        return true;
    }

    boolean acceptKeyword(String keyword) {
        if (!atKeyword(keyword)) return false;
        next();
        return true;
    }

    Token expectOp(String op) throws ScenarioError {
        if (!atOp(op)) throw op.equals(":") ? syntaxAt(peek(), "expected ':'") : invalidSyntax();
        return next();
    }

    void expectKeyword(String keyword) throws ScenarioError {
        if (!acceptKeyword(keyword)) throw invalidSyntax();
    }

    String expectName() throws ScenarioError {
        if (!at(Kind.NAME)) throw invalidSyntax();
        return next().text();
    }

    /** Is the current token an opening or closing bracket? Returns +1, -1 or 0. */
    static int bracketDelta(Token t) {
        if (t.kind() != Kind.OP) return 0;
        return switch (t.text()) {
            case "(", "[", "{" -> 1;
            case ")", "]", "}" -> -1;
            default -> 0;
        };
    }

    /**
     * Every error of the parsers is built here or in {@link #unsupportedAt}. In a file that
     * ends inside brackets, CPython blames the unclosed bracket when its parser fails at the
     * end or on a later line than the bracket, and a refusal matters less than the syntax error.
     */
    ScenarioError syntaxAt(Ast.Pos pos, String detail) {
        boolean blameBracket = unclosed != null && (at(Kind.ERROR) || pos.line() > unclosed.line());
        return blameBracket ? unclosed : ScenarioError.syntax(src.file, pos.line(), pos.col(), detail);
    }

    ScenarioError syntaxAt(Token t, String detail) {
        return syntaxAt(t.pos(), detail);
    }

    ScenarioError unsupportedAt(Ast.Pos pos, String detail) {
        return unclosed != null ? unclosed : ScenarioError.unsupported(src.file, pos, detail);
    }

    ScenarioError unsupportedAt(Token t, String detail) {
        return unsupportedAt(t.pos(), detail);
    }

    /** The generic complaint about the current token. */
    ScenarioError invalidSyntax() {
        Token t = peek();
        return syntaxAt(t, t.kind() == Kind.INDENT ? "unexpected indent" : "invalid syntax");
    }
}
