package lockstep.lang;

import lockstep.lang.Ast.*;

import java.util.*;

/**
 * Name resolution, as Python does it: a name assigned in a function is local to it
 * (unless declared global or nonlocal); a name only read is looked up in the enclosing
 * functions, then in the module, then in the builtins. Locals that an inner function
 * reads live in cells. Comprehension variables are private to the comprehension (3.12).
 */
final class Scopes {
    enum Kind { LOCAL, CELL, FREE, GLOBAL }

    static final class Scope {
        final Scope parent;
        final boolean isModule;
        final List<String> params = new ArrayList<>();
        final LinkedHashSet<String> assigned = new LinkedHashSet<>();
        final Set<String> globals = new HashSet<>();
        final Set<String> nonlocals = new HashSet<>();
        /** Where each nonlocal name was declared (for the error when nothing binds it). */
        final Map<String, Ast.Pos> nonlocalAt = new HashMap<>();
        final LinkedHashSet<String> used = new LinkedHashSet<>();
        final Set<String> cells = new HashSet<>();
        final List<String> frees = new ArrayList<>();
        final List<String> locals = new ArrayList<>();

        Scope(Scope parent, boolean isModule) {
            this.parent = parent;
            this.isModule = isModule;
        }

        boolean isLocal(String n) {
            return !isModule && !globals.contains(n) && !nonlocals.contains(n)
                    && (params.contains(n) || assigned.contains(n));
        }

        Kind kind(String n) {
            if (isModule || globals.contains(n)) return Kind.GLOBAL;
            if (frees.contains(n)) return Kind.FREE;
            if (isLocal(n)) return cells.contains(n) ? Kind.CELL : Kind.LOCAL;
            return Kind.GLOBAL;
        }
    }

    final Map<Object, Scope> scopes = new IdentityHashMap<>();
    private final List<Scope> order = new ArrayList<>();
    /** Per comprehension node: its variable's private name. */
    final Map<ListComp, Map<String, String>> compRenames = new IdentityHashMap<>();
    private final String file;
    private int compCounter;

    Scopes(String file) { this.file = file; }

    Scope module(Ast.Module m) throws ScenarioError {
        Scope s = new Scope(null, true);
        scopes.put(m, s);
        collectBody(m.body(), s, new ArrayDeque<>());
        for (Scope sc : order) resolve(sc);
        return s;
    }

    // ------------------------------------------------------------------ collection

    private void collectBody(List<Stmt> body, Scope s, Deque<Map<String, String>> ren) throws ScenarioError {
        for (Stmt st : body) collect(st, s, ren);
    }

    private void collect(Stmt st, Scope s, Deque<Map<String, String>> ren) throws ScenarioError {
        if (st instanceof ExprStmt e) {
            expr(e.value(), s, ren);
        } else if (st instanceof Assign a) {
                expr(a.value(), s, ren);
                for (Expr t : a.targets()) target(t, s, ren);
        } else if (st instanceof AugAssign a) {
                expr(a.value(), s, ren);
                expr(a.target(), s, ren);
                target(a.target(), s, ren);
        } else if (st instanceof Global g) {
                if (s.isModule) return;
                for (String name : g.names()) declaredLate(s, name, "global", g.pos());
                s.globals.addAll(g.names());
        } else if (st instanceof Nonlocal n) {
                if (s.isModule) throw ScenarioError.syntax(file, n.pos().line(), n.pos().col(),
                        "nonlocal declaration not allowed at module level");
                for (String name : n.names()) {
                    declaredLate(s, name, "nonlocal", n.pos());
                    s.nonlocalAt.putIfAbsent(name, n.pos());
                }
                s.nonlocals.addAll(n.names());
        } else if (st instanceof If i) {
            expr(i.test(), s, ren); collectBody(i.body(), s, ren); collectBody(i.orelse(), s, ren);
        } else if (st instanceof While w) {
            expr(w.test(), s, ren); collectBody(w.body(), s, ren); collectBody(w.orelse(), s, ren);
        } else if (st instanceof For f) {
                expr(f.iter(), s, ren);
                target(f.target(), s, ren);
                collectBody(f.body(), s, ren);
                collectBody(f.orelse(), s, ren);
        } else if (st instanceof Return r) {
            if (r.value() != null) expr(r.value(), s, ren);
        } else if (st instanceof Try t) {
                collectBody(t.body(), s, ren);
                for (Handler h : t.handlers()) {
                    if (h.type() != null) expr(h.type(), s, ren);
                    if (h.name() != null) s.assigned.add(h.name());
                    collectBody(h.body(), s, ren);
                }
                collectBody(t.orelse(), s, ren);
                collectBody(t.finalbody(), s, ren);
        } else if (st instanceof Raise r) {
                if (r.exc() != null) expr(r.exc(), s, ren);
                if (r.cause() != null) expr(r.cause(), s, ren);
        } else if (st instanceof Assert a) {
            expr(a.test(), s, ren); if (a.msg() != null) expr(a.msg(), s, ren);
        } else if (st instanceof AsyncWith w) {
                expr(w.ctx(), s, ren);
                if (w.target() != null) target(w.target(), s, ren);
                collectBody(w.body(), s, ren);
        } else if (st instanceof FunctionDef d) {
                defaults(d.params(), s, ren);
                s.assigned.add(d.name());
                Scope inner = newFunction(d, s, d.params());
                collectBody(d.body(), inner, new ArrayDeque<>());
        } else if (st instanceof Import im) {
            s.assigned.add(im.alias() != null ? im.alias() : im.module());
        } else if (st instanceof ImportFrom im) {
            for (Alias a : im.names()) s.assigned.add(a.asName() != null ? a.asName() : a.name());
        } else if (st instanceof Break b) {
            
        } else if (st instanceof Continue c) {
            
        } else if (st instanceof Pass p) {
            
        }
    }

