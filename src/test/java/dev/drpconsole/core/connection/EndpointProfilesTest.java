package dev.drpconsole.core.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.engine.EngineChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointProfilesTest {
    @TempDir
    Path settingsDir;

    @Test
    void profilesAndTheLastUsedOneSurviveARestart() {
        EndpointProfiles profiles = EndpointProfiles.load(settingsDir, Runnable::run);
        EndpointProfile lab = EndpointProfile.create("Lab", List.of("https://lab:8092", "https://lab-b:8092"),
                "alice", true, ProfileSource.USER);
        EndpointProfile prod = EndpointProfile.create("Prod", List.of("https://prod:8092"), "", false,
                ProfileSource.USER);
        profiles.save(lab);
        profiles.save(prod);
        profiles.markLastUsed(lab.id());

        EndpointProfiles reread = EndpointProfiles.load(settingsDir, Runnable::run);
        assertEquals(List.of(lab, prod), reread.all());
        assertEquals(lab, reread.lastUsed().orElseThrow());
        assertEquals("rocketskates", reread.byName("prod").orElseThrow().username(), "the default user");
    }

    @Test
    void eachEndpointKeepsItsRunnerEngineAndNoSecret() throws Exception {
        EndpointProfiles profiles = EndpointProfiles.load(settingsDir, Runnable::run);
        EngineChoice podman = ((EngineChoice.Ssh) EngineChoice.parse("ssh://root@drp1:2222/run/podman/podman.sock"))
                .withSshConfig(Path.of("/home/me/drp1.ssh_config"));
        EndpointProfile drp1 = EndpointProfile.create("drp1", List.of("https://drp1:8092"), "", false,
                ProfileSource.USER).withRunnerEngine(Optional.of(podman));
        EndpointProfile apiOnly = EndpointProfile.create("api", List.of("https://drp2:8092"), "", false,
                ProfileSource.USER).withRunnerEngine(Optional.of(EngineChoice.NONE));
        EndpointProfile unset = EndpointProfile.create("drp3", List.of("https://drp3:8092"), "", false,
                ProfileSource.USER);
        profiles.save(drp1);
        profiles.save(apiOnly);
        profiles.save(unset);

        EndpointProfiles reread = EndpointProfiles.load(settingsDir, Runnable::run);
        assertEquals(Optional.of(podman), reread.byName("drp1").orElseThrow().runnerEngine());
        assertEquals(Optional.of(EngineChoice.NONE), reread.byName("api").orElseThrow().runnerEngine());
        assertEquals(Optional.empty(), reread.byName("drp3").orElseThrow().runnerEngine());
        assertEquals(EngineChoice.NONE, RunnerEngines.effective(unset, Optional.empty()),
                "an endpoint on another machine is not watched on this machine's engine");
        assertEquals(EngineChoice.LOCAL, RunnerEngines.effective(EndpointProfile.create("here",
                List.of("https://127.0.0.1:8092"), "", false, ProfileSource.USER), Optional.empty()));
        String file = Files.readString(settingsDir.resolve("endpoints.json"));
        assertTrue(file.contains("\"sshConfig\" : \"/home/me/drp1.ssh_config\""), file);
    }

    @Test
    void renameKeepsTheIdAndRefusesADuplicateName() {
        EndpointProfiles profiles = EndpointProfiles.load(settingsDir, Runnable::run);
        EndpointProfile lab = EndpointProfile.create("Lab", List.of("https://lab:8092"), "", false,
                ProfileSource.USER);
        profiles.save(lab);
        profiles.save(EndpointProfile.create("Prod", List.of("https://prod:8092"), "", false, ProfileSource.USER));
        profiles.markLastUsed(lab.id());

        profiles.rename(lab.id(), "Lab 2");
        assertEquals("Lab 2", EndpointProfiles.load(settingsDir, Runnable::run).lastUsed().orElseThrow().name());
        assertThrows(IllegalArgumentException.class, () -> profiles.rename(lab.id(), "PROD"));
    }

    @Test
    void removingTheLastUsedProfileForgetsItAndListenersHear() {
        EndpointProfiles profiles = EndpointProfiles.load(settingsDir, Runnable::run);
        AtomicInteger changes = new AtomicInteger();
        profiles.addListener(changes::incrementAndGet);
        EndpointProfile lab = EndpointProfile.create("Lab", List.of("https://lab:8092"), "", false,
                ProfileSource.USER);
        profiles.save(lab);
        profiles.markLastUsed(lab.id());
        profiles.remove(lab.id());

        EndpointProfiles reread = EndpointProfiles.load(settingsDir, Runnable::run);
        assertTrue(reread.all().isEmpty());
        assertTrue(reread.lastUsed().isEmpty());
        assertEquals(3, changes.get());
    }

    @Test
    void aDamagedFileStartsEmpty() throws Exception {
        java.nio.file.Files.writeString(settingsDir.resolve(EndpointProfiles.FILE_NAME), "{not json");
        assertTrue(EndpointProfiles.load(settingsDir, Runnable::run).all().isEmpty());
    }
}
