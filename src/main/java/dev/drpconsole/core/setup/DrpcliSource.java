package dev.drpconsole.core.setup;

import dev.drpconsole.core.drp.DrpApiException;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the drpcli binary for the runner image comes from: the user's PATH, a file the user picks, or the copy
 * the endpoint serves. DRP puts its own Linux builds at the top of its files ({@code files/drpcli.amd64.linux},
 * {@code files/drpcli.arm64.linux}; the server extracts them there at start), which is the drpcli that matches
 * the endpoint's version. The image needs the Linux build for the engine's architecture whatever this machine is.
 */
public final class DrpcliSource {
    /** The name the downloaded copy gets in the wizard's work directory. */
    public static final String DOWNLOADED_NAME = "drpcli.downloaded";

    private DrpcliSource() {
    }

    /** A drpcli on {@code path} (a PATH value) that is a Linux binary for {@code arch}. */
    public static Optional<Path> onPath(String path, String arch) {
        return Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "drpcli")).filter(file -> LinuxBinary.problem(file, arch).isEmpty())
                .findFirst();
    }

    /** A drpcli on this process's PATH that is a Linux binary for {@code arch}. */
    public static Optional<Path> onPath(String arch) {
        return onPath(System.getenv().getOrDefault("PATH", ""), arch);
    }

    /** What is wrong with a chosen file as the image's drpcli, in plain words; empty when it will do. */
    public static Optional<String> problem(Path file, String arch) {
        return LinuxBinary.problem(file, arch);
    }

    /** The name of the endpoint's copy for an architecture, e.g. "drpcli.amd64.linux". */
    public static String endpointFile(String arch) {
        return "drpcli." + arch + ".linux";
    }

    /** Whether the endpoint serves a Linux drpcli for {@code arch}; an endpoint that cannot be asked does not. */
    public static boolean offered(DrpClient client, String arch) {
        try {
            return client.listFiles("/").contains(endpointFile(arch));
        } catch (DrpException e) {
            return false;
        }
    }

    /**
     * Downloads the endpoint's drpcli for {@code arch} into {@code workDir}, makes it executable and checks it.
     *
     * @return the downloaded binary
     * @throws SetupProblem the endpoint has none, the download failed, or what came is no Linux binary
     */
    public static Path download(DrpClient client, String arch, Path workDir, StepProgress progress)
            throws InterruptedException {
        String name = endpointFile(arch);
        Path target = workDir.resolve(DOWNLOADED_NAME);
        Cancellation.cancellable(() -> {
            progress.status("Downloading files/" + name);
            try {
                Files.createDirectories(workDir);
                client.downloadFile(name, target, (done, total) -> {
                    if (total > 0) {
                        progress.fraction(done / (double) total);
                    }
                });
                target.toFile().setExecutable(true, false);
            } catch (DrpApiException e) {
                throw new SetupProblem(e.code() == 404 ? "The endpoint does not serve files/" + name + "."
                        : "The endpoint refused files/" + name + ": " + e.getMessage(), "Choose a Linux drpcli "
                        + "for " + arch + " instead (the drpcli releases on GitHub have one).", e);
            } catch (DrpException e) {
                throw new SetupProblem("The download of files/" + name + " failed: " + e.getMessage(),
                        "Check the endpoint is reachable, then download again.", e);
            } catch (IOException e) {
                throw new SetupProblem("Cannot write " + target + ": " + e.getMessage(),
                        "Check the disk has room, then download again.", e);
            }
        });
        Optional<String> problem = LinuxBinary.problem(target, arch);
        if (problem.isPresent()) {
            throw new SetupProblem("The endpoint's files/" + name + " will not do: " + problem.get(),
                    "Choose a Linux drpcli for " + arch + " instead.");
        }
        progress.output("Downloaded the endpoint's drpcli to " + target + ".");
        return target;
    }
}
