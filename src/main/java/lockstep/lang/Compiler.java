package lockstep.lang;

import lockstep.lang.Ast.*;
import lockstep.lang.Scopes.Kind;
import lockstep.lang.Scopes.Scope;

import java.util.*;

/**
 * Compiles a checked syntax tree to {@link Code}: one Code per function, lambda and the
 * module body. try/finally and async with are compiled the way CPython does it since
 * 3.9: the finally body (or the __aexit__ call) is emitted again on every way out of
 * the block — falling through, break, continue, return — and once more in a handler
 * for exceptions.
 */
public final class Compiler {

    /** What MAKE_FUNCTION needs: the code, how many defaults are on the stack, and where its cells come from. */
    public record FunctionTemplate(Code code, int nDefaults, boolean[] kwDefaultPresent, int[] closureFrom) {
        /**
         * From where the function is defined, not from object identities: a function's fake
         * address ({@code <function f at 0x...>}) is then the same in every run, on any JVM.
         */
        @Override public int hashCode() { return java.util.Objects.hash(code.file, code.firstLine, code.qualname); }
    }

    private final String file;
    private final Scopes scopes;
    private final Code.ModuleInfo module;

    private Compiler(String file, Scopes scopes, Code.ModuleInfo module) {
        this.file = file;
        this.scopes = scopes;
        this.module = module;
    }

    /** Compiles a module; its globals are numbered in {@code module}. */
    public static Code compileModule(Ast.Module m, Code.ModuleInfo module) throws ScenarioError {
        Scopes scopes = new Scopes(m.file());
        Scope s = scopes.module(m);
        Compiler c = new Compiler(m.file(), scopes, module);
        return c.new Fn("<module>", "<module>", s, false, 1, Params.NONE).compileBody(m.body());
    }

    // ------------------------------------------------------------------ one code object

    /** Where a break/continue/return has to clean up on its way out. */
    private sealed interface Ctx permits LoopCtx, HandlerCtx, FinallyCtx, ExceptBodyCtx, FinallyBodyCtx, WithCtx {}
    private record LoopCtx(boolean isFor, Label cont, Label brk) implements Ctx {}
    private record HandlerCtx() implements Ctx {}
    private record FinallyCtx(List<Stmt> finalbody) implements Ctx {}
    /** The body of {@code except T as name} (name null without {@code as}): leaving it unbinds the name, as in CPython. */
    private record ExceptBodyCtx(String name) implements Ctx {}
    private record FinallyBodyCtx() implements Ctx {}
    private record WithCtx(int mgrSlot) implements Ctx {}

    private static final class Label {
        int at = -1;
        final List<Integer> refs = new ArrayList<>();
    }

    private final class Fn {
        final String name;
        final Scope scope;
        final boolean isAsync;
        final int firstLine;
        final Params params;
        final List<Integer> ops = new ArrayList<>();
        final List<Integer> args = new ArrayList<>();
        final List<Integer> lines = new ArrayList<>();
        final List<Object> consts = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<String> locals;
        final Deque<Ctx> ctx = new ArrayDeque<>();
        final Deque<Map<String, String>> renames = new ArrayDeque<>();
        int line;
        int hidden;

        /** The function's __qualname__: its name after those of the functions around it ({@code main.<locals>.inner}). */
        final String qualname;

        Fn(String name, String qualname, Scope scope, boolean isAsync, int firstLine, Params params) {
            this.name = name;
            this.qualname = qualname;
            this.scope = scope;
            this.isAsync = isAsync;
            this.firstLine = firstLine;
            this.params = params;
            this.locals = new ArrayList<>(scope.locals);
            this.line = firstLine;
        }

        Code compileBody(List<Stmt> body) throws ScenarioError {
            stmts(body);
            emit(Op.CONST, constIndex(NONE_MARK));
            emit(Op.RETURN, 0);
            return build();
        }

        Code compileLambda(Expr body) throws ScenarioError {
            expr(body);
            emit(Op.RETURN, 0);
            return build();
        }

