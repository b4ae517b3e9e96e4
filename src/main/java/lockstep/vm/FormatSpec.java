package lockstep.vm;

import java.math.BigInteger;

/**
 * {@code format(v, spec)} and {@code f"{v:spec}"}: Python's format-specification mini-language,
 * {@code [[fill]align][sign][#][0][width][grouping][.precision][type]}, for int, bool, float
 * and str as their {@code __format__} methods read it. Float digits come from
 * {@link Percent#floating}, rounded half to even from the exact value.
 */
final class FormatSpec {
    private char fill = ' ', align, sign = '-', type;
    private boolean alt, zero, signGiven;
    private int width = -1, prec = -1;
    private char grouping;
    private final String spec;

    private FormatSpec(String spec) { this.spec = spec; }

    static String format(Machine m, Object v, String spec) {
        if (spec.isEmpty()) return Py.str(m, v);
        String typeName = Py.typeOf(m, v).name;
        if (!(v instanceof String) && !Py.isNumber(v)) {
            throw PyRaise.of(PyType.TYPE_ERROR, "unsupported format string passed to " + typeName + ".__format__");
        }
        FormatSpec f = new FormatSpec(spec);
        f.parse(typeName);
        if (v instanceof String s) return f.string(s, typeName);
        if (v instanceof Double d) return f.floating(d, typeName);
        return f.integer(v, typeName);
    }

