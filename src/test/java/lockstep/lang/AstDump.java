package lockstep.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import lockstep.lang.Ast.*;

/**
 * A compact, Lisp-like rendering of syntax trees, so that tests can state a whole tree
 * on one line: {@code (= x (call f 1 *a k=2))}. Blocks render as {@code {s1; s2}}.
 */
final class AstDump {
    private AstDump() {}

    static String module(Ast.Module m) {
        return block(m.body());
    }

    static String block(List<Stmt> body) {
        return "{" + body.stream().map(AstDump::stmt).collect(Collectors.joining("; ")) + "}";
    }

    static String stmt(Stmt s) {
        if (s instanceof ExprStmt e) return expr(e.value());
        if (s instanceof Assign a) return "(= " + exprs(a.targets()) + " " + expr(a.value()) + ")";
        if (s instanceof AugAssign a) return "(" + a.op() + "= " + expr(a.target()) + " " + expr(a.value()) + ")";
        if (s instanceof Global g) return "(global " + String.join(" ", g.names()) + ")";
        if (s instanceof Nonlocal n) return "(nonlocal " + String.join(" ", n.names()) + ")";
        if (s instanceof If i) return "(if " + expr(i.test()) + " " + block(i.body()) + orelse(i.orelse()) + ")";
        if (s instanceof While w) return "(while " + expr(w.test()) + " " + block(w.body()) + orelse(w.orelse()) + ")";
        if (s instanceof For f) {
            return "(for " + expr(f.target()) + " " + expr(f.iter()) + " " + block(f.body()) + orelse(f.orelse()) + ")";
        }
        if (s instanceof Break) return "break";
        if (s instanceof Continue) return "continue";
        if (s instanceof Pass) return "pass";
        if (s instanceof Return r) return r.value() == null ? "(return)" : "(return " + expr(r.value()) + ")";
        if (s instanceof Try t) return tryStmt(t);
        if (s instanceof Raise r) return raise(r);
        if (s instanceof Assert a) return "(assert " + expr(a.test()) + (a.msg() == null ? "" : " " + expr(a.msg())) + ")";
        if (s instanceof AsyncWith w) {
            String as = w.target() == null ? "" : " as " + expr(w.target());
            return "(async-with " + expr(w.ctx()) + as + " " + block(w.body()) + ")";
        }
        if (s instanceof FunctionDef d) {
            return "(" + (d.isAsync() ? "async-def " : "def ") + d.name() + " " + params(d.params()) + " " + block(d.body()) + ")";
        }
        if (s instanceof Import i) return "(import " + i.module() + (i.alias() == null ? "" : " as " + i.alias()) + ")";
        if (s instanceof ImportFrom f) {
            String names = f.names().stream().map(a -> a.name() + (a.asName() == null ? "" : " as " + a.asName()))
                    .collect(Collectors.joining(", "));
            return "(from " + f.module() + " " + names + ")";
        }
        throw new AssertionError(s);
    }

    private static String orelse(List<Stmt> orelse) {
        return orelse.isEmpty() ? "" : " else " + block(orelse);
    }

    private static String tryStmt(Try t) {
        StringBuilder sb = new StringBuilder("(try " + block(t.body()));
        for (Handler h : t.handlers()) {
            sb.append(" (except");
            if (h.type() != null) sb.append(' ').append(expr(h.type()));
            if (h.name() != null) sb.append(" as ").append(h.name());
            sb.append(' ').append(block(h.body())).append(')');
        }
        if (!t.orelse().isEmpty()) sb.append(" else ").append(block(t.orelse()));
        if (!t.finalbody().isEmpty()) sb.append(" finally ").append(block(t.finalbody()));
        return sb.append(')').toString();
    }

    private static String raise(Raise r) {
        if (r.exc() == null) return "(raise)";
        return "(raise " + expr(r.exc()) + (r.cause() == null ? "" : " from " + expr(r.cause())) + ")";
    }

