package dev.drpconsole.bench;

import java.io.File;
import java.io.IOException;
import java.util.List;

/** The X display a benchmark starts the real console on: DISPLAY when set, else an Xvfb of its own. */
final class Display implements AutoCloseable {
    private final Process xvfb;
    private final String name;

    private Display(Process xvfb, String name) {
        this.xvfb = xvfb;
        this.name = name;
    }

    /** @param number the Xvfb display number to use when DISPLAY is unset (one per benchmark, so they never meet) */
    static Display open(int number) throws IOException, InterruptedException {
        return open(number, false);
    }

    /**
     * A display for this JVM's own JavaFX toolkit: an Xvfb that a small shell watch ends once this JVM has gone.
     * Killing it from a shutdown hook instead cut GTK's connection while the toolkit was still closing, and GTK then
     * ended the JVM with status 1 after a successful benchmark.
     */
    static Display openForThisJvm(int number) throws IOException, InterruptedException {
        return open(number, true);
    }

    private static Display open(int number, boolean endWithThisJvm) throws IOException, InterruptedException {
        String given = System.getenv("DISPLAY");
        if (given != null) {
            return new Display(null, given);
        }
        String xvfb = "Xvfb :" + number + " -screen 0 1440x900x24 -nolisten tcp";
        List<String> command = endWithThisJvm
                ? List.of("sh", "-c", "command -v Xvfb >/dev/null || exit 127; " + xvfb + " & x=$!; while kill -0 "
                        + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 0.5; done; kill $x")
                : List.of(xvfb.split(" "));
        Process started;
        try {
            started = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException notInstalled) {
            throw new IOException("This benchmark draws the real window and needs a display: set DISPLAY, or install"
                    + " Xvfb (sudo apt-get install -y xvfb)", notInstalled);
        }
        File socket = new File("/tmp/.X11-unix/X" + number);
        for (int i = 0; i < 50 && !socket.exists(); i++) {
            Thread.sleep(100);
        }
        if (!socket.exists() && !started.isAlive()) {
            throw new IOException("This benchmark draws the real window and needs a display: set DISPLAY, or install"
                    + " Xvfb (sudo apt-get install -y xvfb)");
        }
        return new Display(started, ":" + number);
    }

    /** The value for DISPLAY. */
    String name() {
        return name;
    }

    @Override
    public void close() {
        if (xvfb != null) {
            xvfb.destroy();
        }
    }
}
