package lockstep.vm;

import lockstep.core.Vec;
import lockstep.vm.Obj.DictObj;
import lockstep.vm.Obj.ListObj;
import lockstep.vm.Values.Ref;
import lockstep.vm.Values.Tuple;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * CPython's {@code reprlib.repr} with the default limits, which a finished future's repr
 * uses for its result ({@code base_futures._future_repr_info}) and a callback's repr for its
 * arguments: at most 6 items of a list or tuple, 4 of a dict (its keys sorted when they
 * can be), 30 characters of a string or of any other repr, 40 digits of an int, 6 levels deep;
 * what is left out is {@code ...}.
 */
final class Reprlib {
    private Reprlib() {}

    private static final int MAX_LEVEL = 6, MAX_TUPLE = 6, MAX_LIST = 6, MAX_DICT = 4, MAX_STRING = 30, MAX_LONG = 40,
            MAX_OTHER = 30;
    private static final String FILL = "...";

    static String repr(Machine m, Object x) { return repr1(m, x, MAX_LEVEL); }

    private static String repr1(Machine m, Object x, int level) {
        if (x instanceof String s) return reprStr(m, s);
        if (x instanceof Long || x instanceof BigInteger) return middle(Py.repr(m, x), MAX_LONG);
        if (x instanceof Tuple t) return iterable(m, t.items(), level, "(", ")", MAX_TUPLE, ",");
        if (x instanceof Ref r) {
            Object o = m.get(r.id());
            if (o instanceof ListObj l) return iterable(m, l.items(), level, "[", "]", MAX_LIST, "");
            if (o instanceof DictObj d) return dict(m, d, level);
        }
        return middle(Py.repr(m, x), MAX_OTHER); // repr_instance: bool, float, None, exceptions, objects
    }

    /** {@code _repr_iterable}: the first items, then {@code ...} if there are more. */
    private static String iterable(Machine m, Vec<Object> items, int level, String left, String right, int max, String trail) {
        int n = items.size();
        String s;
        if (level <= 0 && n > 0) {
            s = FILL;
        } else {
            List<String> pieces = new ArrayList<>();
            for (int i = 0; i < Math.min(n, max); i++) pieces.add(repr1(m, items.get(i), level - 1));
            if (n > max) pieces.add(FILL);
            s = String.join(", ", pieces);
            if (n == 1) right = trail + right;
        }
        return left + s + right;
    }

    /** {@code repr_dict}: the first keys in sorted order when they compare, else in the dict's order. */
    private static String dict(Machine m, DictObj d, int level) {
        int n = d.keys().size();
        if (n == 0) return "{}";
        if (level <= 0) return "{" + FILL + "}";
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        try {
            List<Integer> sorted = new ArrayList<>(order);
            sorted.sort((a, b) -> Py.order(m, "<", d.keys().get(a), d.keys().get(b)));
            order = sorted;
        } catch (PyRaise incomparable) {
            // _possibly_sorted: keys that do not compare stay in the dict's order
        }
        List<String> pieces = new ArrayList<>();
        for (int k = 0; k < Math.min(n, MAX_DICT); k++) {
            int i = order.get(k);
            pieces.add(repr1(m, d.keys().get(i), level - 1) + ": " + repr1(m, d.vals().get(i), level - 1));
        }
        if (n > MAX_DICT) pieces.add(FILL);
        return "{" + String.join(", ", pieces) + "}";
    }

    /** {@code repr_str}: a long string keeps its first and last characters. */
    private static String reprStr(Machine m, String x) {
        int len = x.codePointCount(0, x.length());
        String s = Py.repr(m, slice(x, 0, Math.min(len, MAX_STRING)));
        if (s.codePointCount(0, s.length()) > MAX_STRING) {
            int i = Math.max(0, (MAX_STRING - 3) / 2);
            int j = Math.max(0, MAX_STRING - 3 - i);
            s = Py.repr(m, slice(x, 0, Math.min(i, len)) + slice(x, Math.max(0, len - j), len));
            int sl = s.codePointCount(0, s.length());
            s = slice(s, 0, Math.min(i, sl)) + FILL + slice(s, Math.max(0, sl - j), sl);
        }
        return s;
    }

    /** A repr longer than {@code max} characters keeps its first and last ones, {@code ...} between. */
    private static String middle(String s, int max) {
        int len = s.codePointCount(0, s.length());
        if (len <= max) return s;
        int i = Math.max(0, (max - 3) / 2);
        int j = Math.max(0, max - 3 - i);
        return slice(s, 0, i) + FILL + slice(s, len - j, len);
    }

    /** Characters {@code from} to {@code to} (code points, as Python counts them). */
    private static String slice(String s, int from, int to) {
        int a = s.offsetByCodePoints(0, from);
        int b = s.offsetByCodePoints(a, to - from);
        return s.substring(a, b);
    }
}
