package dev.drpconsole.core.drp;

/** Gets a job's log as {@link JobLogFollower} reads it, on a background thread. */
public interface JobLogListener {

    /** A new piece of the log, which may start or end inside a line. */
    void append(String text);

    /** The job has ended and its log was read to the end (an unfinished last line is complete now). */
    void finish();
}
