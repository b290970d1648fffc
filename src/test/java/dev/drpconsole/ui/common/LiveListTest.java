package dev.drpconsole.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveListTest {
    /** Stands in for the FX thread: runs what was handed over when the test says so. */
    private final List<Runnable> handedOver = new ArrayList<>();
    private final LiveList<DrpContext> list = new LiveList<>(handedOver::add);

    @Test
    void manyChangesAreHandedOverOnceAndTheLastOfEachKeyWins() {
        list.reset(List.of(context("a", "img:1"), context("b", "img:1")));
        for (int i = 0; i < 1000; i++) {
            list.changed(context("a", "img:" + i));
        }
        list.changed(context("c", "img:1"));
        list.removed("b");

        assertEquals(1, handedOver.size(), "one hand-over for the whole burst");
        runHandedOver();
        assertEquals(List.of("a=img:999", "c=img:1"), shown());
        assertTrue(list.loadedProperty().get());
    }

    @Test
    void aResetReplacesEverythingQueuedBeforeIt() {
        list.changed(context("old", "img:1"));
        list.reset(List.of(context("fresh", "img:2")));
        runHandedOver();
        assertEquals(List.of("fresh=img:2"), shown());
    }

    @Test
    void aRemovedThenRecreatedKeyIsShownOnce() {
        list.reset(List.of(context("a", "img:1")));
        runHandedOver();
        list.removed("a");
        list.changed(context("a", "img:2"));
        runHandedOver();
        assertEquals(List.of("a=img:2"), shown());
    }

    @Test
    void aFailedListIsShownInWordsAndClearedByTheNextList() {
        list.failed(new DrpException("The endpoint at https://x:8092 did not answer"));
        runHandedOver();
        assertEquals("The endpoint at https://x:8092 did not answer", list.problemProperty().get());
        list.reset(List.of());
        runHandedOver();
        assertEquals("", list.problemProperty().get());
    }

    @Test
    void aLargeBurstReachesListenersAsOneChangeWithTheSameResult() {
        List<DrpContext> start = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            start.add(context("c" + i, "img:1"));
        }
        list.reset(start);
        runHandedOver();
        List<String> changes = new ArrayList<>();
        list.items().addListener((javafx.collections.ListChangeListener<DrpContext>) c -> changes.add("change"));
        for (int i = 0; i < 100; i += 2) {
            list.changed(context("c" + i, "img:2"));
        }
        list.removed("c1");
        list.changed(context("new", "img:3"));
        runHandedOver();

        assertEquals(1, changes.size());
        assertEquals(100, list.items().size());
        assertEquals("c0=img:2", shown().get(0));
        assertEquals("c2=img:2", shown().get(1), "c1 removed, order kept");
        assertEquals("new=img:3", shown().get(99), "new objects at the end");
    }

    private void runHandedOver() {
        List<Runnable> now = new ArrayList<>(handedOver);
        handedOver.clear();
        now.forEach(Runnable::run);
    }

    private List<String> shown() {
        return list.items().stream().map(c -> c.name() + "=" + c.image()).toList();
    }

    private static DrpContext context(String name, String image) {
        return new DrpContext(JsonNodeFactory.instance.objectNode().put("Name", name).put("Image", image));
    }
}
