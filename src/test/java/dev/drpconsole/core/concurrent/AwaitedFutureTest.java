package dev.drpconsole.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AwaitedFutureTest {
    private final List<String> seen = new ArrayList<>();

    @Test
    void theTaskGetsTheFuturesResult() {
        BackgroundTask.wrap(AwaitedFuture.of(CompletableFuture.completedFuture("signed in"))).onSuccess(seen::add)
                .executeWith(TaskRunner.inline());

        assertEquals(List.of("signed in"), seen);
    }

    @Test
    void theTaskFailsWithTheWorksOwnException() {
        CompletableFuture<String> refused = CompletableFuture.failedFuture(new IllegalStateException("refused"));

        BackgroundTask.wrap(AwaitedFuture.of(refused)).onFailure(e -> seen.add(e.getClass().getSimpleName() + ": "
                + e.getMessage())).executeWith(TaskRunner.inline());

        assertEquals(List.of("IllegalStateException: refused"), seen);
    }
}
