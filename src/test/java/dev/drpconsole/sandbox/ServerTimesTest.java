package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.testsupport.SandboxEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * D.14: a real server writes times as Go's RFC3339Nano of its local time, e.g. {@code 2021-03-04T10:11:12.123456789-05:00}
 * (DRP v4.7.0 models/job.go StartTime/EndTime are time.Time set from time.Now()).
 */
@Tag("sandbox")
class ServerTimesTest {

    static final ZoneOffset SERVER_ZONE = ZoneOffset.ofHours(-5);

    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint(config -> config.withTimeZone(SERVER_ZONE));
    static SandboxApi api;

    @BeforeAll
    static void start() {
        api = SandboxApi.forServer(SANDBOX.server());
        api.post("tasks", "{\"Name\":\"noop\",\"Templates\":[]}");
    }

    @Test
    void jobTimesCarryTheServersOffset() {
        Instant before = Instant.now();
        String uuid = api.post("machines", "{\"Name\":\"timed\",\"Tasks\":[\"noop\"]}").json().path("Uuid").asText();
        JsonNode job = api.post("jobs", "{\"Machine\":\"" + uuid + "\"}").json();
        String start = job.path("StartTime").asText();
        assertTrue(start.endsWith("-05:00"), start);
        OffsetDateTime parsed = OffsetDateTime.parse(start);
        assertTrue(Duration.between(before, parsed.toInstant()).abs().toMinutes() < 5, "the same instant: " + start);
        assertEquals("0001-01-01T00:00:00Z", job.path("EndTime").asText(), "Go's zero time is UTC");
    }
}
