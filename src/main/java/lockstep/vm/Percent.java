package lockstep.vm;

import lockstep.vm.Obj.DictObj;
import lockstep.vm.Values.Ref;
import lockstep.vm.Values.Tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * {@code fmt % args}, printf-style formatting of str as CPython's unicodeobject.c does it:
 * {@code %[(key)][flags][width][.precision]type}, flags {@code - + space # 0}, width and
 * precision given or {@code *}, types {@code d i u o x X e E f F g G c r s a %}. Floats are
 * rounded from their exact binary value, half to even, as Python's own dtoa does.
 */
final class Percent {
    private final Machine m;
    private final String fmt;
    private final List<Object> args;
    /** The dict of a {@code %(key)s} format, else null. */
    private final DictObj mapping;
    /** Whether the argument is one CPython takes for a mapping (a dict or a list): then arguments left over are no error. */
    private final boolean mappingLike;
    private int next;
    private int at;

    private Percent(Machine m, String fmt, Object arg) {
        this.m = m;
        this.fmt = fmt;
        boolean tuple = arg instanceof Tuple;
        this.args = tuple ? Py.vecList(((Tuple) arg).items()) : List.of(arg);
        this.mapping = !tuple && arg instanceof Ref r && m.get(r.id()) instanceof DictObj d ? d : null;
        this.mappingLike = mapping != null || arg instanceof Ref r && m.get(r.id()) instanceof Obj.ListObj;
    }

    static String format(Machine m, String fmt, Object arg) {
        return new Percent(m, fmt, arg).run(arg instanceof Tuple);
    }

    private String run(boolean tuple) {
        StringBuilder out = new StringBuilder();
        while (at < fmt.length()) {
            char c = fmt.charAt(at++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            conversion(out);
        }
        if (next < args.size() && !mappingLike) {
            throw PyRaise.of(PyType.TYPE_ERROR, "not all arguments converted during string formatting");
        }
        return out.toString();
    }

    /** One conversion, after its '%'. */
    private void conversion(StringBuilder out) {
        String key = null;
        if (peek() == '(') {
            if (mapping == null) throw PyRaise.of(PyType.TYPE_ERROR, "format requires a mapping");
            int depth = 1, start = ++at;
            while (depth > 0) {
                if (at >= fmt.length()) throw PyRaise.of(PyType.VALUE_ERROR, "incomplete format key");
                char c = fmt.charAt(at++);
                if (c == '(') depth++;
                else if (c == ')') depth--;
            }
            key = fmt.substring(start, at - 1);
        }
        boolean left = false, plus = false, space = false, alt = false, zero = false;
        for (boolean more = true; more; ) {
            switch (peek()) {
                case '-' -> left = true;
                case '+' -> plus = true;
                case ' ' -> space = true;
                case '#' -> alt = true;
                case '0' -> zero = true;
                default -> more = false;
            }
            if (more) at++;
        }
        int width = -1, prec = -1;
        if (peek() == '*') {
            at++;
            width = star();
            if (width < 0) {
                left = true;
                width = -width;
            }
        } else {
            width = digits();
        }
        if (peek() == '.') {
            at++;
            if (peek() == '*') {
                at++;
                prec = Math.max(0, star());
            } else {
                prec = Math.max(0, digits());
            }
        }
        if (at >= fmt.length()) throw PyRaise.of(PyType.VALUE_ERROR, "incomplete format");
        char type = fmt.charAt(at++);
        if (type == '%') {
            out.append('%');
            return;
        }
        Object v = key != null ? lookup(key) : arg();
        String sign = "", body;
        boolean numeric = true;
        switch (type) {
            case 's', 'r', 'a' -> {
                numeric = false;
                body = type == 's' ? Py.str(m, v) : type == 'r' ? Py.repr(m, v) : ascii(Py.repr(m, v));
                if (prec >= 0 && prec < body.codePointCount(0, body.length())) body = body.substring(0, body.offsetByCodePoints(0, prec));
            }
            case 'c' -> {
                numeric = false;
                body = character(v);
            }
            case 'd', 'i', 'u' -> {
                BigInteger n = Ints.big(integer(v, type, true));
                sign = n.signum() < 0 ? "-" : plus ? "+" : space ? " " : "";
                body = n.abs().toString();
                if (prec >= 0) body = "0".repeat(Math.max(0, prec - body.length())) + body;
            }
            case 'o', 'x', 'X' -> {
                BigInteger n = Ints.big(integer(v, type, false));
                sign = n.signum() < 0 ? "-" : plus ? "+" : space ? " " : "";
                body = n.abs().toString(type == 'o' ? 8 : 16);
                if (prec >= 0) body = "0".repeat(Math.max(0, prec - body.length())) + body;
                if (type == 'X') body = body.toUpperCase(java.util.Locale.ROOT);
                if (alt) sign += type == 'o' ? "0o" : type == 'x' ? "0x" : "0X";
            }
            case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                double x = real(v, type);
                sign = x < 0 || (x == 0 && 1 / x < 0) ? "-" : plus ? "+" : space ? " " : "";
                body = floating(Math.abs(x), Character.toLowerCase(type), prec < 0 ? 6 : prec, alt);
                if (Character.isUpperCase(type)) body = body.toUpperCase(java.util.Locale.ROOT);
            }
            default -> throw PyRaise.of(PyType.VALUE_ERROR, "unsupported format character '" + type + "' (0x"
                    + Integer.toHexString(type) + ") at index " + (at - 1));
        }
        int len = sign.length() + body.codePointCount(0, body.length());
        if (width <= len) {
            out.append(sign).append(body);
        } else if (left) {
            out.append(sign).append(body).append(" ".repeat(width - len));
        } else if (zero && numeric) {
            out.append(sign).append("0".repeat(width - len)).append(body);
        } else {
            out.append(" ".repeat(width - len)).append(sign).append(body);
        }
    }

    private char peek() { return at < fmt.length() ? fmt.charAt(at) : '\0'; }

    private int digits() {
        int start = at;
        while (at < fmt.length() && Character.isDigit(fmt.charAt(at))) at++;
        if (start == at) return -1;
        try {
            return Integer.parseInt(fmt.substring(start, at));
        } catch (NumberFormatException e) {
            throw PyRaise.of(PyType.VALUE_ERROR, "width too big");
        }
    }

    private int star() {
        Object v = arg();
        if (!(v instanceof Long) && !(v instanceof Boolean)) throw PyRaise.of(PyType.TYPE_ERROR, "* wants int");
        long n = Ints.small(v);
        if (Math.abs(n) > 100_000_000) throw PyRaise.of(PyType.VALUE_ERROR, "width too big");
        return (int) n;
    }

    private Object arg() {
        if (mapping != null && args.size() == 1 && next == 0 && !(args.get(0) instanceof Tuple)) {
            next++;
            return args.get(0);
        }
        if (next >= args.size()) throw PyRaise.of(PyType.TYPE_ERROR, "not enough arguments for format string");
        return args.get(next++);
    }

    private Object lookup(String key) {
        int i = Py.dictIndex(m, mapping, key);
        if (i < 0) throw new PyRaise(new PyExc(PyType.KEY_ERROR, lockstep.core.Vec.of(key)));
        next = args.size();
        return mapping.vals().get(i);
    }

    /** The int of %d (a float is truncated) or of %o, %x (ints only). */
    private Object integer(Object v, char type, boolean floats) {
        if (Ints.isInt(v)) return v instanceof Boolean b ? (Object) (b ? 1L : 0L) : v;
        if (floats && v instanceof Double d) return Ints.fromDouble(d);
        throw PyRaise.of(PyType.TYPE_ERROR, "%" + type + " format: " + (floats ? "a real number" : "an integer")
                + " is required, not " + Py.typeOf(m, v).name);
    }

    private double real(Object v, char type) {
        if (Py.isNumber(v)) return Py.toDouble(v);
        throw PyRaise.of(PyType.TYPE_ERROR, "must be real number, not " + Py.typeOf(m, v).name);
    }

    private String character(Object v) {
        if (v instanceof String s && s.codePointCount(0, s.length()) == 1) return s;
        if (Ints.isInt(v)) {
            Object n = v instanceof Boolean b ? (Object) (b ? 1L : 0L) : v;
            if (n instanceof Long l && l >= 0 && l <= 0x10FFFF) return new String(Character.toChars((int) (long) l));
            throw PyRaise.of(PyType.OVERFLOW_ERROR, "%c arg not in range(0x110000)");
        }
        if (!m.version().has(lockstep.core.Delta.PERCENT_C_MESSAGE)) throw PyRaise.of(PyType.TYPE_ERROR, "%c requires int or char");
        throw PyRaise.of(PyType.TYPE_ERROR, "%c requires an int or a unicode character, not "
                + (v instanceof String s ? "a string of length " + s.codePointCount(0, s.length()) : Py.typeOf(m, v).name));
    }

    /** A non-negative float as %e, %f or %g show it (inf and nan as words). */
    static String floating(double x, char type, int prec, boolean alt) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return "inf";
        BigDecimal exact = new BigDecimal(x);
        return switch (type) {
            case 'f' -> point(exact.setScale(prec, RoundingMode.HALF_EVEN).toPlainString(), alt);
            case 'e' -> exponent(exact, prec, alt);
            default -> general(exact, prec == 0 ? 1 : prec, alt);
        };
    }

    /** With the alternate form, a number with no digits after the point keeps the point. */
    private static String point(String s, boolean alt) {
        return alt && s.indexOf('.') < 0 ? s + "." : s;
    }

    /** d.ddd e±XX with {@code prec} digits after the point. */
    private static String exponent(BigDecimal x, int prec, boolean alt) {
        int exp;
        String digits;
        if (x.signum() == 0) {
            exp = 0;
            digits = "0".repeat(prec + 1);
        } else {
            BigDecimal r = x.round(new java.math.MathContext(prec + 1, RoundingMode.HALF_EVEN));
            exp = r.precision() - r.scale() - 1;
            digits = r.unscaledValue().toString();
            digits = (digits + "0".repeat(prec + 1)).substring(0, prec + 1);
        }
        String mant = digits.length() == 1 ? point(digits, alt) : digits.charAt(0) + "." + digits.substring(1);
        return mant + Py.exponent(exp);
    }

    /** %g: %e or %f by the exponent after rounding to {@code prec} significant digits; trailing zeros dropped unless alternate. */
    private static String general(BigDecimal x, int prec, boolean alt) {
        int exp = 0;
        if (x.signum() != 0) {
            BigDecimal r = x.round(new java.math.MathContext(prec, RoundingMode.HALF_EVEN));
            exp = r.precision() - r.scale() - 1;
        }
        String s = exp >= -4 && exp < prec ? x.setScale(prec - 1 - exp, RoundingMode.HALF_EVEN).toPlainString() : exponent(x, prec - 1, false);
        if (alt) return point(s, true);
        int e = s.indexOf('e');
        String mant = e < 0 ? s : s.substring(0, e), tail = e < 0 ? "" : s.substring(e);
        if (mant.indexOf('.') >= 0) {
            mant = mant.replaceAll("0+$", "");
            if (mant.endsWith(".")) mant = mant.substring(0, mant.length() - 1);
        }
        return mant + tail;
    }

    /** ascii(): repr with every non-ASCII code point escaped. */
    private static String ascii(String repr) {
        StringBuilder sb = new StringBuilder();
        repr.codePoints().forEach(c -> {
            if (c < 128) sb.append((char) c);
            else if (c < 0x100) sb.append(String.format("\\x%02x", c));
            else if (c < 0x10000) sb.append(String.format("\\u%04x", c));
            else sb.append(String.format("\\U%08x", c));
        });
        return sb.toString();
    }
}
