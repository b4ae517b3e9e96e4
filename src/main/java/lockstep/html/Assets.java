package lockstep.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The style sheet and script every page carries inline (resources {@code lockstep/html/page.css} and {@code page.js}). */
final class Assets {
    private Assets() {}

    static final String CSS = read("page.css");
    static final String SCRIPT = read("page.js");

    private static String read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream("/lockstep/html/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource lockstep/html/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