        Code build() {
            int n = ops.size();
            int[] o = new int[n], a = new int[n], l = new int[n];
            for (int i = 0; i < n; i++) { o[i] = ops.get(i); a[i] = args.get(i); l[i] = lines.get(i); }
            boolean[] cell = new boolean[locals.size()];
            for (int i = 0; i < locals.size(); i++) cell[i] = scope.cells.contains(locals.get(i));
            Object[] cs = consts.toArray();
            return new Code(name, qualname, file, firstLine, isAsync, o, a, l, cs, names.toArray(new String[0]),
                    locals.toArray(new String[0]), cell, scope.frees.toArray(new String[0]),
                    params.names().toArray(new String[0]), params.vararg(),
                    params.kwOnly().toArray(new String[0]), 16, module);
        }

        // -------------------------------------------------------------- emitting

        int emit(int op, int arg) {
            ops.add(op);
            args.add(arg);
            lines.add(line);
            return ops.size() - 1;
        }

        void jump(int op, Label l) {
            int at = emit(op, -1);
            if (l.at >= 0) args.set(at, l.at);
            else l.refs.add(at);
        }

        void place(Label l) {
            l.at = ops.size();
            for (int r : l.refs) args.set(r, l.at);
        }

        int constIndex(Object v) {
            for (int i = 0; i < consts.size(); i++) {
                Object c = consts.get(i);
                if (c == v || (c != null && c.getClass() == v.getClass() && !(c instanceof FunctionTemplate)
                        && !(c instanceof Op.CallShape) && c.equals(v))) return i;
            }
            consts.add(v);
            return consts.size() - 1;
        }

        int nameIndex(String n) {
            int i = names.indexOf(n);
            if (i >= 0) return i;
            names.add(n);
            return names.size() - 1;
        }

        int hiddenLocal(String what) {
            locals.add("." + what + (hidden++));
            return locals.size() - 1;
        }

        ScenarioError syntax(Pos p, String msg) {
            return ScenarioError.syntax(file, p.line(), p.col(), msg);
        }

        // -------------------------------------------------------------- names

        String resolveName(String id) { return Scopes.rename(id, renames); }

        void load(String rawId) {
            String id = resolveName(rawId);
            Kind k = scope.kind(id);
            switch (k) {
                case LOCAL -> emit(Op.LOAD_FAST, locals.indexOf(id));
                case CELL -> emit(Op.LOAD_CELL, locals.indexOf(id));
                case FREE -> emit(Op.LOAD_FREE, scope.frees.indexOf(id));
                case GLOBAL -> emit(Op.LOAD_GLOBAL, module.slot(id));
            }
        }

        void store(String rawId) {
            String id = resolveName(rawId);
            Kind k = scope.kind(id);
            switch (k) {
                case LOCAL -> emit(Op.STORE_FAST, locals.indexOf(id));
                case CELL -> emit(Op.STORE_CELL, locals.indexOf(id));
                case FREE -> emit(Op.STORE_FREE, scope.frees.indexOf(id));
                case GLOBAL -> emit(Op.STORE_GLOBAL, module.assignedSlot(id));
            }
        }

        /**
         * Unbinds a name, as CPython does with the name of {@code except T as name} when its
         * body is left (normally, or by break or continue): reading it afterwards raises
         * UnboundLocalError in a function and NameError at module level. A name that inner
         * functions share (a cell) keeps its value.
         */
        void unbind(String rawId) {
            String id = resolveName(rawId);
            switch (scope.kind(id)) {
                case LOCAL -> emit(Op.DELETE_FAST, locals.indexOf(id));
                case GLOBAL -> emit(Op.DELETE_GLOBAL, module.assignedSlot(id));
                default -> { }
            }
        }

        // -------------------------------------------------------------- statements

        void stmts(List<Stmt> body) throws ScenarioError {
            for (Stmt s : body) stmt(s);
        }

