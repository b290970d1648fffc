package dev.drpconsole.ui.logview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.ui.theme.Theme;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The log view as a user meets it, headless: lines streaming in, following, find, colours, save, a million lines. */
@Tag("display")
class LogViewTest extends FxRobot {
    @TempDir
    java.nio.file.Path dir;

    private LogView view;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Theme.LIGHT.apply();
            view = new LogView();
            Scene scene = new Scene(view, 900, 500);
            scene.getStylesheets().add(Theme.CONSOLE_CSS);
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void linesFromABackgroundThreadAppearAndTheViewFollowsTheEnd() throws Exception {
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= 5000; i++) {
                view.append("line " + i);
            }
        });
        producer.start();
        producer.join();
        waitUntil(() -> view.lineCountProperty().get() == 5000);
        waitUntil(() -> visibleTexts().contains("line 5000"));
        assertTrue(lookup("#log-line-count").queryAs(Label.class).getText().equals("5,000 lines"));
        assertFalse(lookup("#log-new-lines").query().isVisible());
    }

    @Test
    void aFreshViewFillsItsScreenOverAFewFramesNeverStallingOneToMakeEveryRow() throws Exception {
        List<Integer> rowsPerFrame = new ArrayList<>();
        Runnable count = () -> rowsPerFrame.add(lookup("#log-lines").query().lookupAll(".log-cell").size());
        interact(() -> view.getScene().addPostLayoutPulseListener(count));

        appendNumbered(1, 2000);
        waitUntil(() -> visibleTexts().contains("line 2000"));
        waitUntil(() -> visibleCells().size() >= 22); // 500 px of 20 px lines

        interact(() -> view.getScene().removePostLayoutPulseListener(count));
        List<Integer> made = new ArrayList<>();
        for (int i = 1; i < rowsPerFrame.size(); i++) {
            made.add(rowsPerFrame.get(i) - rowsPerFrame.get(i - 1));
        }
        assertTrue(made.stream().allMatch(rows -> rows <= 6), "at most 6 rows made per frame: " + made);
        List<String> texts = visibleTexts();
        assertEquals("line 2000", texts.get(texts.size() - 1), "following: the last line at the bottom");
        assertTrue(view.followingProperty().get(), "still following");
    }

    @Test
    void scrollingUpShowsNewLinesAndClickingItReturnsToTheEnd() throws Exception {
        appendNumbered(1, 500);
        waitUntil(() -> visibleTexts().contains("line 500"));

        clickOn("#log-lines");
        type(KeyCode.PAGE_UP, 3);
        waitUntil(() -> !view.followingProperty().get());
        appendNumbered(501, 542);
        waitUntil(() -> lookup("#log-new-lines").query().isVisible());
        waitUntil(() -> "42 new lines ↓".equals(buttonText("#log-new-lines")));
        assertFalse(visibleTexts().contains("line 542"), "the view held still");

        clickOn("#log-new-lines");
        waitUntil(() -> visibleTexts().contains("line 542"));
        assertTrue(view.followingProperty().get());
        assertFalse(lookup("#log-new-lines").query().isVisible());
    }

    @Test
    void pauseHoldsTheViewStillAtTheBottom() throws Exception {
        appendNumbered(1, 100);
        waitUntil(() -> visibleTexts().contains("line 100"));
        clickOn("#log-pause");
        appendNumbered(101, 200);
        waitUntil(() -> "100 new lines ↓".equals(buttonText("#log-new-lines")));
        assertFalse(visibleTexts().contains("line 200"));
        clickOn("#log-pause");
        waitUntil(() -> visibleTexts().contains("line 200"));
    }

    @Test
    void findHighlightsMatchesAndEnterMovesBetweenThem() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            lines.add(i % 100 == 0 ? "ERROR number " + i : "fine " + i);
        }
        view.appendAll(lines);
        waitUntil(() -> view.lineCountProperty().get() == 300);

        clickOn("#log-lines");
        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        write("error");
        waitUntil(() -> countText().endsWith("of 3"));
        String first = countText();
        type(KeyCode.ENTER);
        waitUntil(() -> !countText().equals(first));
        int afterEnter = Integer.parseInt(countText().split(" ")[0]);
        press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        waitUntil(() -> countText().equals(first));
        assertEquals(Integer.parseInt(first.split(" ")[0]) % 3 + 1, afterEnter);

        type(KeyCode.ENTER);
        waitUntil(() -> countText().equals("1 of 3") || visibleTexts().contains("ERROR number 100"));
        while (!countText().equals("1 of 3")) {
            type(KeyCode.ENTER);
        }
        waitUntil(() -> visibleTexts().contains("ERROR number 100"));
        assertTrue(highlightCount() >= 1, "the match is highlighted");

        type(KeyCode.ESCAPE);
        waitUntil(() -> !lookup("#log-find-bar").query().isVisible());
        waitUntil(() -> highlightCount() == 0);
    }

    @Test
    void colourToggleStripsAnsiColours() throws Exception {
        view.append("\u001b[31mred\u001b[0m plain \u001b[2Kok");
        waitUntil(() -> visibleTexts().contains("red plain ok"));
        assertTrue(styleClassesOfTexts().contains("ansi-1"), "red is drawn in the theme's red");

        clickOn("#log-ansi-toggle");
        waitUntil(() -> !styleClassesOfTexts().contains("ansi-1"));
        assertTrue(visibleTexts().contains("red plain ok"), "same text, no escape codes");
    }

    @Test
    void saveWritesTheExactLines() throws Exception {
        view.appendText("one\ntwo \u001b[32mgreen\u001b[0m\r\nthr");
        view.appendText("ee\nunfinished");
        java.nio.file.Path file = dir.resolve("job.log");
        assertEquals(3L, view.saveTo(file).get(10, TimeUnit.SECONDS));
        assertEquals("one\ntwo \u001b[32mgreen\u001b[0m\nthree\n", Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void aMillionLinesAreHeldAndCounted() throws Exception {
        Thread producer = new Thread(() -> {
            List<String> batch = new ArrayList<>(10_000);
            for (int i = 1; i <= 1_000_000; i++) {
                batch.add("2026-11-25T09:33:53Z \u001b[36mINFO\u001b[0m request " + i + " served in 3 ms");
                if (batch.size() == 10_000) {
                    view.appendAll(batch);
                    batch.clear();
                }
            }
        });
        producer.start();
        producer.join();
        waitUntil(() -> view.lineCountProperty().get() == 1_000_000);
        waitUntil(() -> "1,000,000 lines".equals(lookup("#log-line-count").queryAs(Label.class).getText()));
        waitUntil(() -> visibleTexts().stream().anyMatch(t -> t.endsWith("request 1000000 served in 3 ms")));
    }

    private void appendNumbered(int from, int to) {
        List<String> lines = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            lines.add("line " + i);
        }
        view.appendAll(lines);
    }

    private List<Node> visibleCells() {
        return lookup("#log-lines").query().lookupAll(".log-cell").stream()
                .filter(Node::isVisible).collect(Collectors.toList());
    }

    /** The text each visible line shows (time column excluded). */
    private List<String> visibleTexts() {
        return visibleCells().stream().map(cell -> cell.lookupAll(".log-text").stream()
                .map(node -> ((Text) node).getText()).collect(Collectors.joining())).collect(Collectors.toList());
    }

    private Set<String> styleClassesOfTexts() {
        return visibleCells().stream().flatMap(cell -> cell.lookupAll(".log-text").stream())
                .flatMap(node -> node.getStyleClass().stream()).collect(Collectors.toSet());
    }

    private long highlightCount() {
        return visibleCells().stream().flatMap(cell -> cell.lookupAll(".log-match").stream())
                .filter(node -> node instanceof Path).count();
    }

    private String countText() {
        return lookup("#log-find-count").queryAs(Label.class).getText();
    }

    private String buttonText(String id) {
        return ((javafx.scene.control.Labeled) lookup(id).query()).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }
}
