package dev.drpconsole;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * On a Linux machine without a GPU (no {@code /dev/dri}: a VM, a remote desktop, Xvfb), draws with JavaFX's
 * software pipeline from the start instead of first trying OpenGL: there the only OpenGL is Mesa's software
 * renderer, which JavaFX rejects anyway ("System GPU doesn't meet the es2 pipe requirement") after loading it,
 * and GTK loads it again to look at its visuals unless {@code GDK_GL=disable}. Skipping both saves about 55 MB
 * of memory (Mesa's LLVM alone is 44 MB resident) and part of the start-up. Set {@code prism.order} or
 * {@code GDK_GL} yourself to choose otherwise; with a GPU nothing changes. The view benchmarks draw the same way.
 */
public final class SoftwareRendering {

    private SoftwareRendering() {
    }

    /** Must run before the JavaFX toolkit starts (it reads the property and loads GTK once). */
    public static void chooseIfNoGpu() {
        if (!System.getProperty("os.name", "").startsWith("Linux") || Files.exists(Path.of("/dev/dri"))
                || System.getProperty("prism.order") != null) {
            return;
        }
        System.setProperty("prism.order", "sw");
        if (System.getenv("GDK_GL") == null) {
            try {
                // The process's own environment, which GTK reads when JavaFX loads it (Java's copy is read-only).
                setenv("GDK_GL", "disable");
            } catch (RuntimeException | LinkageError e) {
                // Only the memory is lost: GTK loads the software OpenGL it would have loaded anyway.
            }
        }
    }

    /** Sets a variable of the process's own environment, as C code (GTK) reads it; Java's copy stays as it was. */
    public static void setenv(String name, String value) {
        C.LIBRARY.setenv(name, value, 0);
    }

    /** The C library's setenv(3). */
    private interface C extends Library {
        C LIBRARY = Native.load(Platform.C_LIBRARY_NAME, C.class); // libc.so.6: no dev package needed

        int setenv(String name, String value, int overwrite);
    }
}
