package dev.drpconsole.sandbox;

import java.util.List;

/**
 * Which real endpoint the sandbox's contexts feature behaves like (real-drp-differences D.17, E.20): the
 * docker-context plugin of the v4.7 era (the default), a v4.8+ plugin, or an endpoint older than 4.2 that has no
 * contexts at all.
 */
public enum ContextsFeature {
    /**
     * A v4.7-era docker-context plugin: an image the engine lacks is loaded from
     * {@code files/contexts/docker-context/<Image>} (DRP v4.7.0 doc/arch/provision.rst "Plugins that provide
     * Engines"; the plural {@code contexts/docker-contexts} of doc/operations/contexts.rst is accepted too).
     */
    PLUGIN_V4_7("v4.7", "v4.7.0-sandbox", List.of("contexts/docker-context/", "contexts/docker-contexts/")),
    /**
     * A v4.8+ docker-context plugin: images kept under {@code files/docker-contexts/<Image>}, named
     * {@code <name>_vX.Y.Z}; {@code Meta.Imagepull} (a URL) and {@code Meta.Checksum} (sha256 of the tar) on the
     * context drive download and verification (docs.rackn.io/stable/operators/machine/contexts/ "Changes";
     * docs.rackn.io/dev/resources/objects/tasks/bootstrap-contexts: a file whose checksum does not match is
     * removed).
     */
    PLUGIN_V4_8("v4.8", "v4.8.0-sandbox", List.of("docker-contexts/")),
    /**
     * An endpoint older than 4.2 (contexts came in 4.2: DRP v4.7.0 doc/operations/contexts.rst "System Setup"):
     * {@code /api/v3/contexts} is an unknown route, 404 "No route" [v3 run; v3 code frontend/frontend.go NoRoute],
     * and /info says v3.13.6 without the {@code contexts} feature.
     */
    NONE("none", "v3.13.6", List.of());

    private final String option;
    private final String version;
    private final List<String> imageDirectories;

    ContextsFeature(String option, String version, List<String> imageDirectories) {
        this.option = option;
        this.version = version;
        this.imageDirectories = imageDirectories;
    }

    /** The value of the {@code --contexts} command-line option. */
    public String option() {
        return option;
    }

    /** The version /info reports for NONE, and the docker-context provider's Version otherwise. */
    public String version() {
        return version;
    }

    /** Where the plugin looks for image tars in the files API, in order; empty without contexts. */
    public List<String> imageDirectories() {
        return imageDirectories;
    }

    public boolean served() {
        return this != NONE;
    }

    /** The feature named by a {@code --contexts} value. */
    public static ContextsFeature ofOption(String value) {
        for (ContextsFeature feature : values()) {
            if (feature.option.equals(value)) {
                return feature;
            }
        }
        throw new IllegalArgumentException("--contexts must be v4.7, v4.8 or none, got " + value);
    }
}
