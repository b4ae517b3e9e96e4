package lockstep.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text of one scenario file, ready for lexing: line ends are normalized to
 * {@code '\n'} and a leading byte-order mark is dropped. It turns character offsets
 * into 1-based line:col positions and builds errors at an offset.
 */
final class SourceText {
    final String file;
    final String text;
    /**
     * Whether f-strings follow PEP 701 (3.12): a field's expression may hold the f-string's own
     * quote, a backslash or a comment. Before 3.12 the literal ends at its quote.
     */
    boolean pep701 = true;
    /** Offset of the first character of each line (index 0 is line 1). */
    private final int[] lineStarts;

    SourceText(String file, String raw) {
        String normalized = raw.replace("\r\n", "\n").replace('\r', '\n');
        this.file = file;
        this.text = normalized.startsWith("\uFEFF") ? normalized.substring(1) : normalized;
        this.lineStarts = findLineStarts(text);
    }

    private static int[] findLineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** 1-based line of the character at {@code offset}. */
    int line(int offset) {
        int k = Arrays.binarySearch(lineStarts, offset);
        return k >= 0 ? k + 1 : -k - 1;
    }

    Ast.Pos pos(int offset) {
        int line = line(offset);
        return new Ast.Pos(line, offset - lineStarts[line - 1] + 1);
    }

    ScenarioError syntax(int offset, String detail) {
        Ast.Pos p = pos(offset);
        return ScenarioError.syntax(file, p.line(), p.col(), detail);
    }

    ScenarioError unsupported(int offset, String detail) {
        return ScenarioError.unsupported(file, pos(offset), detail);
    }
}