    static String params(Params p) {
        List<String> out = new ArrayList<>();
        int firstDefault = p.names().size() - p.defaults().size();
        for (int k = 0; k < p.names().size(); k++) {
            out.add(p.names().get(k) + (k >= firstDefault ? "=" + expr(p.defaults().get(k - firstDefault)) : ""));
        }
        if (p.vararg() != null) out.add("*" + p.vararg());
        else if (!p.kwOnly().isEmpty()) out.add("*");
        for (int k = 0; k < p.kwOnly().size(); k++) {
            Expr d = p.kwDefaults().get(k);
            out.add(p.kwOnly().get(k) + (d == null ? "" : "=" + expr(d)));
        }
        return "(" + String.join(" ", out) + ")";
    }

    static String exprs(List<Expr> es) {
        return es.stream().map(AstDump::expr).collect(Collectors.joining(" "));
    }

    static String expr(Expr e) {
        if (e == null) return "_";
        if (e instanceof Name n) return n.id();
        if (e instanceof Const c) return constant(c.value());
        if (e instanceof FString f) return "(f " + f.parts().stream().map(AstDump::fpart).collect(Collectors.joining(" ")) + ")";
        if (e instanceof ListExpr l) return "[" + exprs(l.elts()) + "]";
        if (e instanceof TupleExpr t) return "(tuple" + (t.elts().isEmpty() ? "" : " " + exprs(t.elts())) + ")";
        if (e instanceof DictExpr d) return dict(d);
        if (e instanceof Subscript s) return "(sub " + expr(s.value()) + " " + expr(s.index()) + ")";
        if (e instanceof Slice s) return "(slice " + expr(s.lower()) + " " + expr(s.upper()) + " " + expr(s.step()) + ")";
        if (e instanceof Attribute a) return "(. " + expr(a.value()) + " " + a.attr() + ")";
        if (e instanceof Call c) return call(c);
        if (e instanceof ListComp l) {
            String ifs = l.ifs().stream().map(i -> " (if " + expr(i) + ")").collect(Collectors.joining());
            return "(listcomp " + expr(l.elt()) + " " + expr(l.target()) + " " + expr(l.iter()) + ifs + ")";
        }
        if (e instanceof GenExp g) return "(genexp " + expr(g.iter()) + " " + expr(g.step()) + ")";
        if (e instanceof Lambda l) return "(lambda " + params(l.params()) + " " + expr(l.body()) + ")";
        if (e instanceof UnaryOp u) return "(" + u.op() + " " + expr(u.operand()) + ")";
        if (e instanceof BoolOp b) return "(" + b.op() + " " + exprs(b.values()) + ")";
        if (e instanceof IfExp i) return "(ifexp " + expr(i.test()) + " " + expr(i.body()) + " " + expr(i.orelse()) + ")";
        if (e instanceof BinOp b) return "(" + b.op() + " " + expr(b.left()) + " " + expr(b.right()) + ")";
        if (e instanceof Compare c) return compare(c);
        if (e instanceof Await a) return "(await " + expr(a.value()) + ")";
        throw new AssertionError(e);
    }

    private static String dict(DictExpr d) {
        List<String> items = new ArrayList<>();
        for (int k = 0; k < d.keys().size(); k++) items.add(expr(d.keys().get(k)) + ": " + expr(d.values().get(k)));
        return "{" + String.join(", ", items) + "}";
    }

    private static String call(Call c) {
        StringBuilder sb = new StringBuilder("(call " + expr(c.func()));
        for (Arg a : c.args()) {
            sb.append(' ');
            if (a.kind() == ArgKind.STAR) sb.append('*');
            if (a.kind() == ArgKind.KEYWORD) sb.append(a.name()).append('=');
            sb.append(expr(a.value()));
        }
        return sb.append(')').toString();
    }

    private static String compare(Compare c) {
        StringBuilder sb = new StringBuilder("(cmp " + expr(c.left()));
        for (int k = 0; k < c.ops().size(); k++) sb.append(' ').append(c.ops().get(k)).append(' ').append(expr(c.comparators().get(k)));
        return sb.append(')').toString();
    }

    private static String fpart(Object part) {
        if (part instanceof String s) return constant(s);
        FormattedValue v = (FormattedValue) part;
        String conv = v.conversion() == 0 ? "" : "!" + v.conversion();
        String spec = v.spec() == null ? "" : ":" + v.spec();
        return "{" + expr(v.value()) + conv + spec + "}";
    }

    static String constant(Object v) {
        if (v == null) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\t", "\\t") + "'";
        }
        return v.toString();
    }
}
