package lockstep.lang;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import lockstep.lang.Ast.*;
import lockstep.lang.Token.Kind;

/**
 * Recursive-descent parser of expressions, one method per precedence level, loosest first:
 * lambda &lt; if-else &lt; or &lt; and &lt; not &lt; comparisons &lt; (refused bitwise operators)
 * &lt; + - &lt; * / // % &lt; unary - + &lt; ** &lt; await &lt; calls, subscripts, attributes &lt; atoms.
 * Constructs outside the scenario subset are refused where they start.
 */
class ExpressionParser extends TokenCursor {
    /** Bounds the recursion (nested brackets, chains of unary operators, nested f-strings). */
    private static final int MAX_NESTING = 250;

    /**
     * Bounds the depth of the tree, which the later passes walk recursively: a chain
     * {@code 1+1+...} or {@code f()()...} is parsed by a loop but makes a tree as deep as it
     * is long. CPython refuses such chains too, with "RecursionError: maximum recursion
     * depth exceeded during compilation", from a few thousand links.
     */
    private static final int MAX_TREE_DEPTH = 1000;

    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
    private static final Set<String> ARITH_OPS = Set.of("+", "-");
    private static final Set<String> TERM_OPS = Set.of("*", "/", "//", "%");
    private static final Set<String> BITWISE_OPS = Set.of("|", "^", "&", "<<", ">>");
    private static final Set<String> KEYWORDS_STARTING_EXPRESSIONS =
            Set.of("True", "False", "None", "not", "lambda", "await", "yield");
    private static final Set<String> OPERATORS_STARTING_EXPRESSIONS = Set.of("(", "[", "{", "-", "+", "~", "*", "...");

    /** Where the code being parsed sits: module level or a function body, and how many loops deep. */
    static final class Scope {
        final boolean inFunction;
        final boolean isAsync;
        int loops;

        Scope(boolean inFunction, boolean isAsync) {
            this.inFunction = inFunction;
            this.isAsync = isAsync;
        }
    }

    /** A parsing method, to pass a precedence level to a shared helper. */
    @FunctionalInterface
    interface Sub<T> {
        T parse() throws ScenarioError;
    }

    protected Scope scope;
    private int nesting;
    /** Where the call being parsed has a generator expression without its own parentheses (it must be the only argument). */
    private Token bareGenExp;
    /** Links of the left-deep chains (binary operators, trailers) being parsed around the cursor. */
    private int chainDepth;
    private final int fstringDepth;

    ExpressionParser(SourceText src, List<Token> tokens, Scope scope, int nesting, int fstringDepth) {
        super(src, tokens);
        this.scope = scope;
        this.nesting = nesting;
        this.fstringDepth = fstringDepth;
    }

    /** Runs {@code sub} one level deeper, refusing absurdly deep nesting instead of overflowing the stack. */
    private <T> T nested(Sub<T> sub) throws ScenarioError {
        if (++nesting > MAX_NESTING || nesting + chainDepth > MAX_TREE_DEPTH) throw unsupportedAt(peek(), "expressions nested this deeply");
        T result = sub.parse();
        nesting--;
        return result;
    }

    /** Runs {@code sub} inside {@code inner} (a function or lambda body), then restores the scope. */
    <T> T inScope(Scope inner, Sub<T> sub) throws ScenarioError {
        Scope saved = scope;
        scope = inner;
        try {
            return sub.parse();
        } finally {
            scope = saved;
        }
    }

    // ------------------------------------------------------------------ lists of expressions

    /** {@code test, test, ...}: a bare tuple if there is a comma (a trailing one is allowed). */
    Expr parseTestList() throws ScenarioError {
        Token start = peek();
        Expr first = parseElement();
        if (!atOp(",")) return first;
        List<Expr> elts = new ArrayList<>(List.of(first));
        while (acceptOp(",") && startsExpression(peek())) elts.add(parseElement());
        return new TupleExpr(start.pos(), List.copyOf(elts));
    }

