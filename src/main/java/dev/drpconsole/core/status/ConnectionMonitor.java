package dev.drpconsole.core.status;

import java.util.function.Consumer;

/**
 * Watches one connection and reports its state as it changes. Reports arrive on the monitor's own
 * threads; the UI hops them onto the FX thread itself.
 */
public interface ConnectionMonitor extends AutoCloseable {

    /** Starts watching; the first report is sent as soon as the first check ends. Never blocks. */
    void start(Consumer<ConnectionState> listener);

    /** Checks again now (the user pressed Retry). Never blocks. */
    void retry();

    @Override
    void close();
}
