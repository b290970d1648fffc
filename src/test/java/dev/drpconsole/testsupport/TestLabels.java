package dev.drpconsole.testsupport;

import java.util.Map;
import java.util.UUID;

/**
 * The label every container and image a test creates carries, valued with this test run's id, so a test cleans
 * up exactly what its own run made and never touches anything else on the engine (no pruning).
 */
public final class TestLabels {

    public static final String KEY = "dev.drpconsole.test";

    private static final String RUN_ID = "run-" + UUID.randomUUID().toString().substring(0, 8);

    private TestLabels() {
    }

    /** This JVM's test run, e.g. "run-1a2b3c4d". */
    public static String runId() {
        return RUN_ID;
    }

    /** The labels to put on everything this run creates. */
    public static Map<String, String> forThisRun() {
        return Map.of(KEY, RUN_ID);
    }
}