    /**
     * A global or nonlocal declaration of a name the function already uses: CPython's
     * SyntaxError (a parameter, then a use, then an assignment, in its order of checks).
     */
    private void declaredLate(Scope s, String name, String kind, Ast.Pos at) throws ScenarioError {
        String why = s.params.contains(name) ? "is parameter and " + kind
                : s.used.contains(name) ? "is used prior to " + kind + " declaration"
                : s.assigned.contains(name) ? "is assigned to before " + kind + " declaration" : null;
        if (why != null) throw ScenarioError.syntax(file, at.line(), at.col(), "name '" + name + "' " + why);
    }

    private Scope newFunction(Object node, Scope parent, Params p) {
        Scope inner = new Scope(parent, false);
        inner.params.addAll(p.names());
        if (p.vararg() != null) inner.params.add(p.vararg());
        inner.params.addAll(p.kwOnly());
        scopes.put(node, inner);
        order.add(inner);
        return inner;
    }

    private void defaults(Params p, Scope s, Deque<Map<String, String>> ren) throws ScenarioError {
        for (Expr d : p.defaults()) expr(d, s, ren);
        for (Expr d : p.kwDefaults()) if (d != null) expr(d, s, ren);
    }

    private void target(Expr t, Scope s, Deque<Map<String, String>> ren) throws ScenarioError {
        if (t instanceof Name n) {
            s.assigned.add(rename(n.id(), ren));
        } else if (t instanceof TupleExpr tu) {
            for (Expr e : tu.elts()) target(e, s, ren);
        } else if (t instanceof ListExpr l) {
            for (Expr e : l.elts()) target(e, s, ren);
        } else if (t instanceof Subscript sub) {
            expr(sub.value(), s, ren); expr(sub.index(), s, ren);
        } else if (t instanceof Attribute a) {
            expr(a.value(), s, ren);
        } else {
            throw ScenarioError.syntax(file, t.pos().line(), t.pos().col(), "cannot assign to expression");
        }
    }

    /**
     * The renames seen in a lambda's body: those of the comprehensions around it (a lambda
     * made in one reads the comprehension's variable), but for the lambda's own parameters.
     */
    static Deque<Map<String, String>> insideLambda(Deque<Map<String, String>> ren, Scope lambda) {
        Deque<Map<String, String>> inner = new ArrayDeque<>(ren);
        if (ren.isEmpty()) return inner;
        Map<String, String> own = new HashMap<>();
        for (String p : lambda.params) own.put(p, p);
        inner.push(own);
        return inner;
    }

    static String rename(String id, Deque<Map<String, String>> ren) {
        for (Map<String, String> m : ren) {
            String r = m.get(id);
            if (r != null) return r;
        }
        return id;
    }

