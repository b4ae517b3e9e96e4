package lockstep.vm;

import lockstep.core.Delta;
import lockstep.core.PyVersion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What CPython adds to the last line of an uncaught NameError's traceback (traceback.py's
 * {@code TracebackException}, 3.12 on): {@code . Did you mean: 'x'?}, the name nearest to the
 * wrong one by an edit distance in which a change of case costs half a change, among the
 * frame's locals, the module's globals and the builtins (in that order, the first nearest
 * kept); and {@code Did you forget to import 'x'} when the wrong name is a module of the
 * standard library. The message of the exception itself ({@code str(e)}) has neither.
 * <p>
 * The builtins, the module's own dunder names and the standard library's module names are
 * each version's, read off its CPython of record by {@code model/cpython/regen-suggestion-names.sh}.
 */
final class Suggestions {
    private Suggestions() {}

    /** traceback.py: no suggestion from more candidates than this, or for a longer name. */
    private static final int MAX_CANDIDATES = 750, MAX_LENGTH = 40;
    /** An insertion, a deletion or a substitution costs MOVE; a substitution of the same letter in another case costs CASE. */
    private static final int MOVE = 2, CASE = 1;

    private record Names(List<String> dunders, List<String> builtins, Set<String> stdlib, Map<String, List<String>> dirs) {}

    private static final Map<PyVersion, Names> NAMES = new EnumMap<>(PyVersion.class);

    private static synchronized Names names(PyVersion v) {
        return NAMES.computeIfAbsent(v, Suggestions::read);
    }

    private static Names read(PyVersion v) {
        String file = "/lockstep/names/" + v.text + ".txt";
        Map<String, List<String>> sections = new java.util.HashMap<>();
        try (InputStream in = Suggestions.class.getResourceAsStream(file)) {
            if (in == null) throw new IllegalStateException("missing resource " + file);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> current = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("[")) sections.put(line, current = new ArrayList<>());
                else if (!line.isEmpty() && current != null) current.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> dirs = new java.util.HashMap<>();
        sections.forEach((k, names) -> {
            if (k.startsWith("[dir:")) dirs.put(k.substring(5, k.length() - 1), List.copyOf(names));
        });
        return new Names(List.copyOf(sections.get("[globals]")), List.copyOf(sections.get("[builtins]")),
                new HashSet<>(sections.get("[stdlib]")), dirs);
    }

    /**
     * The text CPython appends to {@code NameError: name 'wrong' is not defined} when the
     * error ends the program, or null: {@code locals} are the names bound in the frame that
     * raised it, {@code globals} the names bound in its module (each in its order); a module's
     * own code has its globals for locals.
     */
    static String forName(PyVersion v, String wrong, List<String> locals, List<String> globals, boolean atModule) {
        if (v.has(Delta.NO_NAME_SUGGESTIONS)) return null;
        Names n = names(v);
        List<String> candidates = new ArrayList<>(2 * (locals.size() + globals.size() + n.dunders().size()) + n.builtins().size());
        if (atModule) {
            candidates.addAll(n.dunders());
            candidates.addAll(globals);
        } else {
            candidates.addAll(locals);
        }
        candidates.addAll(n.dunders());
        candidates.addAll(globals);
        candidates.addAll(n.builtins());
        String nearest = nearest(wrong, candidates, !v.has(Delta.SUGGESTIONS_BY_C_RULES));
        String hint = nearest == null ? "" : ". Did you mean: '" + nearest + "'?";
        if (n.stdlib().contains(wrong)) {
            hint += (nearest == null ? ". Did you forget to import '" : " Or did you forget to import '") + wrong + "'"
                    + (v.has(Delta.IMPORT_HINT_ASKS) ? "?" : "");
        }
        return hint.isEmpty() ? null : hint;
    }

