package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Build output as Docker and Podman send it: steps, the failed step, the built id. */
class BuildOutputTest {

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            false);

    @Test
    void podmansFailedStepIsTheOneItsErrorNames() throws IOException {
        RecordingBuildListener progress = new RecordingBuildListener();
        BuildOutput output = new BuildOutput(progress);
        String failing = "RUN echo failing on purpose && exit 3";

        feed(output, stream("STEP 1/3: FROM drpconsole/base:bookworm\n"), stream("STEP 2/3: " + failing + "\n"),
                stream("failing on purpose\n"), stream("STEP 3/3: RUN echo never reached\n"),
                error("building at STEP \"" + failing + "\": while running runtime: exit status 3"));

        assertEquals(Optional.of(new BuildStep(2, 3, failing)), output.failedStep());
        assertEquals(List.of(1, 2, 3), progress.steps.stream().map(BuildStep::number).toList());
        ImageBuildException error = new ImageBuildException(output.error().orElseThrow(), output.failedStep().get());
        assertEquals(3, error.exitCode().orElseThrow());
        assertTrue(error.getMessage().contains("step 2/3"), error.getMessage());
    }

    @Test
    void dockersFailedStepIsTheOneRunningWhenTheErrorCame() throws IOException {
        BuildOutput output = new BuildOutput(new RecordingBuildListener());

        feed(output, stream("Step 1/2 : FROM drpconsole/base:bookworm\n"), stream(" ---> dd74281cef5d\n"),
                stream("Step 2/2 : RUN exit 3\n"), stream(" ---> Running in 0a1b2c3d4e5f\n"),
                error("The command '/bin/sh -c exit 3' returned a non-zero code: 3"));

        assertEquals(Optional.of(new BuildStep(2, 2, "RUN exit 3")), output.failedStep());
        assertEquals(3, new ImageBuildException(output.error().get(), null).exitCode().orElseThrow());
    }

    @Test
    void bothEnginesNameTheBuiltImage() throws IOException {
        BuildOutput podman = new BuildOutput(new RecordingBuildListener());
        feed(podman, stream("STEP 1/1: FROM scratch\n"), stream("COMMIT docker.io/drpconsole-test/built:1\n"),
                stream("--> 90dde6227b8\n"), stream("Successfully tagged docker.io/drpconsole-test/built:1\n"),
                stream("90dde6227b8f11550852e6d2b53fdb12f8c1b0c705c190190262397d92748e9e\n"),
                stream("Successfully built 90dde6227b8f\n"));
        BuildOutput docker = new BuildOutput(new RecordingBuildListener());
        feed(docker, stream("Step 1/1 : FROM scratch\n"), stream("Successfully built 5c0ffee12345\n"));

        assertEquals(Optional.of("90dde6227b8f"), podman.builtImageId());
        assertEquals(Optional.of("5c0ffee12345"), docker.builtImageId());
        assertTrue(podman.error().isEmpty());
    }

    private static void feed(BuildOutput output, BuildResponseItem... items) {
        for (BuildResponseItem item : items) {
            output.onNext(item);
        }
        output.onComplete();
    }

    private static BuildResponseItem stream(String text) throws IOException {
        return JSON.readValue(JSON.writeValueAsString(Map.of("stream", text)), BuildResponseItem.class);
    }

    private static BuildResponseItem error(String message) throws IOException {
        return JSON.readValue(JSON.writeValueAsString(Map.of("error", message,
                "errorDetail", Map.of("message", message))), BuildResponseItem.class);
    }
}