    /** An element of a tuple or list: an expression; {@code *x} is refused. */
    Expr parseElement() throws ScenarioError {
        if (atOp("*")) throw unsupportedAt(peek(), starMessage());
        return parseTest();
    }

    /** What to say about {@code *x} outside call arguments; the statement parser knows better. */
    protected String starMessage() {
        return "star-unpacking in list/tuple displays";
    }

    private static boolean startsExpression(Token t) {
        return switch (t.kind()) {
            case NAME, NUMBER, STRING -> true;
            case KEYWORD -> KEYWORDS_STARTING_EXPRESSIONS.contains(t.text());
            case OP -> OPERATORS_STARTING_EXPRESSIONS.contains(t.text());
            default -> false;
        };
    }

    // ------------------------------------------------------------------ test, lambda, if-else

    /** A full expression: lambda, {@code a if c else b}, or an or-test. */
    Expr parseTest() throws ScenarioError {
        return nested(this::parseTestInner);
    }

    private Expr parseTestInner() throws ScenarioError {
        if (atKeyword("lambda")) return parseLambda();
        Token start = peek();
        Expr body = parseOrTest();
        if (atOp(":=")) throw unsupportedAt(body.pos(), "walrus ':='");
        if (!acceptKeyword("if")) return body;
        Expr test = parseOrTest();
        if (!acceptKeyword("else")) throw syntaxAt(body.pos(), "expected 'else' after 'if' expression");
        return new IfExp(start.pos(), test, body, parseTest());
    }

    /** {@code lambda params: body}; defaults belong to the enclosing scope, the body to its own. */
    private Expr parseLambda() throws ScenarioError {
        Token kw = next();
        Params params = parseParams(":", false);
        expectOp(":");
        Expr body = inScope(new Scope(true, false), this::parseTest);
        return new Lambda(kw.pos(), params, body);
    }

    // ------------------------------------------------------------------ boolean operators, comparisons

    Expr parseOrTest() throws ScenarioError {
        return parseBoolOp("or", this::parseAndTest);
    }

    private Expr parseAndTest() throws ScenarioError {
        return parseBoolOp("and", this::parseNotTest);
    }

    /** {@code a op b op c} as one BoolOp with all the values. */
    private Expr parseBoolOp(String op, Sub<Expr> operand) throws ScenarioError {
        Token start = peek();
        Expr first = operand.parse();
        if (!atKeyword(op)) return first;
        List<Expr> values = new ArrayList<>(List.of(first));
        while (acceptKeyword(op)) values.add(operand.parse());
        return new BoolOp(start.pos(), op, List.copyOf(values));
    }

    private Expr parseNotTest() throws ScenarioError {
        if (!atKeyword("not")) return parseComparison();
        Token not = next();
        return new UnaryOp(not.pos(), "not", nested(this::parseNotTest));
    }

    /** A chain {@code a < b <= c} becomes one Compare. */
    private Expr parseComparison() throws ScenarioError {
        Token start = peek();
        Expr left = parseBitwise();
        List<String> ops = new ArrayList<>();
        List<Expr> comparators = new ArrayList<>();
        for (String op = comparisonOperator(); op != null; op = comparisonOperator()) {
            ops.add(op);
            comparators.add(parseBitwise());
        }
        if (ops.isEmpty()) return left;
        return new Compare(start.pos(), left, List.copyOf(ops), List.copyOf(comparators));
    }

    /** Consumes and returns the comparison operator at the cursor, or returns null. */
    private String comparisonOperator() {
        Token t = peek();
        if (t.kind() == Kind.OP && COMPARISONS.contains(t.text())) return next().text();
        if (acceptKeyword("in")) return "in";
        if (acceptKeyword("is")) return acceptKeyword("not") ? "is not" : "is";
        if (t.isKeyword("not") && peek(1).isKeyword("in")) {
            next();
            next();
            return "not in";
        }
        return null;
    }

