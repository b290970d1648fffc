package dev.drpconsole.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Refreshes {@code src/main/jvm/startup.classlist}, the classes {@code mvn package} puts in the console's
 * class-data archive: starts the packaged console once per section of the sidebar (the section it opens on is
 * the one its settings name), each up to its first window, with the JVM recording what it loaded, and writes the
 * union in the order first loaded. Needs a display (Xvfb is started when DISPLAY is unset). Run:
 * {@code mvn -B -Pbench package exec:exec@startup-classlist -DskipTests}, then commit the list.
 */
public final class StartupClassList {
    private static final List<String> SECTIONS = List.of("setup", "contexts", "runners", "containers", "jobs");

    private StartupClassList() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("target/drp-context-console.jar").toAbsolutePath();
        Path options = Path.of("src/main/jvm/desktop.options").toAbsolutePath();
        Path out = Path.of("src/main/jvm/startup.classlist");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Set<String> classes = new LinkedHashSet<>();
        try (Display screen = Display.open(76)) {
            String display = screen.name();
            for (String section : SECTIONS) {
                Path settings = Files.createTempDirectory("classlist-settings");
                Files.writeString(settings.resolve("settings.properties"), "shell.section=" + section + "\n");
                Path list = Files.createTempFile("startup", ".classlist");
                ProcessBuilder builder = new ProcessBuilder(java, "@" + options, "-XX:DumpLoadedClassList=" + list,
                        "-Ddrpconsole.exitAfterStart=true", "-Ddrpconsole.settings.dir=" + settings, "-jar",
                        jar.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                builder.environment().put("DISPLAY", display);
                Process console = builder.start();
                if (!console.waitFor(60, TimeUnit.SECONDS) || console.exitValue() != 0) {
                    console.destroyForcibly();
                    throw new IllegalStateException("the console did not start and exit on section " + section);
                }
                for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        classes.add(line);
                    }
                }
                System.out.printf("%-10s %d classes so far%n", section, classes.size());
            }
        }
        StringBuilder text = new StringBuilder("# The classes the console loads up to its first window, on each section; made by\n"
                + "# dev.drpconsole.bench.StartupClassList (see its javadoc), read by src/main/jvm/class-data.sh.\n");
        classes.forEach(line -> text.append(line).append('\n'));
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("wrote " + out + ": " + classes.size() + " classes");
    }

}
