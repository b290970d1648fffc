package dev.drpconsole.ui.jobs;

import dev.drpconsole.core.drp.JobLogListener;

/** Where the selected job's log goes (the Jobs page's log view): what the follower reads, and a fresh start. */
public interface JobLogSink extends JobLogListener {

    /** Another job was selected: start afresh. Called on the FX thread. */
    void clear();
}