    // ------------------------------------------------------------------ arithmetic

    /** The bitwise operators sit between comparisons and + -; all of them are refused. */
    Expr parseBitwise() throws ScenarioError {
        Expr e = parseArith();
        refuseOperator(BITWISE_OPS);
        return e;
    }

    private Expr parseArith() throws ScenarioError {
        return parseBinary(ARITH_OPS, this::parseTerm);
    }

    private Expr parseTerm() throws ScenarioError {
        Expr e = parseBinary(TERM_OPS, this::parseFactor);
        refuseOperator(Set.of("@"));
        return e;
    }

    /** Left-associative {@code a op b op c}. */
    private Expr parseBinary(Set<String> ops, Sub<Expr> operand) throws ScenarioError {
        Token start = peek();
        Expr left = operand.parse();
        int saved = chainDepth;
        while (at(Kind.OP) && ops.contains(peek().text())) {
            Token op = next();
            chainLink(op);
            left = new BinOp(start.pos(), op.text(), left, operand.parse());
        }
        chainDepth = saved;
        return left;
    }

    /** One more link of a left-deep chain: refused past {@link #MAX_TREE_DEPTH}. */
    private void chainLink(Token at) throws ScenarioError {
        if (nesting + ++chainDepth > MAX_TREE_DEPTH) throw unsupportedAt(at, "expressions nested this deeply");
    }

    private void refuseOperator(Set<String> refused) throws ScenarioError {
        Token t = peek();
        if (t.kind() == Kind.OP && refused.contains(t.text())) {
            throw unsupportedAt(t, "operator '" + t.text() + "'");
        }
    }

    /** Unary minus and plus; {@code ~} is refused. */
    private Expr parseFactor() throws ScenarioError {
        Token t = peek();
        if (t.isOp("-") || t.isOp("+")) {
            next();
            return new UnaryOp(t.pos(), t.text(), nested(this::parseFactor));
        }
        if (t.isOp("~")) throw unsupportedAt(t, "operator '~'");
        return parsePower();
    }

    /** {@code primary ** factor}: binds tighter than a unary operator on its left, right-associative. */
    private Expr parsePower() throws ScenarioError {
        Token start = peek();
        Expr e = atKeyword("await") ? parseAwait() : parsePrimary();
        if (!acceptOp("**")) return e;
        return new BinOp(start.pos(), "**", e, nested(this::parseFactor));
    }

    private Expr parseAwait() throws ScenarioError {
        Token kw = next();
        if (!scope.isAsync) {
            throw syntaxAt(kw, scope.inFunction ? "'await' outside async function" : "'await' outside function");
        }
        return new Await(kw.pos(), parsePrimary());
    }

    // ------------------------------------------------------------------ primaries: calls, subscripts, attributes

    /** An atom and its trailers; each node starts where the atom does (at its '(' if parenthesized). */
    private Expr parsePrimary() throws ScenarioError {
        Pos start = peek().pos();
        Expr e = parseAtom();
        int saved = chainDepth;
        while (true) {
            if (atOp("(") || atOp("[") || atOp(".")) chainLink(peek());
            if (atOp("(")) {
                e = parseCall(start, e);
            } else if (atOp("[")) {
                e = parseSubscript(start, e);
            } else if (acceptOp(".")) {
                e = new Attribute(start, e, expectName());
            } else {
                chainDepth = saved;
                return e;
            }
        }
    }

    /** {@code f(a, *rest, key=value)}; no positional argument may follow a keyword one. */
    private Expr parseCall(Pos start, Expr func) throws ScenarioError {
        next(); // (
        Token outer = bareGenExp;
        bareGenExp = null;
        List<Arg> args = new ArrayList<>();
        Set<String> keywords = new HashSet<>();
        while (!atOp(")")) {
            Arg arg = parseArg();
            checkArgOrder(arg, keywords);
            args.add(arg);
            if (!acceptOp(",")) break;
        }
        Token bare = bareGenExp;
        bareGenExp = outer;
        if (bare != null && args.size() > 1) throw syntaxAt(bare, "Generator expression must be parenthesized");
        expectOp(")");
        return new Call(start, func, List.copyOf(args));
    }