        void stmt(Stmt st) throws ScenarioError {
            line = st.pos().line();
            if (st instanceof ExprStmt e) {
                expr(e.value()); emit(Op.POP, 0);
            } else if (st instanceof Assign a) {
                    expr(a.value());
                    for (int i = 0; i < a.targets().size(); i++) {
                        if (i < a.targets().size() - 1) emit(Op.DUP, 0);
                        storeTarget(a.targets().get(i));
                    }
            } else if (st instanceof AugAssign a) {
                augAssign(a);
            } else if (st instanceof Global g) {
                
            } else if (st instanceof Nonlocal n) {
                
            } else if (st instanceof If i) {
                    Label orelse = new Label(), end = new Label();
                    expr(i.test());
                    jump(Op.JUMP_IF_FALSE, orelse);
                    stmts(i.body());
                    jump(Op.JUMP, end);
                    place(orelse);
                    stmts(i.orelse());
                    place(end);
            } else if (st instanceof While w) {
                    Label top = new Label(), orelse = new Label(), end = new Label();
                    place(top);
                    expr(w.test());
                    jump(Op.JUMP_IF_FALSE, orelse);
                    ctx.push(new LoopCtx(false, top, end));
                    stmts(w.body());
                    ctx.pop();
                    jump(Op.JUMP, top);
                    place(orelse);
                    stmts(w.orelse());
                    place(end);
            } else if (st instanceof For f) {
                    Label top = new Label(), orelse = new Label(), end = new Label();
                    expr(f.iter());
                    emit(Op.GET_ITER, 0);
                    place(top);
                    jump(Op.FOR_ITER, orelse);
                    storeTarget(f.target());
                    ctx.push(new LoopCtx(true, top, end));
                    stmts(f.body());
                    ctx.pop();
                    jump(Op.JUMP, top);
                    place(orelse);
                    stmts(f.orelse());
                    place(end);
            } else if (st instanceof Break b) {
                breakOrContinue(b.pos(), true);
            } else if (st instanceof Continue c) {
                breakOrContinue(c.pos(), false);
            } else if (st instanceof Pass p) {
                
            } else if (st instanceof Return r) {
                ret(r);
            } else if (st instanceof Try t) {
                tryStmt(t);
            } else if (st instanceof Raise r) {
                    if (r.exc() == null) emit(Op.RAISE, 0);
                    else if (r.cause() == null) { expr(r.exc()); emit(Op.RAISE, 1); }
                    else { expr(r.exc()); expr(r.cause()); emit(Op.RAISE, 2); }
            } else if (st instanceof Assert a) {
                    Label ok = new Label();
                    expr(a.test());
                    jump(Op.JUMP_IF_TRUE, ok);
                    if (a.msg() != null) { expr(a.msg()); emit(Op.ASSERT_FAIL, 1); }
                    else emit(Op.ASSERT_FAIL, 0);
                    place(ok);
            } else if (st instanceof AsyncWith w) {
                asyncWith(w);
            } else if (st instanceof FunctionDef d) {
                    makeFunction(d, d.name(), d.params(), d.isAsync(), d.pos().line());
                    store(d.name());
            } else if (st instanceof Import im) {
                    emit(Op.CONST, constIndex(new ModuleRef(im.module())));
                    store(im.alias() != null ? im.alias() : im.module());
            } else if (st instanceof ImportFrom im) {
                    for (Alias al : im.names()) {
                        emit(Op.CONST, constIndex(new ModuleRef(im.module())));
                        emit(Op.LOAD_ATTR, nameIndex(al.name()));
                        store(al.asName() != null ? al.asName() : al.name());
                    }
            }
        }

        void storeTarget(Expr t) throws ScenarioError {
            if (t instanceof Name n) {
                store(n.id());
            } else if (t instanceof Subscript s) {
                expr(s.value()); expr(s.index()); emit(Op.STORE_SUBSCR, 0);
            } else if (t instanceof Attribute a) {
                expr(a.value()); emit(Op.STORE_ATTR, nameIndex(a.attr()));
            } else if (t instanceof TupleExpr tu) {
                unpackInto(tu.elts());
            } else if (t instanceof ListExpr l) {
                unpackInto(l.elts());
            } else {
                throw syntax(t.pos(), "cannot assign to expression");
            }
        }

