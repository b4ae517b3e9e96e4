package lockstep.vm;

import java.util.ArrayList;
import java.util.List;

import static lockstep.vm.Interp.NONE;

/**
 * The methods of str that take arguments, as CPython's unicodeobject.c has them: every
 * argument counts (a separator, a limit, a set of characters, a range), and positions are
 * counted in code points, not in the UTF-16 units of a Java string.
 */
final class Strs {
    private Strs() {}

    /** str.split(sep=None, maxsplit=-1). */
    static List<Object> split(Machine m, String s, Object sep, Object maxsplit) {
        long max = limit(m, maxsplit);
        List<Object> parts = new ArrayList<>();
        if (sep == NONE) {
            int i = 0, n = s.length();
            while (true) {
                while (i < n && Py.isSpace(s.charAt(i))) i++;
                if (i == n) return parts;
                if (max == 0) {
                    parts.add(s.substring(i));   // the rest, its trailing whitespace kept
                    return parts;
                }
                int j = i;
                while (j < n && !Py.isSpace(s.charAt(j))) j++;
                parts.add(s.substring(i, j));
                max--;
                i = j;
            }
        }
        String by = separator(m, sep);
        int from = 0;
        while (max != 0) {
            int at = s.indexOf(by, from);
            if (at < 0) break;
            parts.add(s.substring(from, at));
            from = at + by.length();
            max--;
        }
        parts.add(s.substring(from));
        return parts;
    }

    private static String separator(Machine m, Object sep) {
        if (!(sep instanceof String by)) throw PyRaise.of(PyType.TYPE_ERROR, "must be str or None, not " + Py.typeOf(m, sep).name);
        if (by.isEmpty()) throw PyRaise.of(PyType.VALUE_ERROR, "empty separator");
        return by;
    }

    /** A count or maxsplit argument: negative means no limit. */
    private static long limit(Machine m, Object v) {
        long n = Builtins.intArg(m, v, "split");
        return n < 0 ? -1 : n;
    }

    /** str.strip(chars=None), lstrip and rstrip: whitespace, or any code point of chars, from either end or one. */
    static String strip(Machine m, String s, Object chars, boolean left, boolean right, String name) {
        if (chars == NONE) {
            int lo = 0, hi = s.length();
            if (left) while (lo < hi && Py.isSpace(s.charAt(lo))) lo++;
            if (right) while (hi > lo && Py.isSpace(s.charAt(hi - 1))) hi--;
            return s.substring(lo, hi);
        }
        if (!(chars instanceof String set)) throw PyRaise.of(PyType.TYPE_ERROR, name + " arg must be None or str");
        int lo = 0, hi = s.length();
        if (left) {
            while (lo < hi) {
                int c = s.codePointAt(lo);
                if (set.indexOf(c) < 0) break;
                lo += Character.charCount(c);
            }
        }
        if (right) {
            while (hi > lo) {
                int c = s.codePointBefore(hi);
                if (set.indexOf(c) < 0) break;
                hi -= Character.charCount(c);
            }
        }
        return s.substring(lo, hi);
    }

    /** str.replace(old, new, count=-1): at most count replacements from the left; an empty old goes between every code point. */
    static String replace(Machine m, String s, Object oldArg, Object newArg, Object countArg) {
        String old = str(m, oldArg, "replace", 1), by = str(m, newArg, "replace", 2);
        long max = limit(m, countArg);
        StringBuilder out = new StringBuilder();
        if (old.isEmpty()) {
            int i = 0;
            while (i < s.length()) {
                if (max != 0) {
                    out.append(by);
                    max--;
                }
                int c = s.codePointAt(i);
                out.appendCodePoint(c);
                i += Character.charCount(c);
                Py.checkSize(out.length(), "str");
            }
            if (max != 0) out.append(by);
            return out.toString();
        }
        int from = 0;
        while (max != 0) {
            int at = s.indexOf(old, from);
            if (at < 0) break;
            out.append(s, from, at).append(by);
            Py.checkSize(out.length(), "str");
            from = at + old.length();
            max--;
        }
        return out.append(s, from, s.length()).toString();
    }

