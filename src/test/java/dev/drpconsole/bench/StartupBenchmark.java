package dev.drpconsole.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up benchmark: time to first window of the console as users start it, next to a bare JavaFX window, all
 * measured the same way in the same run, alternating, on a real X display (Xvfb is started when DISPLAY is
 * unset): the README's command ({@code java @target/drp-context-console.options -jar
 * target/drp-context-console.jar}, which brings the desktop JVM options and the class-data archive), the
 * installed launcher (the app-image of {@code mvn -B -Pinstaller package}, when built), and for the breakdown the
 * same jar started plainly ({@code java -jar}, the JVM's defaults) and with the options but no archive. The
 * console's own log line splits its time into the JVM up to main, the JavaFX toolkit, building the console and
 * showing the window. Run: {@code mvn -B -Pbench verify -DskipTests}. Reports figures; asserts nothing.
 */
public final class StartupBenchmark {
    private static final Pattern STARTED = Pattern.compile("Started in (\\d+) ms");
    private static final Pattern PARTS = Pattern.compile("JVM to main (\\d+) ms, JavaFX toolkit (\\d+) ms,"
            + " console built (\\d+) ms, window shown (\\d+) ms");
    private static final String[] PART_NAMES = {"jvm_to_main", "javafx_toolkit", "console_built", "window_shown"};

    private StartupBenchmark() {
    }

    /** One way of starting: its command, and its runs' times (total, and the console's parts when it logs them). */
    private record Way(String name, String figure, List<String> command, Map<String, String> environment,
                       List<Long> totals, List<long[]> parts) {
        Way(String name, String figure, List<String> command, Map<String, String> environment) {
            this(name, figure, command, environment, new ArrayList<>(), new ArrayList<>());
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 9);
        Path target = Path.of(System.getProperty("bench.target", "target")).toAbsolutePath();
        Path jar = target.resolve("drp-context-console.jar");
        Path options = target.resolve("drp-context-console.options");
        if (!Files.exists(jar) || !Files.exists(options)) {
            throw new IllegalStateException(jar + " or " + options + " is missing: run `mvn package` first");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path settings = Files.createTempDirectory("bench-settings");
        String exitAfterStart = "-Ddrpconsole.exitAfterStart=true";
        String settingsDir = "-Ddrpconsole.settings.dir=" + settings;
        Path desktopOptions = Path.of("src/main/jvm/desktop.options").toAbsolutePath();
        try (Display screen = Display.open(77)) {
            String display = screen.name();
            List<Way> ways = new ArrayList<>();
            Way bare = new Way("bare JavaFX window", "startup_bare_window", List.of(java, "-cp",
                    System.getProperty("java.class.path"), BareWindow.Launcher.class.getName()), Map.of());
            Way readme = new Way("console (README command)", "startup_console", List.of(java, "@" + options,
                    exitAfterStart, settingsDir, "-jar", jar.toString()), Map.of());
            ways.add(bare);
            ways.add(readme);
            Path launcher = target.resolve("installer/drp-context-console/bin/drp-context-console");
            Way installed = null;
            if (Files.isExecutable(launcher)) {
                // The launcher takes no JVM options from its command line; the JVM itself reads this variable.
                installed = new Way("console (installed launcher)", "startup_launcher", List.of(launcher.toString()),
                        Map.of("JAVA_TOOL_OPTIONS", exitAfterStart + " " + settingsDir));
                ways.add(installed);
            } else {
                System.out.println("installed launcher: not built (mvn -B -Pinstaller package -DskipTests), skipped");
            }
            ways.add(new Way("console, plain java -jar", "startup_plain_java_jar", List.of(java, exitAfterStart,
                    settingsDir, "-jar", jar.toString()), Map.of()));
            ways.add(new Way("console, options, no archive", "startup_no_archive", List.of(java,
                    "@" + desktopOptions, exitAfterStart, settingsDir, "-jar", jar.toString()), Map.of()));
            for (Way way : ways) { // warm the OS file cache for each before counting
                measure(way, display);
                way.totals().clear();
                way.parts().clear();
            }
            for (int i = 0; i < runs; i++) {
                for (Way way : ways) {
                    measure(way, display);
                }
            }
            for (Way way : ways) {
                report(way.name(), way.totals());
                BenchResults.record(way.figure() + "_median_ms", median(way.totals()), "ms");
            }
            double ratio = (double) median(readme.totals()) / median(bare.totals());
            System.out.printf("ratio (median console / median bare): %.2f (goal <= 1.5)%n", ratio);
            BenchResults.record("startup_ratio", ratio, "x", "<=1.5");
            if (installed != null) {
                double launcherRatio = (double) median(installed.totals()) / median(bare.totals());
                System.out.printf("ratio (median launcher / median bare): %.2f (goal <= 1.5)%n", launcherRatio);
                BenchResults.record("startup_launcher_ratio", launcherRatio, "x", "<=1.5");
            }
            for (Way way : ways) {
                if (way.parts().size() != way.totals().size()) {
                    continue;
                }
                StringBuilder line = new StringBuilder(String.format("%-30s", way.name() + ":"));
                for (int part = 0; part < PART_NAMES.length; part++) {
                    int index = part;
                    long value = median(way.parts().stream().map(parts -> parts[index]).toList());
                    line.append(String.format(" %s %d ms", PART_NAMES[part].replace('_', ' '), value));
                    BenchResults.record(way.figure() + "_" + PART_NAMES[part] + "_median_ms", value, "ms");
                }
                System.out.println(line);
            }
        }
    }

    private static void measure(Way way, String display) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(way.command()).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        builder.environment().putAll(way.environment());
        Process process = builder.start();
        long found = -1;
        long[] parts = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = STARTED.matcher(line);
                if (m.find()) {
                    found = Long.parseLong(m.group(1));
                    Matcher p = PARTS.matcher(line);
                    if (p.find()) {
                        parts = new long[PART_NAMES.length];
                        for (int i = 0; i < parts.length; i++) {
                            parts[i] = Long.parseLong(p.group(i + 1));
                        }
                    }
                }
            }
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (found < 0) {
            throw new IllegalStateException("no 'Started in N ms' line from " + way.command());
        }
        way.totals().add(found);
        if (parts != null) {
            way.parts().add(parts);
        }
    }

    private static void report(String name, List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.printf("%-30s median %5d ms  min %5d ms  max %5d ms  (n=%d)%n",
                name, median(ms), sorted.get(0), sorted.get(sorted.size() - 1), ms.size());
    }

    private static long median(List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
