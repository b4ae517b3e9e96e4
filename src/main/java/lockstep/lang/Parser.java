package lockstep.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import lockstep.lang.Ast.*;
import lockstep.lang.Token.Kind;

/**
 * Parses a scenario file into an {@link Ast.Module}: the statements of the scenario
 * subset (section 2 of the scenario-language contract), on top of
 * {@link ExpressionParser}. Everything outside the subset is refused with an
 * "unsupported" {@link ScenarioError} at the offending construct; malformed Python
 * gets a "syntax error" where CPython would complain. Nothing else is ever thrown.
 */
public final class Parser extends ExpressionParser {
    /** Augmented assignments that are supported, as "op=" to op (see {@link AugAssign}). */
    private static final Set<String> AUG_SUPPORTED = Set.of("+=", "-=", "*=", "//=", "%=");
    private static final Set<String> AUG_REFUSED = Set.of("/=", "**=", "@=", "&=", "|=", "^=", "<<=", ">>=");

    /** Token index where the current statement starts (to word refusals of {@code *x}). */
    private int statementStart;

    private Parser(SourceText src, List<Token> tokens) {
        super(src, tokens, new Scope(false, false), 0, 0);
    }

    /** Parses a whole scenario file; {@code file} is the name used in error messages. */
    public static Ast.Module parse(String file, String source) throws ScenarioError {
        return parse(file, source, true);
    }

    /** As {@link #parse(String, String)}; {@code pep701}: f-strings as 3.12 reads them (else as 3.10 and 3.11 do). */
    public static Ast.Module parse(String file, String source, boolean pep701) throws ScenarioError {
        SourceText src = new SourceText(file, source);
        src.pep701 = pep701;
        Parser parser = new Parser(src, Lexer.tokenize(src));
        try {
            return parser.parseModule();
        } catch (StackOverflowError e) {
            // The nesting limits fit in a default 1 MB thread stack; this covers callers with less.
            throw parser.unsupportedAt(parser.peek(), "expressions nested this deeply");
        }
    }

    private Ast.Module parseModule() throws ScenarioError {
        List<Stmt> body = new ArrayList<>();
        while (!at(Kind.EOF)) body.addAll(parseStatement());
        return new Ast.Module(src.file, List.copyOf(body));
    }

    // ------------------------------------------------------------------ statements and blocks

    /** One statement; a line of simple statements joined by ';' gives several. */
    private List<Stmt> parseStatement() throws ScenarioError {
        statementStart = mark();
        Token t = peek();
        if (t.kind() == Kind.INDENT) throw syntaxAt(t, "unexpected indent");
        if (t.isOp("@")) throw unsupportedAt(t, "decorators");
        if (t.kind() == Kind.NAME && t.text().equals("match") && isMatchStatement()) {
            throw unsupportedAt(t, "'match' statements");
        }
        if (t.kind() == Kind.KEYWORD) {
            Stmt compound = parseCompound(t);
            if (compound != null) return List.of(compound);
        }
        return parseSimpleStatements();
    }

    private Stmt parseCompound(Token t) throws ScenarioError {
        return switch (t.text()) {
            case "if" -> parseIf();
            case "while" -> parseWhile();
            case "for" -> parseFor();
            case "try" -> parseTry();
            case "def" -> parseDef(t, false);
            case "async" -> parseAsync();
            case "with" -> throw unsupportedAt(t, "'with' statements (only 'async with')");
            case "class" -> throw unsupportedAt(t, "class definitions");
            default -> null;
        };
    }

