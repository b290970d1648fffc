package dev.drpconsole.ui.jobs;

/** Where the selected job's log goes (the Jobs page's log view). */
public interface JobLogSink {

    /** A new piece of the log, which may start or end inside a line. Called on a background thread. */
    void append(String text);

    /** The job has ended and its log was read to the end: show an unfinished last line. Background thread. */
    void finish();

    /** Another job was selected: start afresh. Called on the FX thread. */
    void clear();
}
