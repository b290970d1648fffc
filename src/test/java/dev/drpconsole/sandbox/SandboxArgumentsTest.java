package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.engine.EngineChoice;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sandbox's command line: which engine its runners use ({@code --engine}, {@code --no-runners}) and the rest. */
class SandboxArgumentsTest {

    private static final Path DEFAULT_DIR = Path.of("/data/sandbox");

    private static SandboxArguments parse(String... arguments) {
        return SandboxArguments.parse(List.of(arguments), DEFAULT_DIR);
    }

    private static String problem(String... arguments) {
        return assertThrows(IllegalArgumentException.class, () -> parse(arguments)).getMessage();
    }

    @Test
    void withoutEngineArgumentsRunnersGoWhereTheRealPluginWouldPutThem() {
        SandboxArguments parsed = parse();
        assertEquals(RunnerEngine.PLUGIN_DEFAULT, parsed.runnerEngine());
        assertEquals(new SandboxArguments(SandboxConfig.DRP_PORT, DEFAULT_DIR, Optional.empty(),
                RunnerEngine.PLUGIN_DEFAULT, ContextsFeature.PLUGIN_V4_7), parsed);
        assertEquals(RunnerEngine.PLUGIN_DEFAULT, parsed.toConfig().runnerEngine());
    }

    @Test
    void contextsNamesTheEndpointWhoseContextsFeatureTheSandboxBehavesLike() {
        assertEquals(ContextsFeature.PLUGIN_V4_8, parse("--contexts", "v4.8").toConfig().contexts());
        assertEquals(ContextsFeature.NONE, parse("--contexts", "none").toConfig().contexts());
        assertThrows(IllegalArgumentException.class, () -> parse("--contexts", "v5"));
    }

    @Test
    void engineTakesEveryFormTheConsoleWritesAnEngineIn() {
        assertEquals(new RunnerEngine.Named(new EngineChoice.Socket(URI.create("unix:///run/podman/podman.sock"))),
                parse("--engine", "unix:///run/podman/podman.sock").runnerEngine());
        assertEquals(new RunnerEngine.Named(new EngineChoice.Tcp(URI.create("tcp://drp1:2375"), Optional.empty())),
                parse("--engine", "tcp://drp1:2375").runnerEngine());
        assertEquals(new RunnerEngine.Named(EngineChoice.LOCAL), parse("--engine", "local").runnerEngine());
        assertEquals(new RunnerEngine.Named(new EngineChoice.DockerContext("drp1")),
                parse("--engine", "context:drp1").runnerEngine());
        assertEquals(RunnerEngine.OFF, parse("--engine", "none").runnerEngine());
    }

    @Test
    void theChosenEngineReachesTheConfigWithTheOtherArguments() {
        SandboxConfig config = parse("--port", "0", "--data", "/elsewhere", "--password", "pw",
                "--engine", "unix:///run/drpconsole-podman.sock").toConfig();
        assertEquals(0, config.port());
        assertEquals(Path.of("/elsewhere"), config.dataDir());
        assertEquals(Optional.of("pw"), config.password());
        assertEquals(RunnerEngine.of(EngineChoice.parse("unix:///run/drpconsole-podman.sock")), config.runnerEngine());
    }

    @Test
    void noRunnersMeansNoEngine() {
        assertEquals(RunnerEngine.OFF, parse("--no-runners").runnerEngine());
        assertEquals(RunnerEngine.OFF, parse("--no-runners").toConfig().runnerEngine());
    }

    @Test
    void badEngineValuesSayWhatIsWrongAndWhatWouldDo() {
        String unknown = problem("--engine", "http://drp1:2375");
        assertTrue(unknown.startsWith("--engine: 'http://drp1:2375' is not an engine address"), unknown);
        assertTrue(unknown.contains("unix:///path/to/socket") && unknown.contains("tcp://host:port"), unknown);
        assertEquals("--engine: a TCP engine is written tcp://host:port, e.g. tcp://drp1:2376",
                problem("--engine", "tcp://drp1"));
        assertEquals("--engine: a docker context is written context:NAME, e.g. context:drp1",
                problem("--engine", "context:"));
        assertEquals("--engine must not be empty", problem("--engine", " "));
        assertEquals("--engine needs a value", problem("--engine"));
    }

    @Test
    void anEngineAndNoRunnersTogetherAreRefused() {
        assertEquals("--engine and --no-runners contradict each other; give one of them",
                problem("--engine", "local", "--no-runners"));
    }

    @Test
    void theUsageNamesTheEngineOption() {
        assertTrue(SandboxArguments.USAGE.contains("[--engine ENGINE | --no-runners]"), SandboxArguments.USAGE);
        assertTrue(SandboxArguments.USAGE.contains("default: Podman when a Podman socket answers"));
    }

    @Test
    void otherArgumentsStillFailAsBefore() {
        assertEquals("Unknown argument --engines", problem("--engines", "local"));
        assertEquals("--port needs a number from 0 to 65535, got http", problem("--port", "http"));
    }
}
