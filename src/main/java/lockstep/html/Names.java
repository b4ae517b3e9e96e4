package lockstep.html;

import lockstep.vm.Frame;
import lockstep.vm.Machine;
import lockstep.vm.Obj.*;
import lockstep.vm.Program;
import lockstep.vm.Values.Ref;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a page gives the primitives: the scenario's global variable that holds one
 * ({@code cond}), else a local variable of a task's frames ({@code lock}), else the object
 * that owns it ({@code cond._lock}, {@code barrier._cond}), else its kind and heap id
 * ({@code Lock#12}).
 */
final class Names {
    private Names() {}

    static Map<Integer, String> of(Machine m, Program p) {
        Map<Integer, String> names = new HashMap<>();
        if (m.get(p.userGlobals()) instanceof GlobalsObj g) {
            List<String> slots = p.user.module().globals;
            for (int i = 0; i < g.slots().size() && i < slots.size(); i++) name(m, names, g.slots().get(i), slots.get(i));
        }
        for (int t : m.pendingTasks()) {
            for (Object o : m.task(t).stack()) {
                if (!(o instanceof Frame f) || f.code.file.equals(Program.PRELUDE_FILE)) continue;
                for (int i = 0; i < f.code.localNames.length; i++) name(m, names, f.local(i), f.code.localNames[i]);
            }
        }
        for (int id = 1; id < m.heapSize(); id++) {
            if (m.get(id) instanceof BarrierObj b && names.containsKey(id)) names.putIfAbsent(b.s().cond(), names.get(id) + "._cond");
        }
        for (int id = 1; id < m.heapSize(); id++) {
            if (m.get(id) instanceof CondObj c && names.containsKey(id)) names.putIfAbsent(c.s().lock(), names.get(id) + "._lock");
        }
        for (int id = 1; id < m.heapSize(); id++) {
            if (isPrimitive(m.get(id))) names.putIfAbsent(id, Recording.kindOf(m.get(id)) + "#" + id);
        }
        return names;
    }

    private static void name(Machine m, Map<Integer, String> names, Object v, String name) {
        if (v instanceof Ref r && m.get(r.id()) instanceof CellObj c) v = c.value();
        if (v instanceof Ref r && isPrimitive(m.get(r.id()))) names.putIfAbsent(r.id(), name);
    }

    static boolean isPrimitive(Object o) {
        return o instanceof LockObj || o instanceof EventObj || o instanceof CondObj || o instanceof SemObj || o instanceof BarrierObj;
    }
}
