package dev.drpconsole.ui.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DRP's CurrentTask (−1 not started, size when done) read as progress. */
class TaskProgressTest {

    @Test
    void currentTaskOfTasksReadsAsDoneOfTotal() {
        List<String> tasks = List.of("stage:a", "context:runner", "work", "context:");
        assertEquals("0 / 4", TaskProgress.of(-1, tasks).toString());
        assertEquals("2 / 4", TaskProgress.of(2, tasks).toString());
        assertEquals(1.0, TaskProgress.of(4, tasks).fraction());
        assertEquals("no tasks", TaskProgress.of(0, List.of()).toString());
        assertTrue(TaskProgress.of(1, tasks).compareTo(TaskProgress.of(3, tasks)) < 0);
    }
}
