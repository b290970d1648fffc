package dev.drpconsole.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results file a script or CI reads after {@code mvn -Pbench verify}: one header, then one row per figure. */
class BenchResultsTest {
    @TempDir
    Path dir;

    @Test
    void aRunStartsTheFileAfreshAndEachBenchmarkAppendsItsRows() throws IOException {
        Path results = dir.resolve("target/bench-results.tsv");
        Files.createDirectories(results.getParent());
        Files.writeString(results, "figure\tvalue\tunit\tgoal\nold_figure\t1\tms\t-\n");

        BenchResults.startFresh(results);
        BenchResults.append(results, "startup_ratio", 1.4236, "x", "<=1.5");
        BenchResults.append(results, "runners_view_cold_draw_ms", 812, "ms", "<1000");

        assertEquals(List.of("figure\tvalue\tunit\tgoal", "startup_ratio\t1.42\tx\t<=1.5",
                "runners_view_cold_draw_ms\t812\tms\t<1000"), Files.readAllLines(results));
    }

    @Test
    void aBenchmarkRunAloneStartsTheFileWithItsHeader() throws IOException {
        Path results = dir.resolve("bench-results.tsv");

        BenchResults.append(results, "job_log_stored_to_drawn_p95_ms", 120.5, "ms", "<300");

        assertEquals(List.of("figure\tvalue\tunit\tgoal", "job_log_stored_to_drawn_p95_ms\t120.50\tms\t<300"),
                Files.readAllLines(results));
    }

    @Test
    void figureNamesAreLowerSnakeCase() {
        assertThrows(IllegalArgumentException.class,
                () -> BenchResults.append(dir.resolve("r.tsv"), "Startup Ratio", 1, "x", "-"));
    }
}
