package dev.drpconsole.core.setup;

import java.util.List;
import java.util.Optional;

/**
 * The runner image's Dockerfile, like the DRP guide's: the base image, the extra packages the tasks need, the
 * drpcli binary copied in, and drpcli's job agent as the entry point (the docker-context plugin starts the
 * container with RS_ENDPOINTS, RS_TOKEN and RS_UUID set, and the agent runs that machine's jobs).
 */
public final class RunnerDockerfile {
    /** The name the drpcli binary gets in the build directory (the Dockerfile's COPY source). */
    public static final String DRPCLI_FILE = "drpcli";

    private RunnerDockerfile() {
    }

    /**
     * @param packageManager how the base installs packages; empty (unknown) leaves the install line out
     */
    public static String generate(String baseImage, Optional<PackageManager> packageManager, List<String> packages) {
        StringBuilder text = new StringBuilder("FROM ").append(baseImage).append('\n');
        if (!packages.isEmpty() && packageManager.isPresent()) {
            text.append("RUN ").append(packageManager.get().installCommand(packages)).append('\n');
        }
        return text.append("COPY ").append(DRPCLI_FILE).append(" /usr/bin/drpcli\n")
                .append("RUN chmod 755 /usr/bin/drpcli\n")
                .append("ENTRYPOINT /usr/bin/drpcli machines processjobs\n")
                .toString();
    }
}