    /**
     * The body after a compound statement's header: ':' then an indented block, or
     * simple statements on the same line. {@code what} names the header in errors.
     */
    private List<Stmt> parseBlock(String what, Token header) throws ScenarioError {
        expectOp(":");
        if (!at(Kind.NEWLINE)) return parseSimpleStatements();
        Token newline = next();
        if (!at(Kind.INDENT)) {
            // at the end of the file CPython points at the end of the header's line
            throw syntaxAt(atEndOfFile() ? newline : peek(), "expected an indented block after " + what + " on line " + header.pos().line());
        }
        next();
        List<Stmt> body = new ArrayList<>();
        while (!at(Kind.DEDENT) && !at(Kind.EOF)) body.addAll(parseStatement());
        next(); // DEDENT
        return List.copyOf(body);
    }

    /** {@code else:} or {@code finally:} and its block. */
    private List<Stmt> parseClause() throws ScenarioError {
        Token kw = next();
        return parseBlock("'" + kw.text() + "' statement", kw);
    }

    // ------------------------------------------------------------------ simple statements

    /** {@code stmt; stmt; ...} up to the end of the logical line. */
    private List<Stmt> parseSimpleStatements() throws ScenarioError {
        List<Stmt> stmts = new ArrayList<>();
        do {
            stmts.addAll(parseSimpleStatement());
        } while (acceptOp(";") && !at(Kind.NEWLINE));
        if (!at(Kind.NEWLINE)) throw invalidSyntax();
        next();
        return stmts;
    }

    private List<Stmt> parseSimpleStatement() throws ScenarioError {
        statementStart = mark();
        Token t = peek();
        if (t.kind() == Kind.NAME && t.text().equals("type") && peek(1).kind() == Kind.NAME) {
            throw unsupportedAt(t, "'type' statements");
        }
        if (t.kind() == Kind.KEYWORD) {
            switch (t.text()) {
                case "import": return parseImport();
                case "from": return List.of(parseFromImport());
                case "del": throw unsupportedAt(t, "'del'");
                default:
                    Stmt s = parseKeywordStatement(t);
                    if (s != null) return List.of(s);
            }
        }
        return List.of(parseExpressionStatement());
    }

    /** The simple statements that start with a keyword, or null for an expression statement. */
    private Stmt parseKeywordStatement(Token t) throws ScenarioError {
        return switch (t.text()) {
            case "pass" -> new Pass(next().pos());
            case "break" -> new Break(loopKeyword("'break' outside loop").pos());
            case "continue" -> new Continue(loopKeyword("'continue' not properly in loop").pos());
            case "return" -> parseReturn();
            case "raise" -> parseRaise();
            case "global" -> new Global(next().pos(), parseNames());
            case "nonlocal" -> parseNonlocal();
            case "assert" -> parseAssert();
            default -> null;
        };
    }

    /** Consumes break/continue, which must be inside a loop of the current function. */
    private Token loopKeyword(String outsideLoop) throws ScenarioError {
        if (scope.loops == 0) throw syntaxAt(peek(), outsideLoop);
        return next();
    }

    private boolean atStatementEnd() {
        return at(Kind.NEWLINE) || at(Kind.EOF) || atOp(";");
    }

    private Stmt parseReturn() throws ScenarioError {
        Token kw = next();
        if (!scope.inFunction) throw syntaxAt(kw, "'return' outside function");
        return new Return(kw.pos(), atStatementEnd() ? null : parseTestList());
    }

    /** {@code raise}, {@code raise E}, {@code raise E(msg)}, {@code raise E from cause}. */
    private Stmt parseRaise() throws ScenarioError {
        Token kw = next();
        if (atStatementEnd()) return new Raise(kw.pos(), null, null);
        Expr exc = parseTest();
        Expr cause = acceptKeyword("from") ? parseTest() : null;
        return new Raise(kw.pos(), exc, cause);
    }

    private Stmt parseNonlocal() throws ScenarioError {
        Token kw = next();
        if (!scope.inFunction) throw syntaxAt(kw, "nonlocal declaration not allowed at module level");
        return new Nonlocal(kw.pos(), parseNames());
    }

    /** {@code name, name, ...} after global or nonlocal. */
    private List<String> parseNames() throws ScenarioError {
        List<String> names = new ArrayList<>(List.of(expectName()));
        while (acceptOp(",")) names.add(expectName());
        return List.copyOf(names);
    }

