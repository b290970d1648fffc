package dev.drpconsole.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code drp-context-console sandbox [--port N] [--data DIR] [--password P] [--no-runners]}.
 *
 * @param port      default 8092, as a real endpoint
 * @param dataDir   default {@link SandboxDataDir#defaultDir()}
 * @param password  default: generated on first start and kept in the data dir
 * @param runners   whether to run docker-context runner containers (default yes)
 */
public record SandboxArguments(int port, Path dataDir, Optional<String> password, boolean runners) {

    public static final String USAGE = "usage: drp-context-console sandbox [--port N] [--data DIR] [--password P]"
            + " [--no-runners]";

    @Override
    public String toString() {
        return "SandboxArguments[port=" + port + ", dataDir=" + dataDir + ", password=" + (password.isPresent()
                ? "(given)" : "(kept)") + ", runners=" + runners + "]";
    }

    /**
     * @throws IllegalArgumentException with a message for the user when the arguments are wrong
     */
    public static SandboxArguments parse(List<String> arguments, Path defaultDataDir) {
        int port = SandboxConfig.DRP_PORT;
        Path dataDir = defaultDataDir;
        Optional<String> password = Optional.empty();
        boolean runners = true;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "--port" -> port = port(valueAfter(arguments, i++));
                case "--data" -> dataDir = Path.of(valueAfter(arguments, i++));
                case "--password" -> password = Optional.of(nonEmpty(valueAfter(arguments, i++), "--password"));
                case "--no-runners" -> runners = false;
                default -> throw new IllegalArgumentException("Unknown argument " + argument);
            }
        }
        return new SandboxArguments(port, dataDir, password, runners);
    }

    public SandboxConfig toConfig() {
        SandboxConfig config = SandboxConfig.inDataDir(dataDir).withPort(port).withRunnerEngine(runners);
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

    private static String nonEmpty(String value, String option) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(option + " must not be empty");
        }
        return value;
    }
}
