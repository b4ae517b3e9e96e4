package lockstep.vm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lockstep.vm.Machine.Printed;
import org.junit.jupiter.api.Test;

/**
 * What a run printed, compared as {@code explore --threads} compares it: whether one output
 * starts with another, whatever strings the prints were cut into (the content counts).
 */
class PrintedTest {

    /** {@code p} after printing {@code s}, with the hash a machine keeps. */
    private static Printed print(Printed p, String s) {
        return Printed.then(p, s, Printed.roll(p == null ? 0 : p.hash(), s, s.length()));
    }

    private static Printed printed(String... strings) {
        Printed p = null;
        for (String s : strings) p = print(p, s);
        return p;
    }

    @Test void anOutputStartsWithItsPrefixesWhereverThePrintsWereCut() {
        Printed whole = printed("a request 0\n", "b request 0\n", "a request 1\n");
        assertTrue(Printed.startsWith(whole, printed("a request 0\n")));
        assertTrue(Printed.startsWith(whole, printed("a req", "uest 0\nb")), "a prefix ending inside a print");
        assertTrue(Printed.startsWith(whole, printed("a request 0\nb request 0\na request 1\n")), "the same text printed at once");
        assertTrue(Printed.startsWith(whole, null), "nothing printed");
        assertTrue(Printed.startsWith(whole, whole));
    }

    @Test void differentLinesNeverMeet() {
        Printed a = printed("a request 0\n");
        Printed b = printed("b request 0\n");
        assertFalse(Printed.comparable(a, b));
        assertFalse(Printed.comparable(printed("a request 0\n", "b request 0\n"), printed("a request 0\n", "c request 0\n")));
        assertFalse(Printed.startsWith(a, printed("a request 0\n", "b")), "longer than the output");
        assertTrue(Printed.comparable(a, printed("a request 0\n", "b request 0\n")));
        assertTrue(Printed.comparable(printed("a request 0\n", "b request 0\n"), a));
        assertTrue(Printed.comparable(null, b));
    }
}