        void unpackInto(List<Expr> elts) throws ScenarioError {
            emit(Op.UNPACK, elts.size());
            for (Expr e : elts) storeTarget(e);
        }

        void augAssign(AugAssign a) throws ScenarioError {
            int op = Op.binop(a.op()) + INPLACE;
            if (a.target() instanceof Name n) {
                load(n.id()); expr(a.value()); emit(Op.BINARY, op); store(n.id());
            } else if (a.target() instanceof Subscript s) {
                    expr(s.value()); expr(s.index());
                    emit(Op.DUP2, 0); emit(Op.SUBSCR, 0);
                    expr(a.value()); emit(Op.BINARY, op);
                    emit(Op.ROT3, 0); emit(Op.STORE_SUBSCR, 0);
            } else if (a.target() instanceof Attribute at) {
                    expr(at.value()); emit(Op.DUP, 0); emit(Op.LOAD_ATTR, nameIndex(at.attr()));
                    expr(a.value()); emit(Op.BINARY, op);
                    emit(Op.ROT2, 0); emit(Op.STORE_ATTR, nameIndex(at.attr()));
            } else {
                throw syntax(a.pos(), "illegal expression for augmented assignment");
            }
        }

        void breakOrContinue(Pos p, boolean isBreak) throws ScenarioError {
            Deque<Ctx> saved = new ArrayDeque<>(ctx);
            try {
                while (!ctx.isEmpty()) {
                    Ctx c = ctx.peek();
                    if (c instanceof LoopCtx loop) {
                        if (isBreak) {
                            if (loop.isFor()) emit(Op.POP, 0);
                            jump(Op.JUMP, loop.brk());
                        } else {
                            jump(Op.JUMP, loop.cont());
                        }
                        return;
                    }
                    ctx.pop();
                    unwind(c);
                }
                throw syntax(p, "'" + (isBreak ? "break" : "continue") + "' outside loop");
            } finally {
                ctx.clear();
                ctx.addAll(saved);
            }
        }

        /** Leaves one enclosing construct on the way out of it (ctx already holds what is outside). */
        void unwind(Ctx c) throws ScenarioError {
            if (c instanceof HandlerCtx h) {
                emit(Op.POP_BLOCK, 0);
            } else if (c instanceof FinallyCtx f) {
                emit(Op.POP_BLOCK, 0); stmts(f.finalbody());
            } else if (c instanceof ExceptBodyCtx e) {
                emit(Op.POP_EXC_INFO, 0);
                if (e.name() != null) unbind(e.name());
            } else if (c instanceof FinallyBodyCtx f) {
                emit(Op.POP_EXC_INFO, 0); emit(Op.POP, 0);
            } else if (c instanceof WithCtx w) {
                    emit(Op.POP_BLOCK, 0);
                    emit(Op.LOAD_FAST, w.mgrSlot());
                    emit(Op.AEXIT, 0);
                    emit(Op.AWAIT, 0);
                    emit(Op.POP, 0);
            } else if (c instanceof LoopCtx l) {
                if (l.isFor()) emit(Op.POP, 0);
            }
        }

        void ret(Return r) throws ScenarioError {
            if (scope.isModule) throw syntax(r.pos(), "'return' outside function");
            if (r.value() != null) expr(r.value());
            else emit(Op.CONST, constIndex(NONE_MARK));
            boolean cleanup = ctx.stream().anyMatch(c -> c instanceof FinallyCtx || c instanceof WithCtx);
            if (!cleanup) { emit(Op.RETURN, 0); return; }
            int slot = hiddenLocal("ret");
            emit(Op.STORE_FAST, slot);
            Deque<Ctx> saved = new ArrayDeque<>(ctx);
            try {
                while (!ctx.isEmpty()) {
                    Ctx c = ctx.pop();
                    if (c instanceof LoopCtx) continue;   // the frame's stack goes away anyway
                    unwind(c);
                }
            } finally {
                ctx.clear();
                ctx.addAll(saved);
            }
            emit(Op.LOAD_FAST, slot);
            emit(Op.RETURN, 0);
        }

