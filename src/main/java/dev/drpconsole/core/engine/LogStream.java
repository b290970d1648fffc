package dev.drpconsole.core.engine;

/** Which output of the container a log line came from. Containers with a TTY only have {@link #STDOUT}. */
public enum LogStream {
    STDOUT,
    STDERR
}
