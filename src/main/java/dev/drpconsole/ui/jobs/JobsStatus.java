package dev.drpconsole.ui.jobs;

/** Where the Jobs view stands with the endpoint. */
public enum JobsStatus {
    /** No endpoint is signed in. */
    NOT_CONNECTED,
    /** Listing the jobs for the first time. */
    LOADING,
    /** Listed; events keep the list current. */
    READY
}