        void tryStmt(Try t) throws ScenarioError {
            if (t.finalbody().isEmpty()) { tryExcept(t); return; }
            Label handler = new Label(), end = new Label();
            jump(Op.SETUP_HANDLER, handler);
            ctx.push(new FinallyCtx(t.finalbody()));
            if (t.handlers().isEmpty()) stmts(t.body());
            else tryExcept(t);
            ctx.pop();
            emit(Op.POP_BLOCK, 0);
            stmts(t.finalbody());
            jump(Op.JUMP, end);
            place(handler);
            emit(Op.PUSH_EXC_INFO, 0);
            ctx.push(new FinallyBodyCtx());
            stmts(t.finalbody());
            ctx.pop();
            emit(Op.POP_EXC_INFO, 0);
            emit(Op.RERAISE, 0);
            place(end);
        }

        void tryExcept(Try t) throws ScenarioError {
            Label handlers = new Label(), end = new Label();
            jump(Op.SETUP_HANDLER, handlers);
            ctx.push(new HandlerCtx());
            stmts(t.body());
            ctx.pop();
            emit(Op.POP_BLOCK, 0);
            stmts(t.orelse());
            jump(Op.JUMP, end);
            place(handlers);
            emit(Op.PUSH_EXC_INFO, 0);
            for (Handler h : t.handlers()) {
                line = h.pos().line();
                Label next = new Label();
                if (h.type() != null) {
                    expr(h.type());
                    emit(Op.EXC_MATCH, 0);
                    jump(Op.JUMP_IF_FALSE, next);
                }
                if (h.name() != null) store(h.name());
                else emit(Op.POP, 0);
                ctx.push(new ExceptBodyCtx(h.name()));
                stmts(h.body());
                ctx.pop();
                if (h.name() != null) unbind(h.name());
                emit(Op.POP_EXC_INFO, 0);
                jump(Op.JUMP, end);
                place(next);
            }
            emit(Op.POP_EXC_INFO, 0);
            emit(Op.RERAISE, 0);
            place(end);
        }

        void asyncWith(AsyncWith w) throws ScenarioError {
            if (!isAsync) throw syntax(w.pos(), "'async with' outside async function");
            Label handler = new Label(), swallow = new Label(), end = new Label();
            int mgr = hiddenLocal("mgr");
            expr(w.ctx());
            emit(Op.STORE_FAST, mgr);
            emit(Op.LOAD_FAST, mgr);
            emit(Op.AENTER, 0);
            emit(Op.AWAIT, 0);
            if (w.target() != null) storeTarget(w.target());
            else emit(Op.POP, 0);
            jump(Op.SETUP_HANDLER, handler);
            ctx.push(new WithCtx(mgr));
            stmts(w.body());
            ctx.pop();
            emit(Op.POP_BLOCK, 0);
            emit(Op.LOAD_FAST, mgr);
            emit(Op.AEXIT, 0);
            emit(Op.AWAIT, 0);
            emit(Op.POP, 0);
            jump(Op.JUMP, end);
            place(handler);
            emit(Op.PUSH_EXC_INFO, 0);
            emit(Op.LOAD_FAST, mgr);
            emit(Op.AEXIT_EXC, 0);
            emit(Op.AWAIT, 0);
            jump(Op.JUMP_IF_TRUE, swallow);
            emit(Op.POP_EXC_INFO, 0);
            emit(Op.RERAISE, 0);
            place(swallow);
            emit(Op.POP_EXC_INFO, 0);
            emit(Op.POP, 0);
            place(end);
        }