    private void parse(String typeName) {
        int i = 0, n = spec.length();
        if (n >= 2 && isAlign(spec.charAt(1))) {
            fill = spec.charAt(0);
            align = spec.charAt(1);
            i = 2;
        } else if (n >= 1 && isAlign(spec.charAt(0))) {
            align = spec.charAt(0);
            i = 1;
        }
        if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) {
            sign = spec.charAt(i++);
            signGiven = true;
        }
        if (i < n && spec.charAt(i) == '#') {
            alt = true;
            i++;
        }
        if (i < n && spec.charAt(i) == '0') {
            zero = true;
            i++;
        }
        int start = i;
        while (i < n && Character.isDigit(spec.charAt(i))) i++;
        if (i > start) width = Integer.parseInt(spec.substring(start, i));
        if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) grouping = spec.charAt(i++);
        if (i < n && spec.charAt(i) == '.') {
            start = ++i;
            while (i < n && Character.isDigit(spec.charAt(i))) i++;
            if (i == start) throw PyRaise.of(PyType.VALUE_ERROR, "Format specifier missing precision");
            prec = Integer.parseInt(spec.substring(start, i));
        }
        if (i < n) type = spec.charAt(i++);
        if (i < n) throw PyRaise.of(PyType.VALUE_ERROR, "Invalid format specifier '" + spec + "' for object of type '" + typeName + "'");
        if (zero && align == 0) {
            fill = '0';
            align = '=';
        }
    }

    private static boolean isAlign(char c) { return c == '<' || c == '>' || c == '^' || c == '='; }

    private String string(String s, String typeName) {
        if (type != 0 && type != 's') throw unknown(typeName);
        if (signGiven) {
            throw PyRaise.of(PyType.VALUE_ERROR, "Sign not allowed in string format specifier");
        }
        if (alt) throw PyRaise.of(PyType.VALUE_ERROR, "Alternate form (#) not allowed in string format specifier");
        if (align == '=') throw PyRaise.of(PyType.VALUE_ERROR, "'=' alignment not allowed in string format specifier");
        if (grouping != 0) throw PyRaise.of(PyType.VALUE_ERROR, "Cannot specify '" + grouping + "' with 's'.");
        if (prec >= 0 && prec < s.codePointCount(0, s.length())) s = s.substring(0, s.offsetByCodePoints(0, prec));
        return pad("", s, '<');
    }

    private String integer(Object v, String typeName) {
        Object n = v instanceof Boolean b ? (Object) (b ? 1L : 0L) : v;
        if (type == 'e' || type == 'E' || type == 'f' || type == 'F' || type == 'g' || type == 'G' || type == '%') {
            return floating(Ints.toDouble(n), typeName);
        }
        if (type != 0 && "bcdoxXn".indexOf(type) < 0) throw unknown(typeName);
        if (prec >= 0) throw PyRaise.of(PyType.VALUE_ERROR, "Precision not allowed in integer format specifier");
        BigInteger big = Ints.big(n);
        if (type == 'c') {
            if (sign != '-') throw PyRaise.of(PyType.VALUE_ERROR, "Sign not allowed with integer format specifier 'c'");
            if (big.signum() < 0 || big.compareTo(BigInteger.valueOf(0x10FFFF)) > 0) {
                throw PyRaise.of(PyType.OVERFLOW_ERROR, "%c arg not in range(0x110000)");
            }
            return pad("", new String(Character.toChars(big.intValue())), '<');
        }
        int radix = type == 'b' ? 2 : type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10;
        if (grouping == ',' && radix != 10) throw PyRaise.of(PyType.VALUE_ERROR, "Cannot specify ',' with '" + type + "'.");
        String digits = big.abs().toString(radix);
        if (type == 'X') digits = digits.toUpperCase(java.util.Locale.ROOT);
        if (grouping != 0) digits = group(digits, radix == 10 ? 3 : 4, grouping);
        String prefix = !alt || radix == 10 ? "" : radix == 2 ? "0b" : radix == 8 ? "0o" : type == 'X' ? "0X" : "0x";
        return pad(signOf(big.signum() < 0) + prefix, digits, '>');
    }

    private String floating(double x, String typeName) {
        if (type != 0 && "eEfFgGn%".indexOf(type) < 0) throw unknown(typeName);
        boolean negative = x < 0 || (x == 0 && 1 / x < 0);
        double a = Math.abs(x);
        String body;
        if (type == 0 && prec < 0) {
            body = Py.floatRepr(a);
        } else if (type == 0) {
            body = Percent.floating(a, 'g', prec == 0 ? 1 : prec, alt);
            if (Double.isFinite(a) && body.indexOf('e') < 0 && body.indexOf('.') < 0) body += ".0";
        } else if (type == '%') {
            body = Percent.floating(a * 100, 'f', prec < 0 ? 6 : prec, alt) + "%";
        } else {
            char t = Character.toLowerCase(type == 'n' ? 'g' : type);
            body = Percent.floating(a, t, prec < 0 ? 6 : prec, alt);
            if (Character.isUpperCase(type)) body = body.toUpperCase(java.util.Locale.ROOT);
        }
        if (grouping != 0 && Double.isFinite(a)) {
            int end = 0;
            while (end < body.length() && Character.isDigit(body.charAt(end))) end++;
            body = group(body.substring(0, end), 3, grouping) + body.substring(end);
        }
        return pad(signOf(negative), body, '>');
    }

    private String signOf(boolean negative) {
        return negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
    }

    private static String group(String digits, int every, char sep) {
        StringBuilder sb = new StringBuilder();
        int first = digits.length() % every;
        if (first == 0) first = every;
        sb.append(digits, 0, Math.min(first, digits.length()));
        for (int i = first; i < digits.length(); i += every) sb.append(sep).append(digits, i, i + every);
        return sb.toString();
    }

    /** Pads sign + prefix + body to the width, by the alignment ({@code dflt} when none was given). */
    private String pad(String signAndPrefix, String body, char dflt) {
        int len = signAndPrefix.length() + body.codePointCount(0, body.length());
        if (width <= len) return signAndPrefix + body;
        String padding = String.valueOf(fill).repeat(width - len);
        return switch (align == 0 ? dflt : align) {
            case '<' -> signAndPrefix + body + padding;
            case '^' -> {
                int left = (width - len) / 2;
                yield padding.substring(0, left) + signAndPrefix + body + padding.substring(left);
            }
            case '=' -> signAndPrefix + padding + body;
            default -> padding + signAndPrefix + body;
        };
    }

    private RuntimeException unknown(String typeName) {
        return PyRaise.of(PyType.VALUE_ERROR, "Unknown format code '" + type + "' for object of type '" + typeName + "'");
    }
}
