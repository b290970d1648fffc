package dev.drpconsole.ui.jobs;

import dev.drpconsole.ui.common.Icon;
import javafx.scene.control.TableCell;

/** A job's state as an icon and its word; colours come from CSS ({@code .job-state-<state>}). */
final class JobStateCell<S> extends TableCell<S, String> {
    private static final String PREFIX = "job-state-";

    JobStateCell() {
        getStyleClass().add("job-state");
    }

    static Icon icon(String state) {
        return switch (state) {
            case "running" -> Icon.PROGRESS_CLOCK;
            case "finished" -> Icon.CHECK_CIRCLE;
            case "failed" -> Icon.CLOSE_CIRCLE;
            case "incomplete" -> Icon.ALERT_CIRCLE_OUTLINE;
            default -> Icon.CLOCK_OUTLINE;
        };
    }

    @Override
    protected void updateItem(String state, boolean empty) {
        super.updateItem(state, empty);
        getStyleClass().removeIf(style -> style.startsWith(PREFIX));
        if (empty || state == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        getStyleClass().add(PREFIX + state);
        setText(state);
        setGraphic(icon(state).node(15));
    }
}
