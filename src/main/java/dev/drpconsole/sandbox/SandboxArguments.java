package dev.drpconsole.sandbox;

import dev.drpconsole.core.engine.EngineChoice;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code drp-context-console sandbox [--port N] [--data DIR] [--password P]
 * [--engine ENGINE | --no-runners] [--contexts v4.7|v4.8|none]}.
 *
 * @param port          default 8092, as a real endpoint
 * @param dataDir       default {@link SandboxDataDir#defaultDir()}
 * @param password      default: generated on first start and kept in the data dir
 * @param runnerEngine  where docker-context runner containers run (default: as the real plugin chooses, Podman
 *                      when a Podman socket answers, else the docker CLI's engine)
 * @param contexts      which real endpoint's contexts feature to behave like (default: the v4.7 plugin)
 */
public record SandboxArguments(int port, Path dataDir, Optional<String> password, RunnerEngine runnerEngine,
                               ContextsFeature contexts) {

    public static final String USAGE = """
            usage: drp-context-console sandbox [--port N] [--data DIR] [--password P] [--engine ENGINE | --no-runners]
                                                [--contexts v4.7|v4.8|none]
              --engine ENGINE  where docker-context runners run: unix:///path/to/engine.sock, tcp://host:port,
                               local (the engine the docker CLI uses) or context:NAME (a docker CLI context);
                               default: Podman when a Podman socket answers (as the real plugin), else local
              --no-runners     serve the API only, never touching a container engine
              --contexts KIND  behave like that endpoint: v4.7 (plugin loads files/contexts/docker-context/),
                               v4.8 (plugin keeps images in files/docker-contexts/, Meta.Imagepull and
                               Meta.Checksum), none (older than 4.2: no contexts route, /info says v3.13.6)""";

    @Override
    public String toString() {
        return "SandboxArguments[port=" + port + ", dataDir=" + dataDir + ", password=" + (password.isPresent()
                ? "(given)" : "(kept)") + ", runnerEngine=" + runnerEngine.describe() + ", contexts="
                + contexts.option() + "]";
    }

    /**
     * @throws IllegalArgumentException with a message for the user when the arguments are wrong
     */
    public static SandboxArguments parse(List<String> arguments, Path defaultDataDir) {
        int port = SandboxConfig.DRP_PORT;
        Path dataDir = defaultDataDir;
        Optional<String> password = Optional.empty();
        Optional<RunnerEngine> engine = Optional.empty();
        boolean noRunners = false;
        ContextsFeature contexts = ContextsFeature.PLUGIN_V4_7;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "--port" -> port = port(valueAfter(arguments, i++));
                case "--data" -> dataDir = Path.of(valueAfter(arguments, i++));
                case "--password" -> password = Optional.of(nonEmpty(valueAfter(arguments, i++), "--password"));
                case "--engine" -> engine = Optional.of(engine(valueAfter(arguments, i++)));
                case "--no-runners" -> noRunners = true;
                case "--contexts" -> contexts = ContextsFeature.ofOption(valueAfter(arguments, i++));
                default -> throw new IllegalArgumentException("Unknown argument " + argument);
            }
        }
        if (noRunners && engine.isPresent()) {
            throw new IllegalArgumentException("--engine and --no-runners contradict each other; give one of them");
        }
        return new SandboxArguments(port, dataDir, password,
                noRunners ? RunnerEngine.OFF : engine.orElse(RunnerEngine.PLUGIN_DEFAULT), contexts);
    }

    public SandboxConfig toConfig() {
        SandboxConfig config = SandboxConfig.inDataDir(dataDir).withPort(port).withRunnerEngine(runnerEngine)
                .withContexts(contexts);
        return password.map(config::withPassword).orElse(config);
    }

    private static String valueAfter(List<String> arguments, int index) {
        if (index + 1 >= arguments.size()) {
            throw new IllegalArgumentException(arguments.get(index) + " needs a value");
        }
        return arguments.get(index + 1);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port needs a number from 0 to 65535, got " + text);
    }

    /** An engine as {@link EngineChoice#parse} reads it; {@code none} is the same as --no-runners. */
    private static RunnerEngine engine(String text) {
        nonEmpty(text.strip(), "--engine");
        try {
            return RunnerEngine.of(EngineChoice.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--engine: " + e.getMessage(), e);
        }
    }

    private static String nonEmpty(String value, String option) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(option + " must not be empty");
        }
        return value;
    }
}
