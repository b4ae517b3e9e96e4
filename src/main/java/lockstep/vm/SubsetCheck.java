package lockstep.vm;

import lockstep.lang.Ast;
import lockstep.lang.Ast.*;
import lockstep.lang.ScenarioError;

import java.util.HashSet;
import java.util.Set;

/**
 * Refuses, before anything runs, what the parser accepts but the model does not
 * implement: asyncio attributes outside the subset, attributes no supported object
 * has, and Python builtins outside the subset.
 */
final class SubsetCheck {
    private SubsetCheck() {}

    private static final Set<String> KNOWN_UNSUPPORTED_BUILTINS = Set.of(
            "open", "input", "set", "frozenset", "id", "hash", "getattr", "setattr", "delattr", "hasattr", "exec", "eval",
            "compile", "globals", "locals", "vars", "dir", "iter", "next", "map", "filter", "round", "chr", "ord",
            "format", "hex", "oct", "bin", "callable", "super", "object", "property", "classmethod", "staticmethod",
            "memoryview", "bytes", "bytearray", "complex", "divmod", "pow", "issubclass", "breakpoint", "help",
            "__import__", "aiter", "anext", "ascii", "slice", "exit", "quit");

    static void check(Ast.Module m) throws ScenarioError {
        Set<String> defined = new HashSet<>();
        collectDefined(m, defined);
        new Walker(m.file(), defined).stmts(m.body());
    }

    private static void collectDefined(Ast.Module m, Set<String> defined) {
        // Any name bound anywhere counts as user-defined (locals shadow builtins).
        new Object() {
            void stmts(java.util.List<Stmt> body) { for (Stmt s : body) stmt(s); }
            void target(Expr e) {
                if (e instanceof Name n) defined.add(n.id());
                else if (e instanceof TupleExpr t) t.elts().forEach(this::target);
                else if (e instanceof ListExpr l) l.elts().forEach(this::target);
            }
            void expr(Expr e) {
                if (e instanceof ListComp lc) target(lc.target());
                if (e instanceof Lambda l) params(l.params());
            }
            void params(Params p) {
                defined.addAll(p.names());
                if (p.vararg() != null) defined.add(p.vararg());
                defined.addAll(p.kwOnly());
            }
            void stmt(Stmt s) {
                if (s instanceof Assign a) a.targets().forEach(this::target);
                else if (s instanceof AugAssign a) target(a.target());
                else if (s instanceof For f) { target(f.target()); stmts(f.body()); stmts(f.orelse()); }
                else if (s instanceof While w) { stmts(w.body()); stmts(w.orelse()); }
                else if (s instanceof If i) { stmts(i.body()); stmts(i.orelse()); }
                else if (s instanceof Try t) {
                    stmts(t.body()); stmts(t.orelse()); stmts(t.finalbody());
                    for (Handler h : t.handlers()) { if (h.name() != null) defined.add(h.name()); stmts(h.body()); }
                } else if (s instanceof AsyncWith w) { if (w.target() != null) target(w.target()); stmts(w.body()); }
                else if (s instanceof FunctionDef d) { defined.add(d.name()); params(d.params()); stmts(d.body()); }
                else if (s instanceof Import im) defined.add(im.alias() != null ? im.alias() : im.module());
                else if (s instanceof ImportFrom im) im.names().forEach(al -> defined.add(al.asName() != null ? al.asName() : al.name()));
            }
        }.stmts(m.body());
    }

    private static final class Walker {
        final String file;
        final Set<String> defined;
        final Set<String> asyncioAliases = new HashSet<>();
        /** How many generator expressions enclose the expression being checked. */
        int inGenExp;

        Walker(String file, Set<String> defined) {
            this.file = file;
            this.defined = defined;
        }

        void stmts(java.util.List<Stmt> body) throws ScenarioError { for (Stmt s : body) stmt(s); }