    private Stmt parseAssert() throws ScenarioError {
        Token kw = next();
        Expr test = parseTest();
        Expr msg = acceptOp(",") ? parseTest() : null;
        return new Assert(kw.pos(), test, msg);
    }

    // ------------------------------------------------------------------ imports

    /** {@code import asyncio [as aio], ...}: one Import per module; only asyncio. */
    private List<Stmt> parseImport() throws ScenarioError {
        Token kw = next();
        List<Stmt> imports = new ArrayList<>();
        do {
            Token name = peek();
            String module = parseDottedName();
            if (!module.equals("asyncio")) {
                throw unsupportedAt(kw, "'import " + module + "' (only asyncio can be imported)");
            }
            imports.add(new Import(kw.pos(), module, acceptKeyword("as") ? expectName() : null));
        } while (acceptOp(","));
        return imports;
    }

    /** {@code from asyncio import Lock, Event as E} (parenthesized or not). */
    private Stmt parseFromImport() throws ScenarioError {
        Token kw = next();
        if (atOp(".") || atOp("...")) throw unsupportedAt(peek(), "relative imports");
        Token name = peek();
        String module = parseDottedName();
        expectKeyword("import");
        if (!module.equals("asyncio")) {
            throw unsupportedAt(kw, "'from " + module + " import' (only asyncio can be imported)");
        }
        if (atOp("*")) throw unsupportedAt(peek(), "'from asyncio import *'");
        boolean parenthesized = acceptOp("(");
        List<Alias> names = new ArrayList<>(List.of(parseAlias()));
        while (acceptOp(",") && !(parenthesized && atOp(")"))) names.add(parseAlias());
        if (parenthesized) expectOp(")");
        return new ImportFrom(kw.pos(), module, List.copyOf(names));
    }

    private Alias parseAlias() throws ScenarioError {
        Token t = peek();
        String name = expectName();
        return new Alias(t.pos(), name, acceptKeyword("as") ? expectName() : null);
    }

    private String parseDottedName() throws ScenarioError {
        StringBuilder name = new StringBuilder(expectName());
        while (acceptOp(".")) name.append('.').append(expectName());
        return name.toString();
    }

    // ------------------------------------------------------------------ expression statements, assignments

    /** An expression, {@code t1 = t2 = value}, or {@code target op= value}. */
    private Stmt parseExpressionStatement() throws ScenarioError {
        Pos start = peek().pos();
        Expr first = parseTestList();
        if (atOp("=")) return parseAssign(start, first);
        Token op = peek();
        if (op.kind() == Kind.OP && (AUG_SUPPORTED.contains(op.text()) || AUG_REFUSED.contains(op.text()))) {
            return parseAugAssign(start, first);
        }
        if (op.isOp(":")) throw unsupportedAt(start, "annotated assignments");
        return new ExprStmt(start, first);
    }

    private Stmt parseAssign(Pos start, Expr first) throws ScenarioError {
        List<Expr> exprs = new ArrayList<>(List.of(first));
        while (acceptOp("=")) exprs.add(parseTestList());
        List<Expr> targets = exprs.subList(0, exprs.size() - 1);
        for (Expr target : targets) checkTarget(target);
        return new Assign(start, List.copyOf(targets), exprs.get(exprs.size() - 1));
    }

    private Stmt parseAugAssign(Pos start, Expr target) throws ScenarioError {
        Token op = next();
        if (!(target instanceof Name || target instanceof Attribute || target instanceof Subscript)) {
            throw syntaxAt(target.pos(), "'" + describe(target) + "' is an illegal expression for augmented assignment");
        }
        if (AUG_REFUSED.contains(op.text())) throw unsupportedAt(op, "augmented assignment '" + op.text() + "'");
        String binOp = op.text().substring(0, op.text().length() - 1);
        return new AugAssign(start, target, binOp, parseTestList());
    }