    private void checkArgOrder(Arg arg, Set<String> keywords) throws ScenarioError {
        if (arg.kind() == ArgKind.POSITIONAL && !keywords.isEmpty()) {
            throw syntaxAt(arg.pos(), "positional argument follows keyword argument");
        }
        if (arg.kind() == ArgKind.KEYWORD && !keywords.add(arg.name())) {
            throw syntaxAt(arg.pos(), "keyword argument repeated: " + arg.name());
        }
    }

    private Arg parseArg() throws ScenarioError {
        Token t = peek();
        if (t.isOp("**")) throw unsupportedAt(t, "'**' arguments");
        if (acceptOp("*")) return new Arg(t.pos(), ArgKind.STAR, null, parseTest());
        if (t.kind() == Kind.NAME && peek(1).isOp("=")) {
            next();
            next();
            return new Arg(t.pos(), ArgKind.KEYWORD, t.text(), parseTest());
        }
        Expr value = parseTest();
        if (atOp("=")) throw syntaxAt(t, "expression cannot contain assignment, perhaps you meant \"==\"?");
        if (atKeyword("for") || atKeyword("async")) {
            value = parseGenExp(t, value);
            bareGenExp = t;
        }
        return new Arg(t.pos(), ArgKind.POSITIONAL, null, value);
    }

    /** {@code v[i]}, {@code v[a:b:c]}, {@code v[1, 2]} (a tuple index). */
    private Expr parseSubscript(Pos start, Expr value) throws ScenarioError {
        next(); // [
        Pos indexStart = peek().pos();
        Expr first = parseSliceItem();
        Expr index = first;
        if (atOp(",")) {
            List<Expr> elts = new ArrayList<>(List.of(first));
            while (acceptOp(",") && !atOp("]")) elts.add(parseSliceItem());
            index = new TupleExpr(indexStart, List.copyOf(elts));
        }
        expectOp("]");
        return new Subscript(start, value, index);
    }

    /** An index or a slice {@code [lower]:[upper][:[step]]}. */
    private Expr parseSliceItem() throws ScenarioError {
        Token start = peek();
        Expr lower = atOp(":") ? null : parseElement();
        if (!acceptOp(":")) return lower;
        Expr upper = atSliceEnd() ? null : parseTest();
        Expr step = null;
        if (acceptOp(":") && !atSliceEnd()) step = parseTest();
        return new Slice(start.pos(), lower, upper, step);
    }

    private boolean atSliceEnd() {
        return atOp(":") || atOp(",") || atOp("]");
    }

    // ------------------------------------------------------------------ atoms

    private Expr parseAtom() throws ScenarioError {
        Token t = peek();
        switch (t.kind()) {
            case NAME:
                next();
                return new Name(t.pos(), t.text());
            case NUMBER:
                next();
                return new Const(t.pos(), t.value());
            case STRING:
                return parseStrings();
            case KEYWORD:
                return parseKeywordAtom(t);
            case OP:
                return parseBracketAtom(t);
            default:
                throw invalidSyntax();
        }
    }

    private Expr parseKeywordAtom(Token t) throws ScenarioError {
        switch (t.text()) {
            case "True": next(); return new Const(t.pos(), Boolean.TRUE);
            case "False": next(); return new Const(t.pos(), Boolean.FALSE);
            case "None": next(); return new Const(t.pos(), null);
            case "yield": throw unsupportedAt(t, "yield");
            default: throw invalidSyntax();
        }
    }

    private Expr parseBracketAtom(Token t) throws ScenarioError {
        switch (t.text()) {
            case "(": return parseParenthesized();
            case "[": return parseListDisplay();
            case "{": return parseBraces();
            case "...": throw unsupportedAt(t, "'...' (Ellipsis)");
            default: throw invalidSyntax();
        }
    }

