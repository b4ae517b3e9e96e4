package lockstep.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioGeneratorTest {
    @Test
    void sameSeedSameProgram() {
        for (long seed = 0; seed < 50; seed++) {
            assertEquals(ScenarioGenerator.generate(seed), ScenarioGenerator.generate(seed), "seed " + seed);
        }
        assertEquals(ScenarioGenerator.generate(-7), ScenarioGenerator.generate(-7));
        assertEquals(ScenarioGenerator.generate(Long.MAX_VALUE), ScenarioGenerator.generate(Long.MAX_VALUE));
    }

    @Test
    void differentSeedsDifferentPrograms() {
        List<String> seen = new ArrayList<>();
        for (long seed = 0; seed < 200; seed++) {
            String program = ScenarioGenerator.generate(seed);
            // compare without the header, which always differs
            String body = program.substring(program.indexOf('\n') + 1);
            assertFalse(seen.contains(body), "seed " + seed + " repeats an earlier program");
            seen.add(body);
        }
    }

    @Test
    void programShape() {
        for (long seed = 0; seed < 100; seed++) {
            String p = ScenarioGenerator.generate(seed);
            assertTrue(p.startsWith(ScenarioGenerator.HEADER_PREFIX + seed + "\n"), "header of seed " + seed);
            assertTrue(p.contains("\nimport asyncio\n"), "import in seed " + seed);
            assertTrue(p.endsWith("\nasyncio.run(main())\n"), "asyncio.run at the end of seed " + seed);
            assertTrue(p.contains("asyncio.create_task("), "tasks in seed " + seed);
            assertFalse(p.contains("while "), "unbounded loop in seed " + seed);
            assertFalse(p.contains("\t"), "tab in seed " + seed);
        }
    }

    @Test
    void fileNamesCarryTheSeed() {
        assertEquals("gen_0000.py", ScenarioGenerator.fileName(0));
        assertEquals("gen_0299.py", ScenarioGenerator.fileName(299));
        assertEquals("gen_12345.py", ScenarioGenerator.fileName(12345));
    }
}
