package dev.drpconsole.core.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunnerDockerfileTest {

    @Test
    void theSeedsDockerfileOnAlpine() {
        assertEquals("FROM alpine:latest\n"
                + "RUN apk add --no-cache bash jq\n"
                + "COPY drpcli /usr/bin/drpcli\n"
                + "RUN chmod 755 /usr/bin/drpcli\n"
                + "ENTRYPOINT /usr/bin/drpcli machines processjobs\n",
                RunnerDockerfile.generate("alpine:latest", Optional.of(PackageManager.APK), List.of("bash", "jq")));
    }

    @Test
    void noPackagesNoInstallLine() {
        assertEquals("FROM drpconsole/base:bookworm\nCOPY drpcli /usr/bin/drpcli\n"
                        + "RUN chmod 755 /usr/bin/drpcli\nENTRYPOINT /usr/bin/drpcli machines processjobs\n",
                RunnerDockerfile.generate("drpconsole/base:bookworm", Optional.of(PackageManager.APT), List.of()));
    }

    @Test
    void thePackageManagerFollowsTheDistribution() {
        assertEquals(Optional.of(PackageManager.APK), PackageManager.fromOsRelease("NAME=\"Alpine Linux\"\nID=alpine\n"));
        assertEquals(Optional.of(PackageManager.APT), PackageManager.fromOsRelease("ID=debian\nVERSION_ID=\"12\"\n"));
        assertEquals(Optional.of(PackageManager.APT), PackageManager.fromOsRelease("ID=ubuntu\nID_LIKE=debian\n"));
        assertEquals(Optional.of(PackageManager.DNF),
                PackageManager.fromOsRelease("ID=\"rocky\"\nID_LIKE=\"rhel centos fedora\"\n"));
        assertEquals(Optional.empty(), PackageManager.fromOsRelease("ID=plan9\n"));
        assertEquals("apt-get update && apt-get install -y --no-install-recommends jq && rm -rf /var/lib/apt/lists/*",
                PackageManager.APT.installCommand(List.of("jq")));
    }

    @Test
    void aBuildStepMapsToTheLineTheUserWrote() {
        String dockerfile = "# runner\nFROM base\n\nRUN apt-get update \\\n  && apt-get install -y jq\nCOPY drpcli /x\n";
        assertEquals(2, DockerfileLines.lineOfStep(dockerfile, 1));
        assertEquals(4, DockerfileLines.lineOfStep(dockerfile, 2));
        assertEquals(6, DockerfileLines.lineOfStep(dockerfile, 3));
        assertEquals(0, DockerfileLines.lineOfStep(dockerfile, 4));
        assertEquals(3, DockerfileLines.instructions(dockerfile), "the build steps the status counts");
    }

    @Test
    void versionsCompareByNumbers() {
        assertEquals(true, DrpVersion.atLeast("v4.8.0-tip-27", "4.2.0"));
        assertEquals(true, DrpVersion.atLeast("v4.2.0", "4.2.0"));
        assertEquals(false, DrpVersion.atLeast("v4.1.9", "4.2.0"));
        assertEquals(false, DrpVersion.atLeast("unknown", "4.2.0"));
    }
}