    private void expr(Expr e, Scope s, Deque<Map<String, String>> ren) throws ScenarioError {
        if (e instanceof Name n) {
            s.used.add(rename(n.id(), ren));
        } else if (e instanceof Const c) {
            
        } else if (e instanceof FString f) {
            for (Object p : f.parts()) if (p instanceof FormattedValue fv) expr(fv.value(), s, ren);
        } else if (e instanceof ListExpr l) {
            for (Expr x : l.elts()) expr(x, s, ren);
        } else if (e instanceof TupleExpr t) {
            for (Expr x : t.elts()) expr(x, s, ren);
        } else if (e instanceof DictExpr d) {
            for (Expr x : d.keys()) expr(x, s, ren); for (Expr x : d.values()) expr(x, s, ren);
        } else if (e instanceof Subscript sub) {
            expr(sub.value(), s, ren); expr(sub.index(), s, ren);
        } else if (e instanceof Slice sl) {
                if (sl.lower() != null) expr(sl.lower(), s, ren);
                if (sl.upper() != null) expr(sl.upper(), s, ren);
                if (sl.step() != null) expr(sl.step(), s, ren);
        } else if (e instanceof Attribute a) {
            expr(a.value(), s, ren);
        } else if (e instanceof Call c) {
            expr(c.func(), s, ren); for (Arg a : c.args()) expr(a.value(), s, ren);
        } else if (e instanceof ListComp lc) {
                expr(lc.iter(), s, ren);
                Map<String, String> m = new HashMap<>();
                for (String n : targetNames(lc.target())) m.put(n, n + "@comp" + (++compCounter));
                compRenames.put(lc, m);
                ren.push(m);
                target(lc.target(), s, ren);
                for (Expr x : lc.ifs()) expr(x, s, ren);
                expr(lc.elt(), s, ren);
                ren.pop();
        } else if (e instanceof GenExp g) {
                expr(g.iter(), s, ren);
                expr(g.step(), s, ren);
        } else if (e instanceof Lambda l) {
                defaults(l.params(), s, ren);
                Scope inner = newFunction(l, s, l.params());
                expr(l.body(), inner, insideLambda(ren, inner));
        } else if (e instanceof UnaryOp u) {
            expr(u.operand(), s, ren);
        } else if (e instanceof BoolOp b) {
            for (Expr x : b.values()) expr(x, s, ren);
        } else if (e instanceof IfExp i) {
            expr(i.test(), s, ren); expr(i.body(), s, ren); expr(i.orelse(), s, ren);
        } else if (e instanceof BinOp b) {
            expr(b.left(), s, ren); expr(b.right(), s, ren);
        } else if (e instanceof Compare c) {
            expr(c.left(), s, ren); for (Expr x : c.comparators()) expr(x, s, ren);
        } else if (e instanceof Await a) {
            expr(a.value(), s, ren);
        }
    }

    static List<String> targetNames(Expr t) {
        List<String> out = new ArrayList<>();
        if (t instanceof Name n) out.add(n.id());
        else if (t instanceof TupleExpr tu) for (Expr e : tu.elts()) out.addAll(targetNames(e));
        else if (t instanceof ListExpr l) for (Expr e : l.elts()) out.addAll(targetNames(e));
        return out;
    }

    // ------------------------------------------------------------------ resolution

    private void resolve(Scope s) throws ScenarioError {
        if (s.isModule) return;
        for (String p : s.params) if (!s.locals.contains(p)) s.locals.add(p);
        for (String a : s.assigned) if (s.isLocal(a) && !s.locals.contains(a)) s.locals.add(a);
        for (String n : s.nonlocals) {
            Ast.Pos at = s.nonlocalAt.get(n);
            if (!bindFree(s, n)) throw ScenarioError.syntax(file, at.line(), at.col(), "no binding for nonlocal '" + n + "' found");
        }
        for (String n : s.used) {
            if (!s.isLocal(n) && !s.globals.contains(n) && !s.frees.contains(n)) bindFree(s, n);
        }
    }

    /** Finds n in an enclosing function; if found, every scope in between passes its cell on. */
    private boolean bindFree(Scope s, String n) {
        List<Scope> between = new ArrayList<>();
        between.add(s);
        for (Scope a = s.parent; a != null && !a.isModule; a = a.parent) {
            if (a.globals.contains(n)) return false;
            if (a.isLocal(n)) {
                a.cells.add(n);
                for (Scope b : between) if (!b.frees.contains(n)) b.frees.add(n);
                return true;
            }
            between.add(a);
        }
        return false;
    }
}
