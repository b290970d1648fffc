package dev.drpconsole.core.setup;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a base image installs packages, found from its {@code /etc/os-release}. */
public enum PackageManager {
    APK("apk add --no-cache %s"),
    APT("apt-get update && apt-get install -y --no-install-recommends %s && rm -rf /var/lib/apt/lists/*"),
    DNF("dnf install -y %s && dnf clean all");

    private final String installTemplate;

    PackageManager(String installTemplate) {
        this.installTemplate = installTemplate;
    }

    /** The shell command installing {@code packages}. */
    public String installCommand(List<String> packages) {
        return String.format(installTemplate, String.join(" ", packages));
    }

    /**
     * The package manager of the distribution an os-release file describes, by its {@code ID} and
     * {@code ID_LIKE} (e.g. ubuntu is "like debian", rocky "like rhel fedora"); empty when unknown.
     */
    public static Optional<PackageManager> fromOsRelease(String osRelease) {
        StringBuilder ids = new StringBuilder();
        for (String line : osRelease.lines().toList()) {
            if (line.startsWith("ID=") || line.startsWith("ID_LIKE=")) {
                ids.append(' ').append(line.substring(line.indexOf('=') + 1).replace("\"", ""));
            }
        }
        List<String> words = List.of(ids.toString().toLowerCase(Locale.ROOT).trim().split("\\s+"));
        if (words.contains("alpine")) {
            return Optional.of(APK);
        }
        if (words.contains("debian") || words.contains("ubuntu")) {
            return Optional.of(APT);
        }
        if (words.stream().anyMatch(List.of("fedora", "rhel", "centos", "rocky", "almalinux")::contains)) {
            return Optional.of(DNF);
        }
        return Optional.empty();
    }
}
