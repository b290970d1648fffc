package dev.drpconsole.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The loading state of a list page: its spinner turns while the page waits for its first list, and stops once the
 * rows (or any other state) are shown, so that a page which has loaded costs no drawing.
 */
@Tag("display")
class LivePageLayoutTest extends FxRobot {
    private final SimpleObjectProperty<PageState> state = new SimpleObjectProperty<>(PageState.LOADING);

    @BeforeEach
    void show() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            LivePageLayout page = new LivePageLayout(new Label("toolbar"), new PageProblemBanner(new SimpleStringProperty(""), () -> { }),
                    new Label("rows"), new Label("not connected"), new Label("nothing yet"),
                    "Loading runner machines…", state);
            stage.setScene(new Scene(page, 400, 300));
            stage.show();
        });
    }

    @Test
    void theSpinnerTurnsWhileLoadingAndStopsOnceTheRowsAreShown() throws Exception {
        LoadingSpinner spinner = lookup(".loading-spinner").queryAs(LoadingSpinner.class);
        double first = rotation(spinner);
        sleep(300);
        double later = rotation(spinner);
        assertTrue(spinner.isTurning(), "turning while loading");
        assertFalse(first == later, "it moved in 300 ms");
        assertEquals("Loading runner machines…", lookup(".live-page-loading .label").queryAs(Label.class).getText());

        interact(() -> state.set(PageState.READY));

        assertFalse(spinner.isTurning(), "stopped once the rows are shown");
        assertTrue(lookup(".loading-spinner").queryAll().isEmpty(), "and gone from the page");

        interact(() -> state.set(PageState.LOADING)); // e.g. the endpoint changed: loading again
        assertTrue(spinner.isTurning(), "turning again");
    }

    private static double rotation(LoadingSpinner spinner) throws Exception {
        Callable<Double> read = () -> spinner.getChildrenUnmodifiable().get(0).getRotate();
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