    /**
     * The text CPython appends to {@code AttributeError: 'T' object has no attribute 'wrong'}
     * when the error ends the program, or null: the nearest of {@code dir()} of a value of
     * type {@code type} (its {@code __name__}; for an exception, of any exception).
     */
    static String forAttribute(PyVersion v, String type, boolean exception, String wrong) {
        if (v.has(Delta.NO_NAME_SUGGESTIONS)) return null;
        List<String> dir = names(v).dirs().get(exception ? "ValueError" : type);
        if (dir == null) return null;
        if (v.has(Delta.ATTRIBUTE_SUGGESTIONS_HIDE_UNDERSCORED) && !wrong.startsWith("_")) {
            dir = dir.stream().filter(c -> !c.startsWith("_")).toList();
        }
        String nearest = nearest(wrong, dir, !v.has(Delta.SUGGESTIONS_BY_C_RULES));
        return nearest == null ? null : ". Did you mean: '" + nearest + "'?";
    }

    /**
     * The first candidate at the least distance from {@code wrong}, if no more than a third of
     * the characters change. By traceback.py's rules (3.12, {@code python} true): none for more
     * than 750 candidates or a name of more than 40 characters, and nearer than the length of
     * {@code wrong}. By the C module _suggestions' (3.13 on): none for 750 candidates or more,
     * lengths and edits counted in UTF-8 bytes, a change of case only between ASCII letters.
     */
    static String nearest(String wrong, List<String> candidates, boolean python) {
        if (python ? candidates.size() > MAX_CANDIDATES : candidates.size() >= MAX_CANDIDATES) return null;
        int[] w = units(wrong, python);
        if (python && w.length > MAX_LENGTH) return null;
        String best = null;
        int bestDistance = python ? w.length : Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate.equals(wrong)) continue;
            int[] c = units(candidate, python);
            int max = Math.min((c.length + w.length + 3) * MOVE / 6, bestDistance - 1);
            int d = distance(w, c, max, python);
            if (d > max) continue;
            if (best == null || d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** A name as the distance counts it: code points (traceback.py) or UTF-8 bytes (suggestions.c). */
    private static int[] units(String s, boolean python) {
        if (python) return s.codePoints().toArray();
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xFF;
        return out;
    }

    /** The edit distance of {@code a} and {@code b}, or {@code max + 1} once it is sure to be more than {@code max}. */
    static int distance(int[] a, int[] b, int max, boolean python) {
        int start = 0;
        while (start < a.length && start < b.length && a[start] == b[start]) start++;
        int endA = a.length, endB = b.length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) {
            endA--;
            endB--;
        }
        int la = endA - start, lb = endB - start;
        if (la == 0 || lb == 0) return MOVE * (la + lb);
        if (la > MAX_LENGTH || lb > MAX_LENGTH) return max + 1;
        int[] s = a, t = b;
        int so = start, to = start;
        if (lb < la) { // the shorter one indexes the row
            s = b;
            t = a;
            int x = la;
            la = lb;
            lb = x;
        }
        if ((lb - la) * MOVE > max) return max + 1;
        int[] row = new int[la];
        for (int i = 0; i < la; i++) row[i] = (i + 1) * MOVE;
        int result = 0;
        for (int j = 0; j < lb; j++) {
            int diagonal = j * MOVE;
            result = diagonal;
            int least = Integer.MAX_VALUE;
            for (int i = 0; i < la; i++) {
                int substitute = diagonal + (python ? substitution(t[to + j], s[so + i]) : byteSubstitution(t[to + j], s[so + i]));
                diagonal = row[i];
                result = Math.min(Math.min(result, diagonal) + MOVE, substitute);
                row[i] = result;
                least = Math.min(least, result);
            }
            if (least > max) return max + 1;
        }
        return result;
    }

    /** suggestions.c: two bytes that are the same ASCII letter in two cases differ by CASE. */
    private static int byteSubstitution(int x, int y) {
        if (x == y) return 0;
        int lx = x >= 'A' && x <= 'Z' ? x + ('a' - 'A') : x, ly = y >= 'A' && y <= 'Z' ? y + ('a' - 'A') : y;
        return lx == ly ? CASE : MOVE;
    }

    private static int substitution(int x, int y) {
        if (x == y) return 0;
        String lx = Character.toString(x).toLowerCase(Locale.ROOT), ly = Character.toString(y).toLowerCase(Locale.ROOT);
        return lx.equals(ly) ? CASE : MOVE;
    }
}
