package lockstep.lang;

/**
 * A compiled function (or module body): instructions, constants and the layout of its
 * frame. Immutable once built; shared by every frame that runs it.
 */
public final class Code {
    public final String name;
    /** The dotted path to the function from the module: {@code main.<locals>.inner} (CPython's __qualname__). */
    public final String qualname;
    public final String file;
    public final int firstLine;
    public final boolean isAsync;
    public final int[] ops;
    public final int[] args;
    public final int[] lines;
    public final Object[] consts;
    public final String[] names;          // attribute names and global names (by slot for globals, see Module)
    public final String[] localNames;
    public final boolean[] cellLocal;     // locals that live in a cell because an inner function uses them
    public final String[] freeNames;      // cells received from the enclosing function, in closure order
    public final String[] params;         // positional parameter names (the first locals)
    public final String vararg;           // null if none; its local follows the positional ones
    public final String[] kwOnly;         // keyword-only names; their locals follow
    public final int stackSize;
    /** A number of its own, in the order code objects were made (state fingerprints name code by it). */
    /** Whether this is a module's code (its locals are the module's globals). */
    public boolean isModule() { return "<module>".equals(name); }

    public final int serial = SERIALS.incrementAndGet();
    private static final java.util.concurrent.atomic.AtomicInteger SERIALS = new java.util.concurrent.atomic.AtomicInteger();
    public final ModuleInfo module;

    public Code(String name, String qualname, String file, int firstLine, boolean isAsync, int[] ops, int[] args, int[] lines,
                Object[] consts, String[] names, String[] localNames, boolean[] cellLocal, String[] freeNames,
                String[] params, String vararg, String[] kwOnly, int stackSize, ModuleInfo module) {
        this.name = name;
        this.qualname = qualname;
        this.file = file;
        this.firstLine = firstLine;
        this.isAsync = isAsync;
        this.ops = ops;
        this.args = args;
        this.lines = lines;
        this.consts = consts;
        this.names = names;
        this.localNames = localNames;
        this.cellLocal = cellLocal;
        this.freeNames = freeNames;
        this.params = params;
        this.vararg = vararg;
        this.kwOnly = kwOnly;
        this.stackSize = stackSize;
        this.module = module;
    }

    /** The global names of one module, in slot order; LOAD_GLOBAL's arg is a slot. */
    public static final class ModuleInfo {
        public final String file;
        public final java.util.List<String> globals = new java.util.ArrayList<>();
        private final java.util.Map<String, Integer> slots = new java.util.HashMap<>();

        /**
         * The builtin each global slot names when the module does not define it (the VM's
         * cache: it depends on the name alone). Runs may read and grow it in several threads;
         * a slot filled twice gets the same value.
         */
        public volatile Object[] builtins = new Object[0];

        public ModuleInfo(String file) { this.file = file; }

        public int slot(String name) {
            return slots.computeIfAbsent(name, n -> { globals.add(n); return globals.size() - 1; });
        }

        public Integer find(String name) { return slots.get(name); }

        /** Slots that some STORE_GLOBAL of the module writes; the others name a builtin (or nothing) for good. */
        private boolean[] assigned = new boolean[0];

        /** The slot of {@code name}, which the module assigns. */
        public int assignedSlot(String name) {
            int slot = slot(name);
            if (slot >= assigned.length) assigned = java.util.Arrays.copyOf(assigned, globals.size());
            assigned[slot] = true;
            return slot;
        }

        /** Whether the module ever assigns global {@code slot}. */
        public boolean assigned(int slot) { return slot < assigned.length && assigned[slot]; }
    }

    @Override public String toString() { return "<code " + name + ">"; }
}
