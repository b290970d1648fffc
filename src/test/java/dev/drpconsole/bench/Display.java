package dev.drpconsole.bench;

import java.io.File;
import java.io.IOException;

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
        String given = System.getenv("DISPLAY");
        if (given != null) {
            return new Display(null, given);
        }
        Process xvfb;
        try {
            xvfb = new ProcessBuilder("Xvfb", ":" + number, "-screen", "0", "1440x900x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException notInstalled) {
            throw new IOException("This benchmark draws the real window and needs a display: set DISPLAY, or install"
                    + " Xvfb (sudo apt-get install -y xvfb)", notInstalled);
        }
        for (int i = 0; i < 50 && !new File("/tmp/.X11-unix/X" + number).exists(); i++) {
            Thread.sleep(100);
        }
        return new Display(xvfb, ":" + number);
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