        void makeFunction(Object node, String fname, Params p, boolean async, int firstLine) throws ScenarioError {
            for (Expr d : p.defaults()) expr(d);
            boolean[] kwPresent = new boolean[p.kwDefaults().size()];
            for (int i = 0; i < kwPresent.length; i++) {
                Expr d = p.kwDefaults().get(i);
                if (d != null) { expr(d); kwPresent[i] = true; }
            }
            Scope inner = scopes.scopes.get(node);
            Fn f = new Fn(fname, scope.isModule ? moduleQualname(fname) : qualname + ".<locals>." + fname, inner, async, firstLine, p);
            if (node instanceof Lambda) f.renames.addAll(Scopes.insideLambda(renames, inner));
            Code code = node instanceof Lambda l ? f.compileLambda(l.body())
                    : f.compileBody(((FunctionDef) node).body());
            int[] from = new int[inner.frees.size()];
            for (int i = 0; i < from.length; i++) {
                String n = inner.frees.get(i);
                from[i] = scope.frees.contains(n) ? -(scope.frees.indexOf(n) + 1) : locals.indexOf(n);
            }
            emit(Op.MAKE_FUNCTION, constIndex(new FunctionTemplate(code, p.defaults().size(), kwPresent, from)));
        }

        /**
         * A module-level function's __qualname__: its name; in the model prelude, a method
         * written {@code Type_method} there is CPython's {@code Type.method} (the name its
         * errors give, such as "Lock.acquire() takes 1 positional argument but 2 were given").
         */
        String moduleQualname(String fname) {
            if (!file.equals("asyncio_model.py")) return fname;   // lockstep.vm.Program.PRELUDE_FILE (lang cannot see vm)
            int cut = fname.indexOf('_');
            return cut > 0 && Character.isUpperCase(fname.charAt(0)) ? fname.substring(0, cut) + "." + fname.substring(cut + 1) : fname;
        }

        // -------------------------------------------------------------- expressions

        void expr(Expr e) throws ScenarioError {
            if (e instanceof Name n) {
                load(n.id());
            } else if (e instanceof Const c) {
                emit(Op.CONST, constIndex(c.value() == null ? NONE_MARK : c.value()));
            } else if (e instanceof FString f) {
                    int n = 0;
                    for (Object part : f.parts()) {
                        if (part instanceof String s) emit(Op.CONST, constIndex(s));
                        else {
                            FormattedValue fv = (FormattedValue) part;
                            expr(fv.value());
                            int spec = fv.spec() == null ? 0 : constIndex(fv.spec()) + 1;
                            emit(Op.FORMAT, fv.conversion() | (spec << 8));
                        }
                        n++;
                    }
                    emit(Op.BUILD_STRING, n);
            } else if (e instanceof ListExpr l) {
                for (Expr x : l.elts()) expr(x); emit(Op.BUILD_LIST, l.elts().size());
            } else if (e instanceof TupleExpr t) {
                for (Expr x : t.elts()) expr(x); emit(Op.BUILD_TUPLE, t.elts().size());
            } else if (e instanceof DictExpr d) {
                    for (int i = 0; i < d.keys().size(); i++) { expr(d.keys().get(i)); expr(d.values().get(i)); }
                    emit(Op.BUILD_DICT, d.keys().size());
            } else if (e instanceof Subscript s) {
                expr(s.value()); expr(s.index()); emit(Op.SUBSCR, 0);
            } else if (e instanceof Slice s) {
                    optional(s.lower()); optional(s.upper()); optional(s.step());
                    emit(Op.BUILD_SLICE, 0);
            } else if (e instanceof Attribute a) {
                expr(a.value()); emit(Op.LOAD_ATTR, nameIndex(a.attr()));
            } else if (e instanceof Call c) {
                call(c);
            } else if (e instanceof ListComp lc) {
                listComp(lc);
            } else if (e instanceof GenExp g) {
                expr(g.iter());
                emit(Op.GET_ITER, 0);
                makeFunction(g.step(), "<genexpr>", g.step().params(), false, g.pos().line());
                emit(Op.GENEXP, 0);
            } else if (e instanceof Lambda l) {
                makeFunction(l, "<lambda>", l.params(), false, l.pos().line());
            } else if (e instanceof UnaryOp u) {
                    expr(u.operand());
                    emit(Op.UNARY, switch (u.op()) { case "not" -> 0; case "-" -> 1; default -> 2; });
            } else if (e instanceof BoolOp b) {
                    Label end = new Label();
                    for (int i = 0; i < b.values().size(); i++) {
                        expr(b.values().get(i));
                        if (i < b.values().size() - 1)
                            jump(b.op().equals("and") ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP, end);
                    }
                    place(end);
            } else if (e instanceof IfExp i) {
                    Label orelse = new Label(), end = new Label();
                    expr(i.test());
                    jump(Op.JUMP_IF_FALSE, orelse);
                    expr(i.body());
                    jump(Op.JUMP, end);
                    place(orelse);
                    expr(i.orelse());
                    place(end);
            } else if (e instanceof BinOp b) {
                expr(b.left()); expr(b.right()); emit(Op.BINARY, Op.binop(b.op()));
            } else if (e instanceof Compare c) {
                compare(c);
            } else if (e instanceof Await a) {
                    if (!isAsync) throw syntax(a.pos(), "'await' outside async function");
                    expr(a.value());
                    emit(Op.AWAIT, 0);
            }
        }

