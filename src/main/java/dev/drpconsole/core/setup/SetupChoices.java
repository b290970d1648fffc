package dev.drpconsole.core.setup;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the user chose in the wizard's forms.
 *
 * @param drpcli             the drpcli binary copied into the image
 * @param baseImage          a local image of the engine
 * @param packages           extra packages installed in the image
 * @param dockerfile         the Dockerfile as shown and maybe edited
 * @param imageTag           the runner image's tag, also the context's Image
 * @param contextName        the context to create or reuse
 * @param contextDescription its description
 * @param replaceContext     replace an existing context of that name whose settings differ (the user said so)
 * @param runnerName         the runner machine's name
 * @param testMachineName    the test job's machine's name
 * @param keepOnEngine       the user says the engine is the endpoint's own: the image stays there, nothing is
 *                           uploaded (without it, the upload is skipped only for a local endpoint on this engine)
 */
public record SetupChoices(Path drpcli, String baseImage, List<String> packages, String dockerfile, String imageTag,
                           String contextName, String contextDescription, boolean replaceContext, String runnerName,
                           String testMachineName, boolean keepOnEngine) {
    /** The wizard's and headless setup's defaults, as the DRP guide names things. */
    public static final String DEFAULT_PACKAGES = "bash jq";
    public static final String DEFAULT_TAG = "drp-context/runner:latest";
    public static final String DEFAULT_CONTEXT = "runner";
    public static final String DEFAULT_DESCRIPTION = "Runner context made by the setup wizard";
    public static final String DEFAULT_RUNNER = "context-runner";
    public static final String DEFAULT_TEST_MACHINE = "context-test";

    public SetupChoices {
        packages = List.copyOf(packages);
        Objects.requireNonNull(imageTag, "imageTag");
    }

    /** Choices that publish the image as the endpoint needs it. */
    public SetupChoices(Path drpcli, String baseImage, List<String> packages, String dockerfile, String imageTag,
                        String contextName, String contextDescription, boolean replaceContext, String runnerName,
                        String testMachineName) {
        this(drpcli, baseImage, packages, dockerfile, imageTag, contextName, contextDescription, replaceContext,
                runnerName, testMachineName, false);
    }
}
