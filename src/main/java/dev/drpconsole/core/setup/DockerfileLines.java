package dev.drpconsole.core.setup;

import java.util.List;

/** Maps the engine's "step N" back to the Dockerfile line the user wrote, so a build error can point at it. */
public final class DockerfileLines {
    private DockerfileLines() {
    }

    /** How many instructions the Dockerfile has (the steps of its build), skipping blanks, comments, continuations. */
    public static int instructions(String dockerfile) {
        int count = 0;
        while (lineOfStep(dockerfile, count + 1) > 0) {
            count++;
        }
        return count;
    }

    /**
     * The 1-based line on which instruction {@code step} (1-based) starts, skipping blank lines, comments and
     * continuation lines; 0 when the Dockerfile has fewer instructions.
     */
    public static int lineOfStep(String dockerfile, int step) {
        List<String> lines = dockerfile.lines().toList();
        int instruction = 0;
        boolean continued = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            boolean startsInstruction = !continued && !line.isEmpty() && !line.startsWith("#");
            continued = line.endsWith("\\") || (continued && line.startsWith("#"));
            if (startsInstruction && ++instruction == step) {
                return i + 1;
            }
        }
        return 0;
    }
}