        void optional(Expr e) throws ScenarioError {
            if (e == null) emit(Op.CONST, constIndex(NONE_MARK));
            else expr(e);
        }

        void call(Call c) throws ScenarioError {
            expr(c.func());
            Ast.ArgKind[] kinds = new Ast.ArgKind[c.args().size()];
            String[] names = new String[kinds.length];
            for (int i = 0; i < kinds.length; i++) {
                Arg a = c.args().get(i);
                expr(a.value());
                kinds[i] = a.kind();
                names[i] = a.name();
            }
            consts.add(new Op.CallShape(kinds, names));
            emit(Op.CALL, consts.size() - 1);
        }

        void listComp(ListComp lc) throws ScenarioError {
            Label top = new Label(), end = new Label();
            emit(Op.BUILD_LIST, 0);
            expr(lc.iter());
            emit(Op.GET_ITER, 0);
            renames.push(scopes.compRenames.get(lc));
            place(top);
            jump(Op.FOR_ITER, end);
            storeTarget(lc.target());
            for (Expr cond : lc.ifs()) {
                expr(cond);
                jump(Op.JUMP_IF_FALSE, top);
            }
            expr(lc.elt());
            emit(Op.LIST_APPEND, 2);
            jump(Op.JUMP, top);
            place(end);
            renames.pop();
        }

        void compare(Compare c) throws ScenarioError {
            expr(c.left());
            int n = c.ops().size();
            if (n == 1) {
                expr(c.comparators().get(0));
                emit(Op.COMPARE, Op.cmpop(c.ops().get(0)));
                return;
            }
            Label cleanup = new Label(), end = new Label();
            for (int i = 0; i < n; i++) {
                expr(c.comparators().get(i));
                if (i < n - 1) {
                    emit(Op.DUP, 0);
                    emit(Op.ROT3, 0);
                    emit(Op.COMPARE, Op.cmpop(c.ops().get(i)));
                    jump(Op.JUMP_IF_FALSE_OR_POP, cleanup);
                } else {
                    emit(Op.COMPARE, Op.cmpop(c.ops().get(i)));
                }
            }
            jump(Op.JUMP, end);
            place(cleanup);
            emit(Op.ROT2, 0);
            emit(Op.POP, 0);
            place(end);
        }
    }

    /** BINARY's arg is offset by this for augmented (in-place) assignment. */
    public static final int INPLACE = 100;

    /** A reference to an importable module (only asyncio). */
    public record ModuleRef(String name) {}

    private static final Object NONE_MARK = NoneType.NONE;
}