        void stmt(Stmt s) throws ScenarioError {
            if (s instanceof ExprStmt e) expr(e.value());
            else if (s instanceof Assign a) { expr(a.value()); for (Expr t : a.targets()) expr(t); }
            else if (s instanceof AugAssign a) { expr(a.target()); expr(a.value()); }
            else if (s instanceof If i) { expr(i.test()); stmts(i.body()); stmts(i.orelse()); }
            else if (s instanceof While w) { expr(w.test()); stmts(w.body()); stmts(w.orelse()); }
            else if (s instanceof For f) { expr(f.target()); expr(f.iter()); stmts(f.body()); stmts(f.orelse()); }
            else if (s instanceof Return r) { if (r.value() != null) expr(r.value()); }
            else if (s instanceof Try t) {
                stmts(t.body());
                for (Handler h : t.handlers()) { if (h.type() != null) expr(h.type()); stmts(h.body()); }
                stmts(t.orelse());
                stmts(t.finalbody());
            } else if (s instanceof Raise r) { if (r.exc() != null) expr(r.exc()); if (r.cause() != null) expr(r.cause()); }
            else if (s instanceof Assert a) { expr(a.test()); if (a.msg() != null) expr(a.msg()); }
            else if (s instanceof AsyncWith w) { expr(w.ctx()); if (w.target() != null) expr(w.target()); stmts(w.body()); }
            else if (s instanceof FunctionDef d) { params(d.params()); stmts(d.body()); }
            else if (s instanceof Import im) {
                if (!im.module().equals("asyncio")) throw ScenarioError.unsupported(file, im.pos(), "'import " + im.module() + "' (only asyncio can be imported)");
                asyncioAliases.add(im.alias() != null ? im.alias() : im.module());
            } else if (s instanceof ImportFrom im) {
                if (!im.module().equals("asyncio")) throw ScenarioError.unsupported(file, im.pos(), "'from " + im.module() + " import' (only asyncio can be imported)");
                for (Alias al : im.names()) {
                    if (!Builtins.asyncioNames().contains(al.name())) throw ScenarioError.unsupported(file, al.pos(), "asyncio." + al.name());
                }
            }
        }

        void params(Params p) throws ScenarioError {
            for (Expr e : p.defaults()) expr(e);
            for (Expr e : p.kwDefaults()) if (e != null) expr(e);
        }

        void expr(Expr e) throws ScenarioError {
            if (e == null) return;
            if (e instanceof Name n) {
                if (!defined.contains(n.id()) && !Builtins.userGlobalNames().contains(n.id())
                        && KNOWN_UNSUPPORTED_BUILTINS.contains(n.id())) {
                    throw ScenarioError.unsupported(file, n.pos(), "builtin '" + n.id() + "'");
                }
            } else if (e instanceof Attribute a) {
                if (a.value() instanceof Name n && asyncioAliases.contains(n.id())) {
                    if (!Builtins.asyncioNames().contains(a.attr())) throw ScenarioError.unsupported(file, a.pos(), "asyncio." + a.attr());
                } else if (!Builtins.ATTRIBUTES.contains(a.attr()) && !a.attr().equals("__name__") && !a.attr().equals("args")) {
                    throw ScenarioError.unsupported(file, a.pos(), "attribute '." + a.attr() + "'");
                }
                expr(a.value());
            } else if (e instanceof FString f) {
                for (Object p : f.parts()) if (p instanceof FormattedValue fv) expr(fv.value());
            } else if (e instanceof ListExpr l) { for (Expr x : l.elts()) expr(x); }
            else if (e instanceof TupleExpr t) { for (Expr x : t.elts()) expr(x); }
            else if (e instanceof DictExpr d) { for (Expr x : d.keys()) expr(x); for (Expr x : d.values()) expr(x); }
            else if (e instanceof Subscript s) { expr(s.value()); expr(s.index()); }
            else if (e instanceof Slice s) { expr(s.lower()); expr(s.upper()); expr(s.step()); }
            else if (e instanceof Call c) { expr(c.func()); for (Arg a : c.args()) expr(a.value()); }
            else if (e instanceof ListComp lc) { expr(lc.elt()); expr(lc.iter()); for (Expr x : lc.ifs()) expr(x); }
            else if (e instanceof GenExp g) {
                expr(g.iter());
                inGenExp++;
                expr(g.step());
                inGenExp--;
            }
            else if (e instanceof Lambda l) { params(l.params()); expr(l.body()); }
            else if (e instanceof UnaryOp u) expr(u.operand());
            else if (e instanceof BoolOp b) { for (Expr x : b.values()) expr(x); }
            else if (e instanceof IfExp i) { expr(i.test()); expr(i.body()); expr(i.orelse()); }
            else if (e instanceof BinOp b) { expr(b.left()); expr(b.right()); }
            else if (e instanceof Compare c) { expr(c.left()); for (Expr x : c.comparators()) expr(x); }
            else if (e instanceof Await a) {
                if (inGenExp > 0) throw ScenarioError.unsupported(file, a.pos(), "'await' in a generator expression (an asynchronous generator)");
                expr(a.value());
            }
        }
    }
}
