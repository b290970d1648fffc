package dev.drpconsole.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Job;
import dev.drpconsole.core.drp.OkHttpDrpClient;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.SandboxEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * D.14: an endpoint writes job times in its own zone ({@code …-05:00}); the Jobs view shows them in the console's
 * zone, filters them by the real instant and measures durations across the offset.
 */
@Tag("sandbox")
class JobTimesAcrossZonesTest {
    private static final ZoneOffset SERVER_ZONE = ZoneOffset.ofHours(-5);
    private static final ZoneId CONSOLE_ZONE = ZoneOffset.ofHours(2);

    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint(config -> config.withTimeZone(SERVER_ZONE));

    @Test
    void aJobStartedOnAServerInAnotherZoneShowsTheConsolesTimeAndItsRealDuration() throws Exception {
        post("tasks", "{\"Name\":\"quick\",\"Templates\":[]}");
        String machine = post("machines", "{\"Name\":\"zoned\",\"Tasks\":[\"quick\"]}").path("Uuid").asText();
        String written = post("jobs", "{\"Machine\":\"" + machine + "\"}").path("StartTime").asText();
        assertTrue(written.endsWith("-05:00"), "the server writes its own offset: " + written);

        try (OkHttpDrpClient client = SandboxAccess.connect(SANDBOX.server())) {
            Job job = client.list(DrpType.JOBS, Filter.ALL).get(0);
            Instant now = Instant.now();
            JobRow row = new JobRow(job, now);
            assertTrue(TimeWindow.LAST_HOUR.includes(job.startTime().orElseThrow(), now),
                    "a job started a moment ago is in the last hour, whatever the server's zone");
            assertTrue(row.durationProperty().get().compareTo(Duration.ofMinutes(1)) < 0,
                    "running for moments, not hours: " + row.durationProperty().get());

            String shown = JobFormat.started(job.startTime().orElseThrow(), now, CONSOLE_ZONE);
            DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm:ss");
            assertEquals(clock.format(OffsetDateTime.parse(written).atZoneSameInstant(CONSOLE_ZONE)), shown,
                    "the console's wall clock");
            assertNotEquals(clock.format(OffsetDateTime.parse(written)), shown, "not the server's wall clock");
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode post(String path, String json)
            throws IOException, InterruptedException {
        HttpClient http = SandboxAccess.httpClient(SANDBOX.server());
        HttpRequest request = HttpRequest.newBuilder(URI.create(SandboxAccess.url(SANDBOX.server()) + "/api/v3/"
                        + path)).header("Authorization", SandboxAccess.adminAuthorization(SANDBOX.server()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return new ObjectMapper().readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
