package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.LoadResponseItem;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadOutputTest {

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            false);

    @Test
    void loadedNamesReadTheSameOverDockerAndPodman() throws IOException {
        LoadOutput output = new LoadOutput();

        output.onNext(JSON.readValue("{\"stream\":\"Loaded image: docker.io/drpconsole-test/roundtrip:run-1\\n\"}",
                LoadResponseItem.class));
        output.onNext(JSON.readValue("{\"stream\":\"Loaded image: drpconsole/base:bookworm\\n"
                + "Loaded image ID: sha256:dd74281cef5d\\n\"}", LoadResponseItem.class));

        assertEquals(List.of("drpconsole-test/roundtrip:run-1", "drpconsole/base:bookworm", "sha256:dd74281cef5d"),
                output.loaded());
    }
}