    /** str.startswith / str.endswith(prefix, start=None, end=None): prefix a str or a tuple of them. */
    static boolean affix(Machine m, String s, Object affix, Object start, Object end, boolean atStart) {
        String name = atStart ? "startswith" : "endswith";
        String part = range(m, s, start, end);
        if (part == null) return false;
        if (affix instanceof Values.Tuple t) {
            for (Object o : t.items()) {
                if (!(o instanceof String x)) {
                    throw PyRaise.of(PyType.TYPE_ERROR, "tuple for " + name + " must only contain str, not " + Py.typeOf(m, o).name);
                }
                if (atStart ? part.startsWith(x) : part.endsWith(x)) return true;
            }
            return false;
        }
        if (!(affix instanceof String x)) {
            throw PyRaise.of(PyType.TYPE_ERROR, name + " first arg must be str or a tuple of str, not " + Py.typeOf(m, affix).name);
        }
        return atStart ? part.startsWith(x) : part.endsWith(x);
    }

    /** str.count(sub, start=None, end=None): non-overlapping occurrences. */
    static long count(Machine m, String s, Object subArg, Object start, Object end) {
        String sub = str(m, subArg, "count", 1);
        String part = range(m, s, start, end);
        if (part == null) return 0;
        if (sub.isEmpty()) return part.codePointCount(0, part.length()) + 1;
        long n = 0;
        for (int at = part.indexOf(sub); at >= 0; at = part.indexOf(sub, at + sub.length())) n++;
        return n;
    }

    /** str.index(sub, start=None, end=None): the first position in code points, else ValueError. */
    static long index(Machine m, String s, Object subArg, Object start, Object end) {
        String sub = str(m, subArg, "index", 1);
        int n = s.codePointCount(0, s.length());
        long lo = bound(m, start, n, 0), hi = bound(m, end, n, n);
        if (lo <= hi && lo <= n) {
            int from = s.offsetByCodePoints(0, (int) lo), to = s.offsetByCodePoints(0, (int) Math.min(hi, n));
            int at = s.substring(from, to).indexOf(sub);
            if (at >= 0) return lo + s.codePointCount(from, from + at);
        }
        throw PyRaise.of(PyType.VALUE_ERROR, "substring not found");
    }

    /** s[start:end] for the range arguments of count, startswith and endswith; null when start is past the end. */
    private static String range(Machine m, String s, Object start, Object end) {
        if (start == NONE && end == NONE) return s;
        int n = s.codePointCount(0, s.length());
        long lo = bound(m, start, n, 0), hi = bound(m, end, n, n);
        if (lo > n) return null;
        hi = Math.min(hi, n);
        if (hi < lo) return "";
        return s.substring(s.offsetByCodePoints(0, (int) lo), s.offsetByCodePoints(0, (int) hi));
    }

    /** A start or end argument, as slice bounds are taken: negative from the end, then clamped to [0, n]. */
    private static long bound(Machine m, Object v, int n, int dflt) {
        if (v == NONE) return dflt;
        if (!Ints.isInt(v)) throw PyRaise.of(PyType.TYPE_ERROR, "slice indices must be integers or None or have an __index__ method");
        long i = v instanceof java.math.BigInteger b ? (b.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE / 2) : Ints.small(v);
        if (i < 0) i = Math.max(0, i + n);
        return Math.min(i, n + 1L);
    }

    /** A str argument; else TypeError, worded as {@code method}'s declaration has it in m's version. */
    private static String str(Machine m, Object v, String method, int arg) {
        if (v instanceof String s) return s;
        boolean named = method.equals("replace") || m.version().has(lockstep.core.Delta.STR_METHODS_BY_ARGUMENT_CLINIC);
        throw PyRaise.of(PyType.TYPE_ERROR, (named ? method + "() argument " + arg + " must be str, not " : "must be str, not ")
                + Py.typeOf(m, v).name);
    }
}
