package dev.drpconsole.core.engine;

/**
 * The role has no engine on purpose: the user chose "none" (DRP API access only) for this endpoint's runner engine.
 * Views say that nothing is watched, with the way to set an engine, instead of reporting an engine that went away.
 */
public final class NoEngineException extends EngineUnavailableException {

    public NoEngineException() {
        super("Not watched (no engine for this endpoint)",
                "To watch its runner containers, choose the endpoint's runner engine (Connections → Edit → Runner"
                        + " engine), e.g. ssh://root@<the DRP host>", null);
    }
}
