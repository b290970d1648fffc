package dev.drpconsole;

import java.lang.management.ManagementFactory;

/**
 * Where the time to the first window goes, logged once it shows: the JVM up to {@code main}, the JavaFX toolkit
 * up to the console's {@code start}, building the console's services and views, and showing the window (first
 * layout, CSS and frame). The start-up benchmark reports each part.
 */
final class StartupTimes {
    private static volatile long mainMs;
    private static volatile long startMs;
    private static volatile long builtMs;

    private StartupTimes() {
    }

    static void mainEntered() {
        mainMs = System.currentTimeMillis();
    }

    static void start() {
        startMs = System.currentTimeMillis();
    }

    static void built() {
        builtMs = System.currentTimeMillis();
    }

    /** E.g. "Started in 900 ms (JVM to main 90 ms, JavaFX toolkit 310 ms, console built 280 ms, window shown 220 ms)". */
    static String shown() {
        long now = System.currentTimeMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long main = mainMs == 0 ? jvmStart : mainMs;
        return String.format("Started in %d ms (JVM to main %d ms, JavaFX toolkit %d ms, console built %d ms,"
                + " window shown %d ms)", now - jvmStart, main - jvmStart, startMs - main, builtMs - startMs,
                now - builtMs);
    }
}
