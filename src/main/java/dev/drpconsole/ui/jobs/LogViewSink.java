package dev.drpconsole.ui.jobs;

import dev.drpconsole.ui.logview.LogView;

/** Hands a job's log to a {@link LogView}: byte-range chunks go to its mid-line-safe, thread-safe text input. */
final class LogViewSink implements JobLogSink {
    private final LogView log;

    LogViewSink(LogView log) {
        this.log = log;
    }

    @Override
    public void append(String text) {
        log.appendText(text);
    }

    @Override
    public void finish() {
        log.finishText();
    }

    @Override
    public void clear() {
        log.clear();
    }
}
