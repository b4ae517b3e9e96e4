package lockstep.oracle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as plain Java (Map, List, String, Long, Double, Boolean, null), read with
 * jackson-core's streaming parser, remembering where each object member's value starts
 * (for {@code file:line:col} messages).
 */
public final class Json {
    private Json() {}

    static final JsonFactory FACTORY = new JsonFactory();

    /** A JSON text that does not parse, at a 1-based line and column of that text. */
    static final class Malformed extends Exception {
        final int line, col;
        Malformed(String message, int line, int col) {
            super(message);
            this.line = line;
            this.col = col;
        }
    }

    /** A JSON object in member order, with each member value's position (line, column). */
    static final class Obj extends LinkedHashMap<String, Object> {
        final Map<String, int[]> where = new LinkedHashMap<>();
        int line, col;

        int[] at(String key) { return where.getOrDefault(key, new int[]{line, col}); }
    }

    /** Parses one complete JSON value (nothing but white space after it). */
    static Object parse(String text) throws Malformed {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new Malformed("no JSON value", 1, 1);
            Object v = value(p, t);
            JsonToken after = p.nextToken();
            if (after != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new Malformed("unexpected text after the JSON value", l.getLineNr(), l.getColumnNr());
            }
            return v;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Malformed malformed(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        String msg = e.getOriginalMessage();
        int nl = msg.indexOf('\n');
        if (nl >= 0) msg = msg.substring(0, nl);
        msg = msg.replaceAll("\\s*\\(start marker at \\[Source:.*?line: (\\d+), column: (\\d+)\\]\\)", " (opened at column $2)");
        int src = msg.indexOf(" at [Source");
        if (src >= 0) msg = msg.substring(0, src);
        return new Malformed("malformed JSON: " + msg, l == null ? 1 : Math.max(1, l.getLineNr()),
                l == null ? 1 : Math.max(1, l.getColumnNr()));
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Obj o = new Obj();
                JsonLocation start = p.currentTokenLocation();
                o.line = start.getLineNr();
                o.col = start.getColumnNr();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken vt = p.nextToken();
                    JsonLocation l = p.currentTokenLocation();
                    o.where.put(name, new int[]{l.getLineNr(), l.getColumnNr()});
                    o.put(name, value(p, vt));
                }
                return o;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) l.add(value(p, e));
                return l;
            }
            case VALUE_STRING: return p.getText();
            case VALUE_NUMBER_INT:
                // an integer beyond long is kept as a double: callers reject it as out of range
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) return (Object) p.getDoubleValue();
                return (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT: return p.getDoubleValue();
            case VALUE_TRUE: return Boolean.TRUE;
            case VALUE_FALSE: return Boolean.FALSE;
            case VALUE_NULL: return null;
            default: throw new JsonParseException(p, "unexpected token " + t);
        }
    }

    /** The JSON name of the kind of a value {@link #parse} returns, for messages. */
    static String typeName(Object v) {
        if (v == null) return "null";
        if (v instanceof String) return "a string";
        if (v instanceof Boolean) return "a boolean";
        if (v instanceof Number) return "a number";
        if (v instanceof List) return "an array";
        return "an object";
    }

    /** Writes a value of the kinds {@link #parse} returns (and Integer, Map, List in general) as JSON. */
    public static String write(Object v) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            write(g, v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof String s) g.writeString(s);
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else if (v instanceof Integer i) g.writeNumber(i);
        else if (v instanceof Long l) g.writeNumber(l);
        else if (v instanceof Double d) g.writeNumber(d);
        else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) write(g, o);
            g.writeEndArray();
        } else {
            g.writeString(String.valueOf(v));
        }
    }
}
