package dev.drpconsole.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultResultsTest {
    @TempDir
    Path dir;

    @Test
    void aFaultIsOneLineAndOneRow() throws Exception {
        Path file = dir.resolve("fault-results.tsv");
        FaultResults.startFresh(file);
        FaultResults.append(file, "endpoint-killed", 10, 10, 0);
        FaultResults.append(file, "ssh-cut", 20, 19, 2);
        assertEquals(List.of("fault\ttried\tsurvived\tlost", "endpoint-killed\t10\t10\t0", "ssh-cut\t20\t19\t2"),
                Files.readAllLines(file));
        assertEquals("FAULT endpoint-killed: tried 10, survived 10, lost 0",
                FaultResults.line("endpoint-killed", 10, 10, 0, List.of()));
        assertEquals("FAULT ssh-cut: tried 20, survived 19, lost 2 (cut 3: lost 2; cut 7: no resume in 30 s)",
                FaultResults.line("ssh-cut", 20, 19, 2, List.of("cut 3: lost 2", "cut 7: no resume in 30 s")));
        assertThrows(IllegalArgumentException.class, () -> FaultResults.append(file, "Not Kebab", 1, 1, 0));
    }

    @Test
    void aTallyFailsUnlessEveryTrySurvivedAndNothingWasLost() {
        System.setProperty("fault.results", dir.resolve("tally.tsv").toString());
        try {
            FaultTally fine = new FaultTally("all-fine");
            fine.attempt("one", () -> 0);
            fine.attempt("two", () -> 0);
            fine.report();

            FaultTally failing = new FaultTally("one-failed");
            failing.attempt("one", () -> 0);
            failing.attempt("two", () -> {
                throw new IllegalStateException("no reconnect within 30 s\nstack...");
            });
            AssertionError failed = assertThrows(AssertionError.class, failing::report);
            assertEquals("FAULT one-failed: tried 2, survived 1, lost 0 (two: no reconnect within 30 s)",
                    failed.getMessage());

            FaultTally losing = new FaultTally("one-lost");
            losing.attempt("one", () -> 3);
            assertTrue(assertThrows(AssertionError.class, losing::report).getMessage()
                    .endsWith("tried 1, survived 1, lost 3 (one: lost 3)"));

            assertThrows(AssertionError.class, new FaultTally("none-ran")::report);
            assertEquals(List.of("fault\ttried\tsurvived\tlost", "all-fine\t2\t2\t0", "one-failed\t2\t1\t0",
                    "one-lost\t1\t1\t3", "none-ran\t0\t0\t0"), Files.readAllLines(dir.resolve("tally.tsv")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            System.clearProperty("fault.results");
        }
    }
}
