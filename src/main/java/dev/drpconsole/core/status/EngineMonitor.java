package dev.drpconsole.core.status;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** TEMPORARY placeholder until the engine layer lands. */
public class EngineMonitor implements ConnectionMonitor {
    public EngineMonitor(Executor io) {
    }

    @Override
    public void start(Consumer<ConnectionState> listener) {
        listener.accept(ConnectionState.unreachable("Container engine unreachable",
                "connection refused at unix:///var/run/docker.sock", "Start it: sudo dockerd &"));
    }

    @Override
    public void retry() {
    }

    @Override
    public void close() {
    }
}
