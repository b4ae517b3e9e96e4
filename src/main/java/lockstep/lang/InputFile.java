package lockstep.lang;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading the files the commands are given (a scenario, a trace, observed outcomes): only a
 * regular file of at most {@link #MAX_BYTES} bytes is read, and every failure is one line in
 * words ({@code FILE: is a directory}, {@code FILE:LINE:COL: error: not UTF-8 ...}) — never an
 * exception's class name.
 */
public final class InputFile {
    private InputFile() {}

    /** The largest file read: far above any scenario or trace, far below the JVM's heap. */
    public static final long MAX_BYTES = 16L << 20;

    /** A file that cannot be read or decoded; the message is the whole line to print. */
    public static final class Unreadable extends IOException {
        public Unreadable(String message) { super(message); }
    }

    /** A UTF-8 text file (a trace, observed outcomes). */
    public static String readText(Path file) throws Unreadable {
        return decode(file, readBytes(file), StandardCharsets.UTF_8, "UTF-8");
    }

    /**
     * A Python source file, decoded as CPython reads one: with the charset of a PEP 263
     * {@code coding} cookie on line 1 or 2 (line 2 only after a comment or blank line 1),
     * else UTF-8; an unknown encoding is a syntax error, as in CPython.
     */
    public static String readSource(Path file) throws Unreadable {
        byte[] bytes = readBytes(file);
        String name = file.toString();
        Cookie cookie = cookie(bytes);
        if (cookie == null) return decode(file, bytes, StandardCharsets.UTF_8, "UTF-8");
        Charset cs = pythonCharset(cookie.encoding);
        if (cs == null) {
            throw new Unreadable(name + ":" + cookie.line + ":" + cookie.col + ": syntax error: unknown encoding: " + cookie.encoding);
        }
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        if (bom && !cs.equals(StandardCharsets.UTF_8)) {
            throw new Unreadable(name + ":" + cookie.line + ":" + cookie.col + ": syntax error: encoding problem: "
                    + cookie.encoding + " with BOM");
        }
        return decode(file, bytes, cs, cookie.encoding);
    }

    private static byte[] readBytes(Path file) throws Unreadable {
        String name = file.toString();
        if (Files.isDirectory(file)) throw new Unreadable(name + ": is a directory");
        if (!Files.exists(file)) throw new Unreadable(name + ": no such file");
        if (!Files.isRegularFile(file)) throw new Unreadable(name + ": is not a regular file");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes((int) MAX_BYTES + 1);
            if (b.length > MAX_BYTES) throw new Unreadable(name + ": too large (more than " + MAX_BYTES + " bytes)");
            return b;
        } catch (NoSuchFileException e) {
            throw new Unreadable(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new Unreadable(name + ": permission denied");
        } catch (IOException e) {
            throw new Unreadable(name + ": cannot read" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** Decodes strictly; a byte that is not {@code what} text is reported at its line and column. */
    private static String decode(Path file, byte[] bytes, Charset cs, String what) throws Unreadable {
        CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) d.maxCharsPerByte()) + 1);
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) r = d.flush(out);
        if (r.isError()) {
            int at = in.position();
            String before = out.flip().toString();
            int lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
            int line = 1;
            for (int i = 0; i < before.length(); i++) {
                char c = before.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= before.length() || before.charAt(i + 1) != '\n'))) line++;
            }
            int col = before.codePointCount(lineStart, before.length()) + 1;
            throw new Unreadable(file + ":" + line + ":" + col + ": error: not " + what + " text: byte 0x"
                    + String.format(Locale.ROOT, "%02X", bytes[at] & 0xFF) + " at offset " + at);
        }
        return out.flip().toString();
    }

    private record Cookie(String encoding, int line, int col) {}

    private static final Pattern COOKIE = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");
    private static final Pattern BLANK_OR_COMMENT = Pattern.compile("^[ \\t\\f]*(#.*)?$");

    /** The PEP 263 cookie of line 1, or of line 2 when line 1 is blank or a comment. */
    private static Cookie cookie(byte[] bytes) {
        String[] lines = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1)
                .split("\r\n|\r|\n", 3);
        for (int i = 0; i < Math.min(2, lines.length); i++) {
            String l = i == 0 && lines[0].startsWith("\u00EF\u00BB\u00BF") ? lines[0].substring(3) : lines[i];
            Matcher m = COOKIE.matcher(l);
            if (m.find()) return new Cookie(m.group(1), i + 1, m.start(1) + 1);
            if (!BLANK_OR_COMMENT.matcher(l).matches()) return null;
        }
        return null;
    }

    /** Python's codec aliases for the encodings a cookie names in practice; others as Java names them. */
    private static final Map<String, Charset> PYTHON_NAMES = Map.ofEntries(
            Map.entry("utf_8", StandardCharsets.UTF_8), Map.entry("utf8", StandardCharsets.UTF_8),
            Map.entry("u8", StandardCharsets.UTF_8), Map.entry("utf", StandardCharsets.UTF_8),
            Map.entry("latin_1", StandardCharsets.ISO_8859_1), Map.entry("latin1", StandardCharsets.ISO_8859_1),
            Map.entry("latin", StandardCharsets.ISO_8859_1), Map.entry("l1", StandardCharsets.ISO_8859_1),
            Map.entry("iso_8859_1", StandardCharsets.ISO_8859_1), Map.entry("iso8859_1", StandardCharsets.ISO_8859_1),
            Map.entry("iso_latin_1", StandardCharsets.ISO_8859_1), Map.entry("8859", StandardCharsets.ISO_8859_1),
            Map.entry("cp819", StandardCharsets.ISO_8859_1), Map.entry("ascii", StandardCharsets.US_ASCII),
            Map.entry("us_ascii", StandardCharsets.US_ASCII), Map.entry("646", StandardCharsets.US_ASCII));

    /** The charset Python's codec registry finds for {@code name}, or null if it has none we know. */
    static Charset pythonCharset(String name) {
        String norm = name.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        // CPython's tokenizer: "utf-8-..." is utf-8, "latin-1-..." / "iso-8859-1-..." is latin-1.
        if (norm.startsWith("utf_8_")) norm = "utf_8";
        if (norm.startsWith("latin_1_") || norm.startsWith("iso_8859_1_") || norm.startsWith("iso_latin_1_")) norm = "latin_1";
        Charset known = PYTHON_NAMES.get(norm);
        if (known != null) return known;
        try {
            for (String candidate : new String[]{name, norm.replace('_', '-')}) {
                if (Charset.isSupported(candidate)) return Charset.forName(candidate);
            }
        } catch (IllegalArgumentException e) {
            return null; // an illegal charset name
        }
        return null;
    }
}
