package dev.drpconsole.ui.setup;

/** How a step stands, shown as a mark in the step list. */
public enum StepState {
    PENDING("·"), RUNNING("…"), DONE("✓"), FAILED("✗");

    private final String mark;

    StepState(String mark) {
        this.mark = mark;
    }

    public String mark() {
        return mark;
    }
}
