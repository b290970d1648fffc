package dev.drpconsole.testsupport;

import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.ContainerQuery;
import dev.drpconsole.core.engine.ContainerSummary;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.ImageSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Removes what this test run made on an engine, found by its label only: never a prune, never anything else. */
public final class TestCleanup {
    private TestCleanup() {
    }

    /** Removes the containers, then the images, that carry this run's label. */
    public static void removeEverythingOfThisRun(ContainerEngine engine) {
        Map<String, String> ours = TestLabels.forThisRun();
        for (ContainerSummary container : engine.containers().list(new ContainerQuery(true, ours))) {
            try {
                engine.containers().remove(container.id(), true);
            } catch (EngineException goneOrGoing) {
                // Something under test (the sandbox) was removing it at the same moment.
            }
        }
        removeImages(engine, ours);
    }

    /**
     * Build steps leave labelled intermediate images, and a parent cannot go before its children: remove newest
     * first, and repeat for what a child still held.
     */
    private static void removeImages(ContainerEngine engine, Map<String, String> labels) {
        for (int pass = 0; pass < 5; pass++) {
            List<ImageSummary> left = new ArrayList<>(engine.images().list(labels, true));
            if (left.isEmpty()) {
                return;
            }
            left.sort(Comparator.comparing(ImageSummary::created).reversed());
            for (ImageSummary image : left) {
                try {
                    engine.images().remove(image.id(), true);
                } catch (EngineException goneOrStillAParent) {
                    // Gone with a child already, or still someone's parent: the next pass sees.
                }
            }
        }
    }
}