    /** {@code ()}, {@code (x)}, {@code (x,)}, {@code (a, b)}; generator expressions are refused. */
    private Expr parseParenthesized() throws ScenarioError {
        Token open = next();
        if (acceptOp(")")) return new TupleExpr(open.pos(), List.of());
        Expr first = parseElement();
        if (atKeyword("for") || atKeyword("async")) {
            Expr g = parseGenExp(open, first);
            expectOp(")");
            return g;
        }
        if (!atOp(",")) {
            expectOp(")");
            return first;
        }
        return new TupleExpr(open.pos(), parseRestOfSequence(first, ")"));
    }

    /** {@code [a, b]} or a list comprehension {@code [elt for x in it if c]}. */
    private Expr parseListDisplay() throws ScenarioError {
        Token open = next();
        if (acceptOp("]")) return new ListExpr(open.pos(), List.of());
        Expr first = parseElement();
        if (atKeyword("for") || atKeyword("async")) return parseListComp(open, first);
        return new ListExpr(open.pos(), parseRestOfSequence(first, "]"));
    }

    /** The elements after the first one, up to and including the closing bracket. */
    private List<Expr> parseRestOfSequence(Expr first, String closer) throws ScenarioError {
        List<Expr> elts = new ArrayList<>(List.of(first));
        while (acceptOp(",") && !atOp(closer)) elts.add(parseElement());
        expectOp(closer);
        return List.copyOf(elts);
    }

    /** A single {@code for} with any number of {@code if}s; a second {@code for} is refused. */
    private Expr parseListComp(Token open, Expr elt) throws ScenarioError {
        ListComp lc = parseComprehension(open, elt);
        expectOp("]");
        return lc;
    }

    /** {@code for target in iter [if c]...} after elt, up to (not including) the closing bracket. */
    private ListComp parseComprehension(Token open, Expr elt) throws ScenarioError {
        if (atKeyword("async")) throw unsupportedAt(peek(), "'async for'");
        next(); // for
        Expr target = parseTargetList();
        expectKeyword("in");
        Expr iter = parseOrTest();
        List<Expr> ifs = new ArrayList<>();
        while (acceptKeyword("if")) ifs.add(parseOrTest());
        if (atKeyword("for")) throw unsupportedAt(peek(), "a second 'for' in a comprehension");
        if (atKeyword("async")) throw unsupportedAt(peek(), "'async for'");
        return new ListComp(open.pos(), elt, target, iter, List.copyOf(ifs));
    }

    /** The parameter of a generator's step function: not an identifier, so it shadows nothing (CPython's ".0"). */
    static final String GENEXP_ITEM = ".0";

    /** {@code elt for target in iter if c} as a {@link GenExp}; the caller consumes the closing parenthesis. */
    private Expr parseGenExp(Token open, Expr elt) throws ScenarioError {
        ListComp lc = parseComprehension(open, elt);
        Params item = new Params(List.of(GENEXP_ITEM), List.of(), null, List.of(), List.of());
        ListComp perItem = new ListComp(lc.pos(), elt, lc.target(),
                new TupleExpr(lc.pos(), List.of(new Name(lc.pos(), GENEXP_ITEM))), lc.ifs());
        return new GenExp(open.pos(), lc.iter(), new Lambda(open.pos(), item, perItem));
    }

    /** A dict display; set literals and comprehensions are refused. */
    private Expr parseBraces() throws ScenarioError {
        Token open = next();
        if (acceptOp("}")) return new DictExpr(open.pos(), List.of(), List.of());
        if (atOp("*")) throw unsupportedAt(open, "set literals");
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        do {
            if (atOp("**")) throw unsupportedAt(peek(), "'**' unpacking in dict displays");
            keys.add(parseTest());
            if (keys.size() == 1) refuseSet(open);
            expectOp(":");
            values.add(parseTest());
            if (keys.size() == 1 && (atKeyword("for") || atKeyword("async"))) {
                throw unsupportedAt(open, "dict comprehensions");
            }
        } while (acceptOp(",") && !atOp("}"));
        expectOp("}");
        return new DictExpr(open.pos(), List.copyOf(keys), List.copyOf(values));
    }

