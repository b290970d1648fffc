package dev.drpconsole.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up benchmark: time to first window of the console ({@code java -jar target/drp-context-console.jar})
 * next to a bare JavaFX window, both measured the same way in the same run, alternating, on a real
 * X display (Xvfb is started when DISPLAY is unset). Run: {@code mvn -B -Pbench verify -DskipTests}.
 * Reports figures; asserts nothing.
 */
public final class StartupBenchmark {
    private static final Pattern STARTED = Pattern.compile("Started in (\\d+) ms");

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 9);
        Path jar = Path.of(System.getProperty("bench.jar", "target/drp-context-console.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn package` first");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process xvfb = System.getenv("DISPLAY") == null ? startXvfb() : null;
        String display = xvfb == null ? System.getenv("DISPLAY") : ":77";
        Path settings = Files.createTempDirectory("bench-settings");
        try {
            List<String> bare = List.of(java, "-cp", System.getProperty("java.class.path"),
                    BareWindow.Launcher.class.getName());
            List<String> console = List.of(java, "-Ddrpconsole.exitAfterStart=true",
                    "-Ddrpconsole.settings.dir=" + settings, "-jar", jar.toString());
            measure(bare, display); // warm the OS file cache for both before counting
            measure(console, display);
            List<Long> bareMs = new ArrayList<>();
            List<Long> consoleMs = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                bareMs.add(measure(bare, display));
                consoleMs.add(measure(console, display));
            }
            report("bare JavaFX window", bareMs);
            report("DRP Context Console", consoleMs);
            System.out.printf("ratio (median console / median bare): %.2f (goal <= 1.5)%n",
                    (double) median(consoleMs) / median(bareMs));
            BenchResults.record("startup_bare_window_median_ms", median(bareMs), "ms");
            BenchResults.record("startup_console_median_ms", median(consoleMs), "ms");
            BenchResults.record("startup_ratio", (double) median(consoleMs) / median(bareMs), "x", "<=1.5");
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    private static long measure(List<String> command, String display) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        Process process = builder.start();
        long found = -1;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = STARTED.matcher(line);
                if (m.find()) {
                    found = Long.parseLong(m.group(1));
                }
            }
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (found < 0) {
            throw new IllegalStateException("no 'Started in N ms' line from " + command);
        }
        return found;
    }

    private static Process startXvfb() throws IOException, InterruptedException {
        Process xvfb = new ProcessBuilder("Xvfb", ":77", "-screen", "0", "1440x900x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 50 && !new File("/tmp/.X11-unix/X77").exists(); i++) {
            Thread.sleep(100);
        }
        return xvfb;
    }

    private static void report(String name, List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.printf("%-22s median %5d ms  min %5d ms  max %5d ms  (n=%d)%n",
                name, median(ms), sorted.get(0), sorted.get(sorted.size() - 1), ms.size());
    }

    private static long median(List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
