package dev.drpconsole.core.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCertificatePinsTest {
    @TempDir
    Path settingsDir;

    @Test
    void pinsArePerHostAndPortAndSurviveARestart() throws Exception {
        FileCertificatePins pins = FileCertificatePins.load(settingsDir);
        pins.pin("drp.lab:8092", "AB:CD");
        pins.pin("drp.lab:18092", "EF:01");
        pins.pin("drp.lab:8092", "AB:CE");

        FileCertificatePins reread = FileCertificatePins.load(settingsDir);
        assertEquals(Optional.of("AB:CE"), reread.pinned("drp.lab:8092"));
        assertEquals(Optional.of("EF:01"), reread.pinned("drp.lab:18092"));
        assertEquals(Optional.empty(), reread.pinned("other:8092"));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(settingsDir.resolve(FileCertificatePins.FILE_NAME))));
    }
}
