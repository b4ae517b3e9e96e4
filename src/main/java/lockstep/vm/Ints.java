package lockstep.vm;

import lockstep.core.Delta;
import lockstep.core.PyVersion;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Python's unbounded {@code int}. A value is a {@link Long} while it fits in 64 bits and a
 * {@link BigInteger} beyond, never a BigInteger that fits (every result goes through
 * {@link #norm}), so equal ints are equal Java objects and the common case stays on the
 * fast path of {@code Math.*Exact}. {@code bool} is an int too: True and False count as 1
 * and 0 here.
 */
final class Ints {
    private Ints() {}

    /** CPython's default {@code sys.get_int_max_str_digits()}: longer decimal conversions raise ValueError. */
    static final int MAX_STR_DIGITS = 4300;

    /** An int (or a bool, which is one). */
    static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Boolean || v instanceof BigInteger;
    }

    /** The canonical form: a Long when the value fits. */
    static Object norm(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    static BigInteger big(Object v) {
        if (v instanceof BigInteger b) return b;
        if (v instanceof Boolean b) return b ? BigInteger.ONE : BigInteger.ZERO;
        return BigInteger.valueOf((Long) v);
    }

    /** The value as a long, or null when it does not fit. */
    static Long small(Object v) {
        if (v instanceof Long l) return l;
        if (v instanceof Boolean b) return b ? 1L : 0L;
        return null;
    }

    static int signum(Object v) {
        return v instanceof BigInteger b ? b.signum() : Long.signum(small(v));
    }

    // ------------------------------------------------------------------ arithmetic

    static Object add(Object a, Object b) {
        Long x = small(a), y = small(b);
        if (x != null && y != null) {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) >= 0) return r;
        }
        return norm(big(a).add(big(b)));
    }

    static Object sub(Object a, Object b) {
        Long x = small(a), y = small(b);
        if (x != null && y != null) {
            long r = x - y;
            if (((x ^ y) & (x ^ r)) >= 0) return r;
        }
        return norm(big(a).subtract(big(b)));
    }

    static Object mul(Object a, Object b) {
        Long x = small(a), y = small(b);
        if (x != null && y != null) {
            long hi = Math.multiplyHigh(x, y), lo = x * y;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return lo;
        }
        Py.checkIntBits(bitLength(a) + bitLength(b));
        return norm(big(a).multiply(big(b)));
    }

    /** {@code a // b}, rounding toward minus infinity. */
    static Object floorDiv(Object a, Object b) {
        if (signum(b) == 0) throw PyRaise.of(PyType.ZERO_DIVISION_ERROR, "integer division or modulo by zero");
        Long x = small(a), y = small(b);
        if (x != null && y != null && !(x == Long.MIN_VALUE && y == -1)) return Math.floorDiv(x, y);
        BigInteger[] qr = big(a).divideAndRemainder(big(b));
        BigInteger q = qr[0];
        if (qr[1].signum() != 0 && qr[1].signum() != big(b).signum()) q = q.subtract(BigInteger.ONE);
        return norm(q);
    }

    /** {@code a % b}, with the sign of b. */
    static Object mod(Object a, Object b) {
        if (signum(b) == 0) throw PyRaise.of(PyType.ZERO_DIVISION_ERROR, "integer modulo by zero");
        Long x = small(a), y = small(b);
        if (x != null && y != null) return Math.floorMod(x, y);
        BigInteger r = big(a).mod(big(b).abs());
        if (big(b).signum() < 0 && r.signum() != 0) r = r.add(big(b));
        return norm(r);
    }

    /** {@code a / b} for ints: the correctly rounded quotient as a float. */
    static double trueDiv(Object a, Object b) {
        if (signum(b) == 0) throw PyRaise.of(PyType.ZERO_DIVISION_ERROR, "division by zero");
        Long x = small(a), y = small(b);
        if (x != null && y != null && Math.abs(x) < (1L << 53) && Math.abs(y) < (1L << 53)) return (double) x / y;
        double q = new BigDecimal(big(a)).divide(new BigDecimal(big(b)), new MathContext(40)).doubleValue();
        if (Double.isInfinite(q)) throw PyRaise.of(PyType.OVERFLOW_ERROR, "integer division result too large for a float");
        return q;
    }

    /** {@code a ** b} with b >= 0 (a negative exponent makes a float, see {@link Py}). */
    static Object pow(Object a, long b) {
        if (b == 0) return 1L;
        Long x = small(a);
        if (x != null && (x == 0 || x == 1)) return x;
        if (x != null && x == -1) return (b & 1) == 0 ? 1L : -1L;
        Py.checkIntBits(Math.multiplyHigh(bitLength(a), b) != 0 ? Long.MAX_VALUE : bitLength(a) * b);
        return norm(big(a).pow((int) b));
    }

    static Object neg(Object a) {
        Long x = small(a);
        if (x != null && x != Long.MIN_VALUE) return -x;
        return norm(big(a).negate());
    }

    static Object abs(Object a) {
        return signum(a) < 0 ? neg(a) : (a instanceof Boolean ? small(a) : a);
    }

    static long bitLength(Object a) {
        Long x = small(a);
        return x != null ? 64 - Long.numberOfLeadingZeros(x < 0 ? ~x : x) : big(a).bitLength();
    }

    // ------------------------------------------------------------------ comparison

    static int compare(Object a, Object b) {
        Long x = small(a), y = small(b);
        if (x != null && y != null) return Long.compare(x, y);
        return big(a).compareTo(big(b));
    }

    /** The exact order of an int and a finite float (as Python compares them, without rounding the int). */
    static int compareWithFloat(Object a, double d) {
        Long x = small(a);
        if (x != null && Math.abs(x) < (1L << 53)) return Double.compare((double) x, d + 0.0); // -0.0 + 0.0 is 0.0: equal to the int 0
        return new BigDecimal(big(a)).compareTo(new BigDecimal(d));
    }

    // ------------------------------------------------------------------ conversions

    /** float(a): OverflowError beyond the range of a double. */
    static double toDouble(Object a) {
        Long x = small(a);
        if (x != null) return x;
        double d = ((BigInteger) a).doubleValue();
        if (Double.isInfinite(d)) throw PyRaise.of(PyType.OVERFLOW_ERROR, "int too large to convert to float");
        return d;
    }

    /** int(d): truncation toward zero; inf and nan raise as in CPython. */
    static Object fromDouble(double d) {
        if (Double.isNaN(d)) throw PyRaise.of(PyType.VALUE_ERROR, "cannot convert float NaN to integer");
        if (Double.isInfinite(d)) throw PyRaise.of(PyType.OVERFLOW_ERROR, "cannot convert float infinity to integer");
        if (Math.abs(d) < 0x1p63) return (long) d;
        return norm(new BigDecimal(d).toBigInteger());
    }

    /** A Java index (size, count, position) from an int that must fit: OverflowError otherwise, as CPython's ssize_t. */
    static long toIndex(Object a) {
        Long x = small(a);
        if (x == null) throw PyRaise.of(PyType.OVERFLOW_ERROR, "cannot fit 'int' into an index-sized integer");
        return x;
    }

    /** str(a) in decimal; ValueError past CPython's 4300-digit limit (none in 3.10.2: {@link Delta#NO_INT_STR_DIGITS_LIMIT}). */
    static String str(Object a, PyVersion v) {
        if (a instanceof Long l) return Long.toString(l);
        BigInteger b = big(a);
        // Past 14,300 bits an int has more than 4,300 digits: no need to convert it to know.
        if (!v.has(Delta.NO_INT_STR_DIGITS_LIMIT) && (b.bitLength() > 14_300 || b.abs().toString().length() > MAX_STR_DIGITS)) {
            throw PyRaise.of(PyType.VALUE_ERROR, "Exceeds the limit (" + MAX_STR_DIGITS
                    + " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
        }
        return b.toString();
    }

    /** int(s): {@link #parse(String, int, PyVersion)} in base 10. */
    static Object parse(String s, PyVersion version) { return parse(s, 10, version); }

    /**
     * int(s, base) as CPython reads it: surrounding whitespace, one sign, for base 0 a prefix
     * (0x, 0o, 0b, else decimal without leading zeros) that names the base, in base 2, 8 or 16
     * that base's prefix optionally, then digits (letters past 9, a decimal digit of any script)
     * with single underscores between them and after a prefix; ValueError otherwise.
     */
    static Object parse(String s, int base, PyVersion version) {
        String t = Py.stripSpace(s);
        int i = 0;
        boolean neg = false;
        if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) { neg = t.charAt(0) == '-'; i = 1; }
        int radix = base;
        boolean prefixed = false;
        if (t.length() >= i + 2 && t.charAt(i) == '0') {
            char p = Character.toLowerCase(t.charAt(i + 1));
            int named = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (named != 0 && (base == 0 || base == named)) {
                radix = named;
                prefixed = true;
                i += 2;
            }
        }
        if (radix == 0) radix = 10;
        StringBuilder digits = new StringBuilder();
        boolean lastUnderscore = !prefixed;   // no '_' right after the sign; one may follow a prefix
        for (; i < t.length(); i = t.offsetByCodePoints(i, 1)) {
            int c = t.codePointAt(i);
            if (c == '_' && !lastUnderscore) { lastUnderscore = true; continue; }
            int d = c < 128 ? Character.digit(c, radix) : Character.isDigit(c) ? Character.digit(c, 10) : -1;
            if (d < 0 || d >= radix) throw invalidLiteral(s, base);
            digits.append(Character.forDigit(d, radix));
            lastUnderscore = false;
        }
        if (digits.length() == 0 || lastUnderscore) throw invalidLiteral(s, base);
        // base 0 reads a decimal number with leading zeros only if it is zero
        if (base == 0 && !prefixed && digits.length() > 1 && digits.charAt(0) == '0' && digits.chars().anyMatch(c -> c != '0')) {
            throw invalidLiteral(s, base);
        }
        if (Integer.bitCount(radix) != 1 && digits.length() > MAX_STR_DIGITS && !version.has(Delta.NO_INT_STR_DIGITS_LIMIT)) {
            throw PyRaise.of(PyType.VALUE_ERROR, "Exceeds the limit (" + MAX_STR_DIGITS + " digits) for integer string conversion: value has "
                    + digits.length() + " digits; use sys.set_int_max_str_digits() to increase the limit");
        }
        BigInteger v = new BigInteger(digits.toString(), radix);
        return norm(neg ? v.negate() : v);
    }

    private static PyRaise invalidLiteral(String s, int base) {
        return PyRaise.of(PyType.VALUE_ERROR, "invalid literal for int() with base " + base + ": " + Py.strRepr(s));
    }
}
