package dev.drpconsole.core.setup;

import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.ContainerSpec;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.LogLine;
import dev.drpconsole.core.engine.LogListener;
import dev.drpconsole.core.engine.LogOptions;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Finds a base image's package manager by reading its {@code /etc/os-release} in a throwaway container: labels and
 * history are often missing or misleading (an image built FROM debian but labelled by its maker), the file is not.
 */
public final class BaseImageProbe {
    /** The journal's step name for the probe's container, which no plan step makes. */
    static final String PROBE_STEP = "base-image-probe";
    private static final String PROBE_PREFIX = "drp-setup-probe-";

    private BaseImageProbe() {
    }

    /** The package manager, empty when the image has no os-release or an unknown distribution. */
    public static Optional<PackageManager> packageManager(ContainerEngine engine, String image,
                                                          Map<String, String> labels) throws InterruptedException {
        return read(engine, ContainerSpec.of(image), labels);
    }

    /**
     * As {@link #packageManager(ContainerEngine, String, Map)}, the container named beforehand and recorded in
     * {@code journal} before it is made, as the steps record what they make: a console killed while the container
     * exists leaves it to {@code setup --clean-up}. Forgotten again once removed.
     */
    public static Optional<PackageManager> packageManager(ContainerEngine engine, String image,
                                                          Map<String, String> labels, SetupJournal journal)
            throws InterruptedException {
        String name = PROBE_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        CreatedObject container = new CreatedObject(CreatedKind.CONTAINER, name, PROBE_STEP);
        journal.recordCreated(container);
        try {
            return read(engine, ContainerSpec.of(image).withName(name), labels);
        } finally {
            journal.forget(container); // removed by now, also when it could not start
        }
    }

    private static Optional<PackageManager> read(ContainerEngine engine, ContainerSpec spec,
                                                 Map<String, String> labels) throws InterruptedException {
        String id = engine.containers().run(spec.withEntrypoint("cat").withCommand("/etc/os-release")
                .withLabels(labels));
        try {
            StringBuilder text = new StringBuilder();
            CountDownLatch ended = new CountDownLatch(1);
            try (Closeable follow = engine.containers().followLogs(id, LogOptions.everything(), new LogListener() {
                @Override
                public void onLine(LogLine line) {
                    text.append(line.text()).append('\n');
                }

                @Override
                public void onEnd() {
                    ended.countDown();
                }

                @Override
                public void onFailure(EngineException failure) {
                    ended.countDown();
                }
            })) {
                ended.await(10, TimeUnit.SECONDS);
            } catch (IOException closing) {
                // What arrived is what there is.
            }
            return PackageManager.fromOsRelease(text.toString());
        } finally {
            engine.containers().remove(id, true);
        }
    }

    /** The engine's local images by name, sorted, without the untagged ones: what a base image is picked from. */
    public static List<String> localImages(ContainerEngine engine) {
        return engine.images().list(Map.of(), false).stream().flatMap(image -> image.tags().stream())
                .filter(tag -> !tag.contains("<none>")).sorted().toList();
    }
}