    /** {@code *x} in a statement is refused; whether it sits in an assignment's target decides the wording. */
    @Override
    protected String starMessage() {
        return inAssignmentTarget(mark()) ? "star-unpacking in assignment" : super.starMessage();
    }

    /** Is there an '=' outside brackets after token {@code star} in the current simple statement? */
    private boolean inAssignmentTarget(int star) {
        int depth = 0;
        for (int k = statementStart; ; k++) {
            Token t = tokenAt(k);
            if (t.kind() == Kind.NEWLINE || t.kind() == Kind.EOF || (depth == 0 && t.isOp(";"))) return false;
            if (depth == 0 && t.isOp("=") && k > star) return true;
            depth += bracketDelta(t);
        }
    }

    // ------------------------------------------------------------------ if, while, for

    /** {@code if/elif/else}: each elif becomes an If alone in the orelse of the previous one. */
    private Stmt parseIf() throws ScenarioError {
        List<Token> keywords = new ArrayList<>();
        List<Expr> tests = new ArrayList<>();
        List<List<Stmt>> bodies = new ArrayList<>();
        do {
            Token kw = next();
            keywords.add(kw);
            tests.add(parseTest());
            bodies.add(parseBlock("'" + kw.text() + "' statement", kw));
        } while (atKeyword("elif"));
        List<Stmt> orelse = atKeyword("else") ? parseClause() : List.of();
        for (int k = keywords.size() - 1; k >= 0; k--) {
            orelse = List.of(new If(keywords.get(k).pos(), tests.get(k), bodies.get(k), orelse));
        }
        return orelse.get(0);
    }

    private Stmt parseWhile() throws ScenarioError {
        Token kw = next();
        Expr test = parseTest();
        List<Stmt> body = parseLoopBody(kw);
        List<Stmt> orelse = atKeyword("else") ? parseClause() : List.of();
        return new While(kw.pos(), test, body, orelse);
    }

    private Stmt parseFor() throws ScenarioError {
        Token kw = next();
        Expr target = parseTargetList();
        expectKeyword("in");
        Expr iter = parseTestList();
        List<Stmt> body = parseLoopBody(kw);
        List<Stmt> orelse = atKeyword("else") ? parseClause() : List.of();
        return new For(kw.pos(), target, iter, body, orelse);
    }

    /** A loop's block, inside which break and continue are allowed. */
    private List<Stmt> parseLoopBody(Token kw) throws ScenarioError {
        scope.loops++;
        List<Stmt> body = parseBlock("'" + kw.text() + "' statement", kw);
        scope.loops--;
        return body;
    }

    // ------------------------------------------------------------------ try

    private Stmt parseTry() throws ScenarioError {
        Token kw = next();
        List<Stmt> body = parseBlock("'try' statement", kw);
        List<Handler> handlers = new ArrayList<>();
        while (atKeyword("except")) handlers.add(parseHandler(handlers));
        if (handlers.isEmpty() && !atKeyword("finally")) {
            throw syntaxAt(peek(), "expected 'except' or 'finally' block");
        }
        List<Stmt> orelse = atKeyword("else") && !handlers.isEmpty() ? parseClause() : List.of();
        List<Stmt> finalbody = atKeyword("finally") ? parseClause() : List.of();
        return new Try(kw.pos(), body, List.copyOf(handlers), orelse, finalbody);
    }

    /** {@code except [T [as name]]:}; a bare except must be the last handler. */
    private Handler parseHandler(List<Handler> previous) throws ScenarioError {
        if (!previous.isEmpty() && previous.get(previous.size() - 1).type() == null) {
            throw syntaxAt(previous.get(previous.size() - 1).pos(), "default 'except:' must be last");
        }
        Token kw = next();
        if (atOp("*")) throw unsupportedAt(peek(), "'except*'");
        Expr type = null;
        String name = null;
        if (!atOp(":")) {
            type = parseTest();
            if (atOp(",")) throw syntaxAt(type.pos(), "multiple exception types must be parenthesized");
            if (acceptKeyword("as")) name = expectName();
        }
        return new Handler(kw.pos(), type, name, parseBlock("'except' statement", kw));
    }

