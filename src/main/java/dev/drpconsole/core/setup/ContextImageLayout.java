package dev.drpconsole.core.setup;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.drp.PluginProvider;
import java.util.List;
import java.util.Optional;

/**
 * Where the endpoint's docker-context plugin looks for context images in the files API, and why the console thinks
 * so: the one decision behind the Contexts page's image status and the wizard's publish step.
 *
 * <ul>
 * <li>A v4.7-era plugin loads {@code files/contexts/docker-context/<Image>} (DRP v4.7.0 doc/arch/provision.rst
 * "Plugins that provide Engines"; RackN's 2021 runner scripts; doc/operations/contexts.rst says the plural
 * {@code docker-contexts}, a slip: drp-api-facts §3.12).</li>
 * <li>The v4.8+ plugin keeps images under {@code files/docker-contexts/<Image>}, names them {@code <name>_vX.Y.Z},
 * downloads a missing one from the context's {@code Meta.Imagepull} URL and checks it against
 * {@code Meta.Checksum} (sha256), removing a tar that does not match (docs.rackn.io/stable/operators/machine/contexts/
 * "Changes"; docs.rackn.io/dev/resources/objects/tasks/bootstrap-contexts).</li>
 * </ul>
 * Both answer {@code drpcli plugins runaction docker-context imageExists context/image-name <Image>} (v4.2+
 * doc/arch/provision.rst), so that action cannot tell them apart; the plugin provider's {@code Version} does.
 *
 * @param directory where image tars go, relative to the files API, ending in '/'
 * @param newer     whether it is the v4.8+ plugin (Meta.Imagepull and Meta.Checksum apply)
 * @param reason    why this layout was assumed, in words for the user
 */
public record ContextImageLayout(String directory, boolean newer, String reason) {
    /** The v4.7-era directory. */
    public static final String V4_7_DIRECTORY = "contexts/docker-context/";
    /** The v4.8+ directory. */
    public static final String V4_8_DIRECTORY = "docker-contexts/";
    /** Every directory the console may publish to (clean-up removes their emptied subdirectories). */
    public static final List<String> DIRECTORIES = List.of(V4_7_DIRECTORY, V4_8_DIRECTORY);
    /** The first plugin release with the newer layout. */
    static final String NEWER_SINCE = "4.8.0";

    /** Blocking: asks the endpoint for its docker-context plugin provider and decides from its version. */
    public static ContextImageLayout of(DrpClient client) {
        Optional<String> version;
        try {
            version = client.pluginProviders().stream()
                    .filter(provider -> DrpContext.DOCKER_CONTEXT.equals(provider.name()))
                    .map(PluginProvider::version).findFirst();
        } catch (DrpException e) {
            return v47("the endpoint's plugin providers could not be read (" + e.getMessage() + "), so the v4.7"
                    + " layout is assumed");
        }
        if (version.isEmpty()) {
            return v47("the endpoint has no docker-context plugin provider yet; the v4.7 layout is assumed");
        }
        if (DrpVersion.atLeast(version.get(), NEWER_SINCE)) {
            return new ContextImageLayout(V4_8_DIRECTORY, true, "the endpoint's docker-context plugin is "
                    + version.get() + " (4.8 or newer): it keeps images in files/" + V4_8_DIRECTORY);
        }
        return v47("the endpoint's docker-context plugin is " + version.get() + " (older than 4.8): it loads "
                + "images from files/" + V4_7_DIRECTORY);
    }

    private static ContextImageLayout v47(String reason) {
        return new ContextImageLayout(V4_7_DIRECTORY, false, reason);
    }

    /** The image's tar in the files API, e.g. "docker-contexts/ansible-runner_v1.2.0". */
    public String pathOf(String image) {
        return directory + image;
    }
}
