package dev.drpconsole.ui;

import dev.drpconsole.ui.common.SectionPage;
import dev.drpconsole.ui.theme.Theme;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Shows one section page in a window styled like the app's, and waits for what a user would see. */
public final class PageTestSupport {
    private PageTestSupport() {
    }

    /** Builds the page on the FX thread, shows it, and tells it it is shown. */
    public static <P extends SectionPage> P show(Supplier<P> build) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        AtomicReference<P> built = new AtomicReference<>();
        FxToolkit.setupStage(stage -> {
            Theme.LIGHT.apply();
            P page = build.get();
            built.set(page);
            Scene scene = new Scene((javafx.scene.Parent) page.node(), 1180, 700);
            scene.getStylesheets().add(Theme.CONSOLE_CSS);
            stage.setScene(scene);
            stage.show();
            page.shown();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return built.get();
    }

    /** Waits until {@code condition} holds (checked on the FX thread), failing with {@code what}. */
    public static void waitUntil(String what, int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("Not within " + seconds + " s: " + what, e);
        }
    }

    /**
     * Asserts that a message label shows its whole text, as a user reads it: the text drawn is not cut with an
     * ellipsis, and the label is given the height all its wrapped lines need.
     */
    public static void assertShownWhole(javafx.scene.control.Label label) {
        WaitForAsyncUtils.waitForFxEvents();
        String[] seen = new String[3];
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            javafx.scene.text.Text drawn = (javafx.scene.text.Text) label.lookup(".text");
            seen[0] = drawn == null ? "" : drawn.getText();
            seen[1] = Double.toString(label.getHeight());
            seen[2] = Double.toString(label.prefHeight(label.getWidth()));
        });
        org.junit.jupiter.api.Assertions.assertEquals(label.getText(), seen[0], "the text drawn is the whole message");
        org.junit.jupiter.api.Assertions.assertTrue(Double.parseDouble(seen[1]) >= Double.parseDouble(seen[2]) - 0.5,
                "tall enough for all its lines: " + seen[1] + " < " + seen[2]);
    }

    /** The node and everything around it visible: what a user sees (hidden content may stay in the scene). */
    public static boolean isShown(javafx.scene.Node node) {
        for (javafx.scene.Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /** The text a column shows for the row whose first column reads {@code firstColumn}, or null. */
    public static String cell(TableView<?> table, String firstColumn, String columnId) {
        for (Object row : table.getItems()) {
            if (firstColumn.equals(text(table, row, 0))) {
                int index = table.getColumns().indexOf(table.getColumns().stream()
                        .filter(column -> columnId.equals(column.getId())).findFirst().orElseThrow());
                return text(table, row, index);
            }
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String text(TableView table, Object row, int column) {
        Object value = ((javafx.scene.control.TableColumn) table.getColumns().get(column)).getCellData(row);
        return value == null ? "" : value.toString();
    }
}
