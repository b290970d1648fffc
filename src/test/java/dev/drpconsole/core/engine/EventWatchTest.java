package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Event;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** How engine events are reported: in Docker's words, whichever engine sent them. */
class EventWatchTest {

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            false);

    @Test
    void podmansContainerRemoveIsReportedAsDockersDestroy() throws IOException {
        Event removed = JSON.readValue("""
                {"status":"remove","id":"4c01db0b339c","Type":"container","Action":"remove",
                 "Actor":{"ID":"4c01db0b339c","Attributes":{"name":"chatty",
                 "image":"localhost/drpconsole/base:bookworm","dev.drpconsole.test":"run-1"}},
                 "time":1795600000,"timeNano":1795600000123456789}""", Event.class);

        EngineEvent event = EventWatch.toEngineEvent(removed, 1795600000123456789L);

        assertEquals("destroy", event.action());
        assertEquals("4c01db0b339c", event.id());
        assertEquals("chatty", event.name());
    }

    @Test
    void podmansImageRemoveIsReportedAsDockersDelete() {
        assertEquals("delete", EventWatch.inDockersWords("image", "remove"));
    }

    @Test
    void otherActionsKeepTheirEnginesWord() {
        assertEquals("destroy", EventWatch.inDockersWords("container", "destroy"));
        assertEquals("cleanup", EventWatch.inDockersWords("container", "cleanup"));
        assertEquals("remove", EventWatch.inDockersWords("volume", "remove"));
        assertEquals("exec_start: sh -c true", EventWatch.inDockersWords("container", "exec_start: sh -c true"));
    }
}
