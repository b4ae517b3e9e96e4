package lockstep.vm;

import lockstep.core.PyVersion;
import lockstep.core.Vec;
import lockstep.lang.Ast;
import lockstep.lang.Code;
import lockstep.lang.Parser;
import lockstep.lang.ScenarioError;
import lockstep.vm.Obj.GlobalsObj;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled scenario together with the compiled model prelude, and the CPython version
 * whose semantics it runs with ({@link #version}). {@link #start()} makes
 * the initial machine: both modules' globals on the heap, the prelude's definitions run,
 * and the scenario's module frame ready to run.
 */
public final class Program {
    public static final String PRELUDE_FILE = "asyncio_model.py";
    private static final Compiled PRELUDE_CODE = compilePrelude();

    /** A compiled module: its body and its global slots. */
    public record Compiled(Code body, Code.ModuleInfo module) {}

    public final Compiled prelude = PRELUDE_CODE;
    public final Compiled user;
    public final String file;
    public final PyVersion version;
    int preludeGlobals;
    int userGlobals;

    /** The heap id of the scenario module's global variables (set once a run has started). */
    public int userGlobals() { return userGlobals; }

    /**
     * Whether the scenario mentions {@code _waiters} anywhere (the only way to look at the order
     * of a primitive's waiters: getattr() is not in the subset). Unless it does, an Event's
     * waiters are a set ({@link Canon}, {@link Footprint#joined}).
     */
    public final boolean looksAtWaiters;

    private Program(String file, Compiled user, PyVersion version, boolean looksAtWaiters) {
        this.file = file;
        this.user = user;
        this.version = version;
        this.looksAtWaiters = looksAtWaiters;
    }

    /** Parses, checks and compiles a scenario to run as CPython 3.12 does; refusals come as ScenarioError. */
    public static Program compile(String file, String source) throws ScenarioError {
        return compile(file, source, PyVersion.DEFAULT);
    }

    /** Parses, checks and compiles a scenario to run as CPython {@code version} does. */
    public static Program compile(String file, String source, PyVersion version) throws ScenarioError {
        Ast.Module mod = Parser.parse(file, source, version.compareTo(PyVersion.V3_12) >= 0);
        SubsetCheck.check(mod);
        Code.ModuleInfo info = new Code.ModuleInfo(file);
        return new Program(file, new Compiled(lockstep.lang.Compiler.compileModule(mod, info), info), version, source.contains("_waiters"));
    }

    private static Compiled compilePrelude() {
        try (InputStream in = Program.class.getResourceAsStream("/lockstep/" + PRELUDE_FILE)) {
            String src = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Ast.Module mod = Parser.parse(PRELUDE_FILE, src);
            Code.ModuleInfo info = new Code.ModuleInfo(PRELUDE_FILE);
            return new Compiled(lockstep.lang.Compiler.compileModule(mod, info), info);
        } catch (IOException | ScenarioError e) {
            throw new IllegalStateException("the model prelude does not compile: " + e.getMessage(), e);
        }
    }

    /** A machine with the prelude defined, and the scenario's module frame (not yet started). */
    public Start start() {
        if (afterPrelude == null) afterPrelude = runPrelude();
        return new Start(afterPrelude.snapshot(), new Frame(user.body(), userGlobals, Vec.of(), -1,
                new Object[user.body().localNames.length]));
    }

    /** The code of the prelude's module-level function {@code name}. */
    static Code preludeCode(String name) {
        for (Object k : PRELUDE_CODE.body().consts) {
            if (k instanceof lockstep.lang.Compiler.FunctionTemplate t && t.code().name.equals(name)) return t.code();
        }
        throw new IllegalStateException("the prelude defines no " + name);
    }

    /** The global slot of the prelude's function {@code name}. */
    static int preludeSlot(String name) {
        return PRELUDE_CODE.module().find(name);
    }

    private static final Object NO_BUILTIN = new Object();

    /** The builtin a module's global slot names when the module does not define it, looked up once ({@link Code.ModuleInfo#builtins}). */
    Object builtin(Code.ModuleInfo module, int slot, boolean prelude) {
        Object[] cache = module.builtins;
        if (cache.length <= slot) module.builtins = cache = java.util.Arrays.copyOf(cache, module.globals.size());
        Object b = cache[slot];
        if (b == null) {
            b = Builtins.global(module.globals.get(slot), prelude);
            cache[slot] = b = b == null ? NO_BUILTIN : b;
        }
        return b == NO_BUILTIN ? null : b;
    }

    /** The machine once the prelude's definitions ran: the same for every run, so made once and copied. */
    private Machine afterPrelude;

    private Machine runPrelude() {
        Machine m = new Machine(this);
        preludeGlobals = m.alloc(new GlobalsObj(unbound(prelude.module().globals.size())));
        userGlobals = m.alloc(new GlobalsObj(unbound(user.module().globals.size())));
        List<Object> st = new ArrayList<>();
        st.add(new Frame(prelude.body(), preludeGlobals, Vec.of(), -1, new Object[0]));
        Interp.Outcome o = Interp.drive(m, st, null, null);
        if (o.kind() != Interp.Outcome.RETURN) throw new IllegalStateException("the model prelude failed: " + o.exc());
        return m;
    }

    private static Vec<Object> unbound(int n) {
        Object[] a = new Object[n];
        java.util.Arrays.fill(a, Values.Unbound.UNBOUND);
        return Vec.adopt(a);
    }

    public record Start(Machine machine, Frame module) {}
}
