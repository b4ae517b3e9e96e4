package lockstep.lang;

import java.util.List;

/**
 * The syntax tree of a scenario: the subset of Python 3.12 that section 2 of the
 * scenario-language contract admits. Nodes are immutable records; every node
 * carries the position of its first character (1-based line and column), so that
 * every later refusal can name FILE:LINE:COL.
 */
public final class Ast {
    private Ast() {}

    /** 1-based line and column of a node's first character. */
    public record Pos(int line, int col) {
        @Override public String toString() { return line + ":" + col; }
    }

    /** A whole scenario file. */
    public record Module(String file, List<Stmt> body) {}

    // ------------------------------------------------------------------ statements

    public sealed interface Stmt permits ExprStmt, Assign, AugAssign, Global, Nonlocal, If, While, For,
            Break, Continue, Pass, Return, Try, Raise, Assert, AsyncWith, FunctionDef, Import, ImportFrom {
        Pos pos();
    }

    public record ExprStmt(Pos pos, Expr value) implements Stmt {}
    /** {@code t1 = t2 = value}; a target is a Name, Subscript, Attribute or a TupleExpr/ListExpr of targets. */
    public record Assign(Pos pos, List<Expr> targets, Expr value) implements Stmt {}
    /** {@code target op= value}, op is one of "+", "-", "*", "//", "%". */
    public record AugAssign(Pos pos, Expr target, String op, Expr value) implements Stmt {}
    public record Global(Pos pos, List<String> names) implements Stmt {}
    public record Nonlocal(Pos pos, List<String> names) implements Stmt {}
    /** {@code elif} is an If alone in orelse. */
    public record If(Pos pos, Expr test, List<Stmt> body, List<Stmt> orelse) implements Stmt {}
    public record While(Pos pos, Expr test, List<Stmt> body, List<Stmt> orelse) implements Stmt {}
    public record For(Pos pos, Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse) implements Stmt {}
    public record Break(Pos pos) implements Stmt {}
    public record Continue(Pos pos) implements Stmt {}
    public record Pass(Pos pos) implements Stmt {}
    /** value may be null. */
    public record Return(Pos pos, Expr value) implements Stmt {}
    public record Try(Pos pos, List<Stmt> body, List<Handler> handlers, List<Stmt> orelse, List<Stmt> finalbody) implements Stmt {}
    /** {@code except [type [as name]]:}; type and name may be null. type may be a TupleExpr. */
    public record Handler(Pos pos, Expr type, String name, List<Stmt> body) {}
    /** {@code raise [exc [from cause]]}; exc and cause may be null. */
    public record Raise(Pos pos, Expr exc, Expr cause) implements Stmt {}
    /** msg may be null. */
    public record Assert(Pos pos, Expr test, Expr msg) implements Stmt {}
    /** {@code async with ctx [as target]:}; several items are nested AsyncWith nodes. target may be null. */
    public record AsyncWith(Pos pos, Expr ctx, Expr target, List<Stmt> body) implements Stmt {}
    public record FunctionDef(Pos pos, String name, Params params, List<Stmt> body, boolean isAsync) implements Stmt {}
    /** {@code import asyncio [as alias]}; alias may be null. */
    public record Import(Pos pos, String module, String alias) implements Stmt {}
    /** {@code from module import name [as alias], ...}. */
    public record ImportFrom(Pos pos, String module, List<Alias> names) implements Stmt {}
    public record Alias(Pos pos, String name, String asName) {}

    /**
     * Parameters: positional names (defaults align with the last names), an optional
     * {@code *vararg} name (null if absent) and keyword-only names after it with their
     * defaults (kwDefaults entries may be null: required).
     */
    public record Params(List<String> names, List<Expr> defaults, String vararg,
                         List<String> kwOnly, List<Expr> kwDefaults) {
        public static final Params NONE = new Params(List.of(), List.of(), null, List.of(), List.of());
    }

    // ------------------------------------------------------------------ expressions

    public sealed interface Expr permits Name, Const, FString, ListExpr, TupleExpr, DictExpr, Subscript, Slice,
            Attribute, Call, ListComp, GenExp, Lambda, UnaryOp, BoolOp, IfExp, BinOp, Compare, Await {
        Pos pos();
    }

    public record Name(Pos pos, String id) implements Expr {}
    /** value is a Long or BigInteger (int, a Long when it fits), Double (float), String, Boolean, or null (None). */
    public record Const(Pos pos, Object value) implements Expr {}
    /** Parts are String (literal text) or FormattedValue. */
    public record FString(Pos pos, List<Object> parts) implements Expr {}
    /** {@code {value!conversion:spec}}; conversion is 0, 'r', 's' or 'a'; spec may be null (no nested fields). */
    public record FormattedValue(Expr value, char conversion, String spec) {}
    public record ListExpr(Pos pos, List<Expr> elts) implements Expr {}
    public record TupleExpr(Pos pos, List<Expr> elts) implements Expr {}
    public record DictExpr(Pos pos, List<Expr> keys, List<Expr> values) implements Expr {}
    public record Subscript(Pos pos, Expr value, Expr index) implements Expr {}
    /** Only as a Subscript index; each part may be null. */
    public record Slice(Pos pos, Expr lower, Expr upper, Expr step) implements Expr {}
    public record Attribute(Pos pos, Expr value, String attr) implements Expr {}
    public record Call(Pos pos, Expr func, List<Arg> args) implements Expr {}
    /** A call argument: kind POSITIONAL ({@code v}), STAR ({@code *v}) or KEYWORD ({@code name=v}). */
    public record Arg(Pos pos, ArgKind kind, String name, Expr value) {}
    public enum ArgKind { POSITIONAL, STAR, KEYWORD }
    /** {@code [elt for target in iter if c1 if c2]}. */
    public record ListComp(Pos pos, Expr elt, Expr target, Expr iter, List<Expr> ifs) implements Expr {}
    /**
     * {@code (elt for target in iter if c)}: iter is evaluated where the expression stands;
     * step, a one-parameter function of the generator's own scope, maps each item to
     * {@code [elt for target in (item,) if c]}, a list of zero or one element.
     */
    public record GenExp(Pos pos, Expr iter, Lambda step) implements Expr {}
    public record Lambda(Pos pos, Params params, Expr body) implements Expr {}
    /** op is "not", "-" or "+". */
    public record UnaryOp(Pos pos, String op, Expr operand) implements Expr {}
    /** op is "and" or "or"; at least two values. */
    public record BoolOp(Pos pos, String op, List<Expr> values) implements Expr {}
    public record IfExp(Pos pos, Expr test, Expr body, Expr orelse) implements Expr {}
    /** op is one of "+", "-", "*", "/", "//", "%". */
    public record BinOp(Pos pos, String op, Expr left, Expr right) implements Expr {}
    /** Chained comparison; ops are "==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in". */
    public record Compare(Pos pos, Expr left, List<String> ops, List<Expr> comparators) implements Expr {}
    public record Await(Pos pos, Expr value) implements Expr {}
}
