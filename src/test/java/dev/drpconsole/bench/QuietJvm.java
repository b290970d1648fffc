package dev.drpconsole.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/** Waits for this benchmark's JVM to go quiet (its endpoint done compiling and collecting after a big setup). */
final class QuietJvm {
    private QuietJvm() {
    }

    /** Returns once this JVM used under 5 % of a core over half a second, or after 30 s (saying so). */
    static void await() throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            long cpu = os.getProcessCpuTime();
            long since = System.nanoTime();
            TimeUnit.MILLISECONDS.sleep(500);
            if (os.getProcessCpuTime() - cpu < (System.nanoTime() - since) / 20) {
                return;
            }
        }
        System.out.println("(this JVM was still busy after 30 s; measuring anyway)");
    }
}