    /** After the first element of {@code {...}}: no ':' means a set. */
    private void refuseSet(Token open) throws ScenarioError {
        if (atKeyword("for") || atKeyword("async")) throw unsupportedAt(open, "set comprehensions");
        if (atOp(",") || atOp("}")) throw unsupportedAt(open, "set literals");
    }

    // ------------------------------------------------------------------ strings

    /** Adjacent literals concatenate; one f-string among them makes the whole an FString. */
    private Expr parseStrings() throws ScenarioError {
        Token first = peek();
        List<Object> parts = new ArrayList<>();
        boolean anyFString = false;
        while (at(Kind.STRING)) {
            Token.StringValue value = (Token.StringValue) next().value();
            anyFString |= value.isFString();
            for (Object part : value.parts()) {
                addPart(parts, part instanceof Token.Field field ? parseField(field) : part);
            }
        }
        if (anyFString) return new FString(first.pos(), List.copyOf(parts));
        return new Const(first.pos(), parts.isEmpty() ? "" : parts.get(0));
    }

    /** Appends a part, merging adjacent literal text and dropping empty text. */
    private static void addPart(List<Object> parts, Object part) {
        if (part instanceof String s) {
            if (s.isEmpty()) return;
            int last = parts.size() - 1;
            if (last >= 0 && parts.get(last) instanceof String previous) {
                parts.set(last, previous + s);
                return;
            }
        }
        parts.add(part);
    }

    /** Lexes and parses a replacement field's expression where it stands in the file. */
    private FormattedValue parseField(Token.Field field) throws ScenarioError {
        List<Token> tokens = Lexer.tokenizeField(src, field.start(), field.end(), fstringDepth + 1);
        ExpressionParser inner = new ExpressionParser(src, tokens, scope, nesting + 1, fstringDepth + 1);
        Expr value = inner.parseTestList();
        if (!inner.at(Kind.EOF)) throw inner.syntaxAt(inner.peek(), "f-string: expecting '}'");
        return new FormattedValue(value, field.conversion(), field.spec());
    }

    // ------------------------------------------------------------------ targets

    /** The target of {@code for} (statement or comprehension): {@code x} or {@code i, x}. */
    Expr parseTargetList() throws ScenarioError {
        Token start = peek();
        Expr first = parseTargetElement();
        Expr target = first;
        if (atOp(",")) {
            List<Expr> elts = new ArrayList<>(List.of(first));
            while (acceptOp(",") && !atKeyword("in")) elts.add(parseTargetElement());
            target = new TupleExpr(start.pos(), List.copyOf(elts));
        }
        checkTarget(target);
        return target;
    }

    private Expr parseTargetElement() throws ScenarioError {
        if (atOp("*")) throw unsupportedAt(peek(), "star-unpacking in 'for' targets");
        return parseBitwise();
    }

    /** A target is a name, attribute, subscript, or a tuple/list of targets. */
    void checkTarget(Expr e) throws ScenarioError {
        if (e instanceof Name || e instanceof Attribute || e instanceof Subscript) return;
        if (e instanceof TupleExpr t) {
            for (Expr elt : t.elts()) checkTarget(elt);
        } else if (e instanceof ListExpr l) {
            for (Expr elt : l.elts()) checkTarget(elt);
        } else {
            throw syntaxAt(e.pos(), "cannot assign to " + describe(e));
        }
    }

