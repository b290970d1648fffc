package dev.drpconsole.ui.common;

/** What a list page can show: the empty states, a spinner while the first list loads, or its table. */
public enum PageState {
    /** No DRP endpoint is signed in. */
    NOT_CONNECTED,
    /** Waiting for the first list. */
    LOADING,
    /** Listed, and there is nothing yet. */
    EMPTY,
    /** Rows to show. */
    READY
}
