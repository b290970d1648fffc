package dev.drpconsole.ui.containers;

/** Where the Containers view stands with the container engine. */
public enum EngineStatus {
    /** Finding the engine and listing its containers for the first time. */
    CONNECTING,
    /** Listed; engine events keep the list current. */
    READY,
    /** No engine answers; the reason and a fix are in the view model. */
    UNREACHABLE
}