    /** How Python names an expression in "cannot assign to ..." messages. */
    static String describe(Expr e) {
        if (e instanceof Const c) {
            return c.value() == null ? "None" : c.value() instanceof Boolean b ? (b ? "True" : "False") : "literal";
        }
        if (e instanceof Call) return "function call";
        if (e instanceof Compare) return "comparison";
        if (e instanceof Lambda) return "lambda";
        if (e instanceof IfExp) return "conditional expression";
        if (e instanceof Await) return "await expression";
        if (e instanceof ListComp) return "list comprehension";
        if (e instanceof GenExp) return "generator expression";
        if (e instanceof DictExpr) return "dict literal";
        if (e instanceof FString) return "f-string expression";
        if (e instanceof TupleExpr) return "tuple";
        if (e instanceof ListExpr) return "list";
        return "expression";
    }

    // ------------------------------------------------------------------ parameters

    /**
     * Parameters up to (not including) {@code closer}: {@code a, b=1, *args, c, d=2}.
     * Annotations ({@code def} only) are skipped; {@code **kwargs} and {@code /} are refused.
     */
    Params parseParams(String closer, boolean annotations) throws ScenarioError {
        ParamList list = new ParamList();
        while (!atOp(closer)) {
            parseParam(list, annotations);
            if (!acceptOp(",")) break;
        }
        return list.build();
    }

    private void parseParam(ParamList list, boolean annotations) throws ScenarioError {
        Token start = peek();
        if (start.isOp("**")) throw unsupportedAt(start, "'**' parameters");
        if (start.isOp("/")) throw unsupportedAt(start, "positional-only parameters '/'");
        if (acceptOp("*")) {
            list.addStar(start, at(Kind.NAME) ? paramName(annotations) : null);
            return;
        }
        String name = paramName(annotations);
        list.add(start, name, acceptOp("=") ? parseTest() : null);
    }

    private String paramName(boolean annotations) throws ScenarioError {
        String name = expectName();
        if (annotations && acceptOp(":")) skipAnnotation();
        return name;
    }

    /** Skips an annotation: the tokens up to ',', ')', '=' or ':' outside brackets (at least one). */
    void skipAnnotation() throws ScenarioError {
        if (!startsExpression(peek())) throw invalidSyntax();
        int depth = 0;
        while (!at(Kind.NEWLINE) && !at(Kind.EOF)) {
            Token t = peek();
            boolean stop = t.isOp(",") || t.isOp(")") || t.isOp("=") || t.isOp(":");
            if (depth == 0 && stop) return;
            depth += bracketDelta(t);
            next();
        }
    }

    /** Collects parameters in order and checks Python's rules on them. */
    private final class ParamList {
        final List<String> names = new ArrayList<>();
        final List<Expr> defaults = new ArrayList<>();
        final List<String> kwOnly = new ArrayList<>();
        final List<Expr> kwDefaults = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        Token star;
        String vararg;

        void add(Token at, String name, Expr dflt) throws ScenarioError {
            checkUnique(at, name);
            if (star != null) {
                kwOnly.add(name);
                kwDefaults.add(dflt);
                return;
            }
            if (dflt == null && !defaults.isEmpty()) {
                throw syntaxAt(at, "parameter without a default follows parameter with a default");
            }
            names.add(name);
            if (dflt != null) defaults.add(dflt);
        }

        void addStar(Token at, String name) throws ScenarioError {
            if (star != null) throw syntaxAt(at, "* argument may appear only once");
            if (name != null) checkUnique(at, name);
            star = at;
            vararg = name;
        }

        void checkUnique(Token at, String name) throws ScenarioError {
            if (!seen.add(name)) throw syntaxAt(at, "duplicate argument '" + name + "' in function definition");
        }

        Params build() throws ScenarioError {
            if (star != null && vararg == null && kwOnly.isEmpty()) {
                throw syntaxAt(star, "named arguments must follow bare *");
            }
            return new Params(List.copyOf(names), List.copyOf(defaults), vararg,
                    List.copyOf(kwOnly), Collections.unmodifiableList(kwDefaults));
        }
    }
}