    // ------------------------------------------------------------------ def, async def, async with

    /** {@code [async] def name(params) [-> annotation]: body}; {@code start} is 'def' or 'async'. */
    private Stmt parseDef(Token start, boolean isAsync) throws ScenarioError {
        Token kw = next(); // def
        String name = expectName();
        expectOp("(");
        Params params = parseParams(")", true);
        expectOp(")");
        if (acceptOp("->")) skipAnnotation();
        List<Stmt> body = inScope(new Scope(true, isAsync), () -> parseBlock("function definition", kw));
        return new FunctionDef(start.pos(), name, params, body, isAsync);
    }

    private Stmt parseAsync() throws ScenarioError {
        Token kw = next();
        if (atKeyword("def")) return parseDef(kw, true);
        if (atKeyword("with")) return parseAsyncWith(kw);
        if (atKeyword("for")) throw unsupportedAt(kw, "'async for'");
        throw invalidSyntax();
    }

    private record WithItem(Expr ctx, Expr target) {}

    /**
     * {@code async with a as x, b:} becomes AsyncWith(a, x, [AsyncWith(b, null, body)]);
     * the outermost is at 'async', the inner ones at their context expression.
     */
    private Stmt parseAsyncWith(Token asyncKw) throws ScenarioError {
        Token withKw = next();
        if (!scope.isAsync) throw syntaxAt(asyncKw, "'async with' outside async function");
        List<WithItem> items = parseWithItems();
        List<Stmt> body = parseBlock("'with' statement", withKw);
        for (int k = items.size() - 1; k >= 0; k--) {
            WithItem item = items.get(k);
            Pos pos = k == 0 ? asyncKw.pos() : item.ctx().pos();
            body = List.of(new AsyncWith(pos, item.ctx(), item.target(), body));
        }
        return body.get(0);
    }

    /** {@code a [as x], b [as y]}, optionally inside parentheses (Python 3.9+). */
    private List<WithItem> parseWithItems() throws ScenarioError {
        boolean parenthesized = atOp("(") && closingParenthesisThenColon();
        if (parenthesized) next();
        List<WithItem> items = new ArrayList<>();
        do {
            if (parenthesized && atOp(")")) break;
            Expr ctx = parseTest();
            Expr target = null;
            if (acceptKeyword("as")) {
                target = parseBitwise();
                checkTarget(target);
            }
            items.add(new WithItem(ctx, target));
        } while (acceptOp(","));
        if (parenthesized) expectOp(")");
        return items;
    }

    /** Is the '(' at the cursor closed by a ')' that ':' follows? */
    private boolean closingParenthesisThenColon() {
        int depth = 0;
        for (int k = 0; ; k++) {
            Token t = peek(k);
            if (t.kind() == Kind.EOF) return false;
            depth += bracketDelta(t);
            if (depth == 0) return peek(k + 1).isOp(":");
        }
    }

    /**
     * 'match' is a soft keyword: {@code match x:} starts a match statement, while
     * {@code match = 1} or {@code match(x)} use a name. A match header ends with ':'.
     */
    private boolean isMatchStatement() {
        Token after = peek(1);
        if (after.kind() == Kind.OP && Set.of("=", ".", ",", ")", ";", ":").contains(after.text())) return false;
        int depth = 0;
        Token last = peek();
        for (int k = 1; ; k++) {
            Token t = peek(k);
            if (t.kind() == Kind.NEWLINE || t.kind() == Kind.EOF) return last.isOp(":") && depth == 0;
            depth += bracketDelta(t);
            last = t;
        }
    }
}
