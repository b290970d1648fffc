package dev.drpconsole.core.setup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a file can run on a Linux machine of an architecture: a regular, executable ELF file built for it. A
 * drpcli or plugin binary for macOS or Windows, a script, or a download that is really an HTML error page would
 * otherwise only fail later, inside the container or on the endpoint, with a much vaguer message.
 */
final class LinuxBinary {
    /** ELF e_machine values by the architecture names Docker and DRP use. */
    private static final Map<String, Integer> MACHINES = Map.of("amd64", 0x3E, "arm64", 0xB7, "386", 0x03,
            "arm", 0x28, "ppc64le", 0x15, "s390x", 0x16, "riscv64", 0xF3);

    private LinuxBinary() {
    }

    /**
     * What is wrong with {@code file} as a Linux binary for {@code arch}, in plain words; empty when nothing is.
     *
     * @param arch "amd64", "arm64", …; null or unknown skips the architecture check
     */
    static Optional<String> problem(Path file, String arch) {
        if (file == null || !Files.exists(file)) {
            return Optional.of("There is no file " + file + ".");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of(file + " is not a regular file.");
        }
        if (!Files.isExecutable(file)) {
            return Optional.of(file + " is not executable (chmod +x " + file + ").");
        }
        byte[] header = new byte[20];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            return Optional.of(file + " cannot be read: " + e.getMessage());
        }
        if (read < header.length || header[0] != 0x7F || header[1] != 'E' || header[2] != 'L' || header[3] != 'F') {
            return Optional.of(file + " is not a Linux program (it may be the macOS or Windows build, or a script).");
        }
        Integer wanted = arch == null ? null : MACHINES.get(arch);
        boolean littleEndian = header[5] == 1;
        int machine = littleEndian ? (header[18] & 0xFF) | (header[19] & 0xFF) << 8
                : (header[18] & 0xFF) << 8 | (header[19] & 0xFF);
        if (wanted != null && machine != wanted) {
            return Optional.of(file + " is a Linux program for another processor than " + arch + ".");
        }
        return Optional.empty();
    }
}
