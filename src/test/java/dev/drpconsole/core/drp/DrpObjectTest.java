package dev.drpconsole.core.drp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DrpObjectTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fieldsANewerServerAddedSurviveAChange() throws Exception {
        Machine machine = new Machine((ObjectNode) JSON.readTree("""
                {"Uuid":"u-1","Name":"runner-1","Context":"","Meta":{"BaseContext":"runner","color":"blue"},
                 "WorkOrderMode":true,"PendingWorkOrders":3}"""));

        Machine changed = machine.withContext("runner").withBaseContext("other");

        assertEquals("runner", changed.context());
        assertEquals("other", changed.baseContext());
        assertEquals("blue", changed.meta("color"));
        assertTrue(changed.json().path("WorkOrderMode").asBoolean());
        assertEquals(3, changed.json().path("PendingWorkOrders").asInt());
        assertEquals("", machine.context(), "the original is unchanged");
    }

    @Test
    void aRunnerIsAMachineWithABaseContextAndAnyMachineMayBeInAContextForNow() {
        assertTrue(Machine.runner("r", "runner", "").isRunner());
        Machine plain = new Machine(JSON.createObjectNode().put("Name", "m"));
        assertFalse(plain.isRunner());
        assertFalse(plain.withContext("runner").isRunner(), "a context: task puts it there for now");
        assertEquals("runner", plain.withContext("runner").contextForNow());
        assertFalse(Machine.runner("r", "runner", "").withBaseContext("").isRunner());
    }

    @Test
    void movingAMachineToAContextNeverMakesItARunner() {
        Machine plain = new Machine(JSON.createObjectNode().put("Name", "m"));
        Machine moved = plain.movedTo("other");
        assertEquals("other", moved.context());
        assertEquals("", moved.baseContext());
        Machine runner = Machine.runner("r", "runner", "").withContext("runner").movedTo("other");
        assertEquals("other", runner.baseContext());
        assertEquals("other", runner.context());
    }

    @Test
    void aJobThatHasNotEndedHasNoEndTime() throws Exception {
        Job job = new Job((ObjectNode) JSON.readTree("""
                {"Uuid":"j","State":"running","StartTime":"2026-11-25T10:00:00.123456789Z",
                 "EndTime":"0001-01-01T00:00:00Z"}"""));
        assertEquals(Optional.of(Instant.parse("2026-11-25T10:00:00.123456789Z")), job.startTime());
        assertEquals(Optional.empty(), job.endTime());
        assertTrue(job.isRunning());
    }

    @Test
    void eventsCarryTheirObjectTyped() {
        ObjectNode context = DrpContext.of("runner", DrpContext.DOCKER_CONTEXT, "drp/runner:1", "").json();
        DrpEvent event = new DrpEvent(Instant.now(), "contexts", "create", "runner", "user:rocketskates", context);
        assertEquals("drp/runner:1", event.object(DrpType.CONTEXTS).orElseThrow().image());
        assertTrue(event.object(DrpType.MACHINES).isEmpty());
    }

    @Test
    void filtersKeepRepeatedFieldsInOrder() {
        Filter filter = Filter.where("State", "failed").and("State", "incomplete").sort("StartTime").reverse()
                .limit(50);
        assertEquals("State=failed&State=incomplete&sort=StartTime&reverse=true&limit=50", filter.toString());
    }
}
