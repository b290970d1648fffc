package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildStepTest {

    @Test
    void parsesDockersStepLine() {
        assertEquals(Optional.of(new BuildStep(3, 5, "RUN apt-get update && apt-get install -y jq")),
                BuildStep.parse("Step 3/5 : RUN apt-get update && apt-get install -y jq"));
    }

    @Test
    void parsesPodmansStepLine() {
        assertEquals(Optional.of(new BuildStep(2, 4, "COPY hello.sh /usr/local/bin/")),
                BuildStep.parse("STEP 2/4: COPY hello.sh /usr/local/bin/"));
    }

    @Test
    void ignoresTrailingWhitespaceAndLineBreak() {
        assertEquals(Optional.of(new BuildStep(1, 2, "FROM drpconsole/base:bookworm")),
                BuildStep.parse("Step 1/2 : FROM drpconsole/base:bookworm  \r"));
    }

    @Test
    void otherOutputIsNotAStep() {
        assertTrue(BuildStep.parse(" ---> Running in 0a1b2c3d4e5f").isEmpty());
        assertTrue(BuildStep.parse("Successfully built 0a1b2c3d4e5f").isEmpty());
        assertTrue(BuildStep.parse("echo Step 1/2 : not at the start").isEmpty());
        assertTrue(BuildStep.parse("").isEmpty());
    }

    @Test
    void progressCountsTheStepsDoneBeforeThisOne() {
        assertEquals(0.0, new BuildStep(1, 4, "FROM x").progressAtStart());
        assertEquals(0.75, new BuildStep(4, 4, "CMD x").progressAtStart());
    }
}
