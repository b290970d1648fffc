package dev.drpconsole.core.engine;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Dockerfile instruction being built, as announced in the build output.
 *
 * @param number      1-based step number
 * @param total       number of steps in the Dockerfile
 * @param instruction the instruction as the engine echoes it, e.g. "RUN apt-get update"
 */
public record BuildStep(int number, int total, String instruction) {

    /*
     * Docker's classic builder prints "Step 3/5 : RUN ..."; Podman (buildah) prints "STEP 3/5: RUN ...".
     * BuildKit prints neither, but docker-java builds through the classic builder.
     */
    private static final Pattern STEP_LINE = Pattern.compile("^\\s*step\\s+(\\d+)/(\\d+)\\s*:\\s*(.*?)\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** The step announced by one line of build output, if the line announces one. */
    public static Optional<BuildStep> parse(String outputLine) {
        Matcher matcher = STEP_LINE.matcher(outputLine);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new BuildStep(
                Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), matcher.group(3)));
    }

    /** Share of the build done when this step starts, from 0.0 to 1.0, for a progress bar. */
    public double progressAtStart() {
        return total == 0 ? 0.0 : (number - 1) / (double) total;
    }
}
