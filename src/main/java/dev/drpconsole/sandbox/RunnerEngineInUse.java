package dev.drpconsole.sandbox;

import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineChoice;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.EngineInfo;
import dev.drpconsole.core.engine.EngineOpener;
import dev.drpconsole.core.engine.EngineUnavailableException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine the sandbox's runners run on, open, and the {@link EngineChoice} the console opens to watch the same
 * engine from this machine. The console cannot ask for {@code local} or {@code context:NAME} itself: its own
 * lookup may find another engine (another user, another environment, a Podman the sandbox preferred), so those
 * are resolved to the socket or TCP address actually used. An address the user wrote reaches the same engine from
 * anywhere on this machine and is kept as written.
 */
record RunnerEngineInUse(ContainerEngine engine, EngineChoice choice) {

    private static final Logger LOG = LoggerFactory.getLogger(RunnerEngineInUse.class);

    /**
     * Opens the engine a configuration asks for, and says in one log line which engine and why.
     *
     * @return empty for {@link RunnerEngine.Off}, and when the plugin's default finds no usable engine (the sandbox
     *         then serves the API without runners, as it always did)
     * @throws SandboxStartException when a named engine cannot be used (no such docker context, unreadable TLS
     *                               certificates, an address kind the engine layer cannot open)
     */
    static Optional<RunnerEngineInUse> open(RunnerEngine wanted, PluginDefaultEngine pluginDefault)
            throws SandboxStartException {
        if (wanted instanceof RunnerEngine.Named named) {
            return Optional.of(named(named.choice()));
        }
        if (wanted instanceof RunnerEngine.PluginDefault) {
            return pluginDefault(pluginDefault);
        }
        return Optional.empty();
    }

    /** An engine the caller opened and keeps (tests, benchmarks). */
    static RunnerEngineInUse given(ContainerEngine engine) {
        RunnerEngineInUse inUse = new RunnerEngineInUse(engine, reachableAs(engine.endpoint(), EngineChoice.LOCAL));
        inUse.log("the engine the sandbox was started with");
        return inUse;
    }

    private static RunnerEngineInUse named(EngineChoice choice) throws SandboxStartException {
        ContainerEngine engine;
        try {
            engine = EngineOpener.open(choice);
        } catch (EngineUnavailableException e) {
            throw new SandboxStartException("Cannot use the runner engine " + choice.text() + ": " + e.getMessage(),
                    e);
        }
        boolean resolved = choice instanceof EngineChoice.Local || choice instanceof EngineChoice.DockerContext;
        RunnerEngineInUse inUse = new RunnerEngineInUse(engine,
                resolved ? reachableAs(engine.endpoint(), choice) : choice);
        inUse.log("as asked: --engine " + choice.text());
        return inUse;
    }

    private static Optional<RunnerEngineInUse> pluginDefault(PluginDefaultEngine pluginDefault) {
        PluginDefaultEngine.Decision decision;
        ContainerEngine engine;
        try {
            decision = pluginDefault.decide();
            engine = DockerEngine.open(decision.endpoint());
        } catch (EngineUnavailableException e) {
            LOG.warn("No container engine found, so docker-context runners cannot start: {}", e.getMessage());
            return Optional.empty();
        }
        RunnerEngineInUse inUse = new RunnerEngineInUse(engine, reachableAs(engine.endpoint(), EngineChoice.LOCAL));
        inUse.log(decision.why());
        return Optional.of(inUse);
    }

    /**
     * The choice that opens the engine at an endpoint; {@code otherwise} for an address kind no choice is written
     * as (a Windows named pipe, which only the docker CLI's own lookup finds again).
     */
    static EngineChoice reachableAs(EngineEndpoint endpoint, EngineChoice otherwise) {
        return switch (String.valueOf(endpoint.host().getScheme())) {
            case "unix" -> new EngineChoice.Socket(endpoint.host());
            case "tcp" -> new EngineChoice.Tcp(endpoint.host(), endpoint.tls());
            default -> otherwise;
        };
    }

    /** One line at start: which engine (product and version when it answers), where, and why this one. */
    private void log(String why) {
        try {
            EngineInfo info = engine.info();
            LOG.info("Runners run on {} {} at {} ({})", info.product().displayName(), info.version(),
                    engine.endpoint().host(), why);
        } catch (EngineException e) {
            LOG.warn("Runners run on the engine at {} ({}), which does not answer yet: {}; the sandbox keeps trying",
                    engine.endpoint().host(), why, e.getMessage());
        }
    }
}
