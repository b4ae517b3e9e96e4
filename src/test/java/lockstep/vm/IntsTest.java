package lockstep.vm;

import lockstep.core.PyVersion;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Python's int arithmetic on the 64-bit fast path and past it, against BigInteger as the reference. */
class IntsTest {

    private static final List<Long> EDGES = List.of(0L, 1L, -1L, 2L, -2L, 3L, 7L, -7L, 1L << 31, -(1L << 31), 1L << 32,
            (1L << 62) - 1, 1L << 62, -(1L << 62), Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE, Long.MIN_VALUE + 1,
            3037000499L, 3037000500L, -3037000500L);

    private static BigInteger b(Object v) { return Ints.big(v); }

    /** A result is exact and canonical: a Long exactly when it fits. */
    private static void assertCanonical(BigInteger expected, Object actual, String what) {
        assertEquals(expected, b(actual), what);
        assertEquals(expected.bitLength() < 64, actual instanceof Long, what + " is canonical");
    }

    @Test
    void addSubMulMatchBigIntegerAroundTheLongBoundary() {
        Random rnd = new Random(7);
        List<Object> xs = new java.util.ArrayList<>(EDGES);
        for (int i = 0; i < 200; i++) xs.add(rnd.nextLong() >> rnd.nextInt(64));
        xs.add(BigInteger.ONE.shiftLeft(64));
        xs.add(BigInteger.ONE.shiftLeft(100).negate());
        for (Object x : xs) {
            for (Object y : xs) {
                String at = x + ", " + y;
                assertCanonical(b(x).add(b(y)), Ints.add(x, y), "add " + at);
                assertCanonical(b(x).subtract(b(y)), Ints.sub(x, y), "sub " + at);
                assertCanonical(b(x).multiply(b(y)), Ints.mul(x, y), "mul " + at);
                if (b(y).signum() != 0) {
                    BigInteger[] qr = b(x).divideAndRemainder(b(y));
                    BigInteger q = qr[1].signum() != 0 && qr[1].signum() != b(y).signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
                    assertCanonical(q, Ints.floorDiv(x, y), "floordiv " + at);
                    assertCanonical(b(x).subtract(q.multiply(b(y))), Ints.mod(x, y), "mod " + at);
                }
                assertEquals(Integer.signum(b(x).compareTo(b(y))), Integer.signum(Ints.compare(x, y)), "compare " + at);
            }
            assertCanonical(b(x).negate(), Ints.neg(x), "neg " + x);
            assertCanonical(b(x).abs(), Ints.abs(x), "abs " + x);
        }
    }

    @Test
    void theIssuesCases() {
        assertEquals(new BigInteger("9223372036854775808"), Ints.floorDiv(Long.MIN_VALUE, -1L));
        assertEquals(new BigInteger("1000000000000000019884624838656"), Ints.fromDouble(1e30));
        assertEquals(new BigInteger("99999999999999999999999"), Ints.parse("9".repeat(23), PyVersion.DEFAULT));
        assertEquals(BigInteger.ONE.shiftLeft(100), Ints.pow(2L, 100));
        assertEquals(1L, Ints.pow(0L, 0));
    }

    @Test
    void parseFollowsCPythonsRules() {
        assertEquals(-1000L, Ints.parse(" -1_000 ", PyVersion.DEFAULT));
        assertEquals(12L, Ints.parse("\u00a0\u0661\u0662\u2003", PyVersion.DEFAULT));   // Arabic-Indic digits, no-break and em spaces
        for (String bad : new String[]{"1__0", "_1", "1_", "+ 1", "", " ", "0x10", "1.5", "--1"}) {
            PyRaise e = assertThrows(PyRaise.class, () -> Ints.parse(bad, PyVersion.DEFAULT), bad);
            assertEquals(PyType.VALUE_ERROR, e.exc.type);
        }
    }

    @Test
    void floatConversionsRaiseAsCPython() {
        assertEquals(PyType.OVERFLOW_ERROR, assertThrows(PyRaise.class, () -> Ints.fromDouble(Double.POSITIVE_INFINITY)).exc.type);
        assertEquals(PyType.VALUE_ERROR, assertThrows(PyRaise.class, () -> Ints.fromDouble(Double.NaN)).exc.type);
        assertEquals(PyType.OVERFLOW_ERROR, assertThrows(PyRaise.class, () -> Ints.toDouble(BigInteger.TEN.pow(400))).exc.type);
        assertEquals(-2L, Ints.fromDouble(-2.7));
        assertEquals(0, Ints.compareWithFloat((1L << 53) + 1, 0x1p53) - 1);   // 2**53 + 1 > 2.0**53, exactly
    }

    @Test
    void sizesPastTheBoundStopTheRun() {
        assertThrows(ResourceBound.class, () -> Ints.pow(3L, 10_000_000));
        assertThrows(ResourceBound.class, () -> Py.checkSize(Py.MAX_ELEMENTS + 1, "list"));
        assertDoesNotThrow(() -> Py.checkSize(Py.MAX_ELEMENTS, "list"));
    }
}
