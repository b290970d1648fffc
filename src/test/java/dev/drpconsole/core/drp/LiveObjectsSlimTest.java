package dev.drpconsole.core.drp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * A live copy listed without Params (D.16) keeps objects that arrive in events the same way: DRP's events carry
 * whole machines, inventory included, which would otherwise fill a slim copy again one change at a time.
 */
class LiveObjectsSlimTest {
    private final InMemoryDrpClient drp = new InMemoryDrpClient();

    @Test
    void aMachineThatArrivesInAnEventIsKeptWithoutItsParamsLikeTheList() throws Exception {
        LiveCopy<Machine> copy = new LiveCopy<>();
        try (LiveObjects<Machine> live = new LiveObjects<>(drp, DrpType.MACHINES, Filter.ALL.withoutParams(),
                machine -> true, Runnable::run)) {
            live.start(copy);
            LiveCopy.await("the first list", () -> copy.resets.get() > 0);

            ObjectNode json = JsonNodeFactory.instance.objectNode().put("Name", "inventoried").put("Uuid",
                    "0b6f4a53-4a4e-4c41-9d2f-1c1e3c8e5a11");
            json.putObject("Params").put("inventory/CPUs", "64 cores, and much more besides");
            Machine sent = drp.put(new Machine(json));

            LiveCopy.await("the event arrives", () -> copy.objects.containsKey(sent.key()));
            Machine kept = copy.objects.get(sent.key());
            assertEquals(0, kept.json().path("Params").size(), "no inventory in a slim copy: " + kept.json());
            assertEquals("inventoried", kept.name());
        }
    }

    @Test
    void aListStartedAsTheEventSocketComesUpIsMadeOnceNotTwice() throws Exception {
        drp.put(new Machine(JsonNodeFactory.instance.objectNode().put("Name", "one")
                .put("Uuid", "5f0c7a1e-0d3b-4c1e-9a57-3f1d2b6c8e01")));
        LiveCopy<Machine> copy = new LiveCopy<>();
        // The in-memory socket announces its connection as the listener is added, before the filter is sent: the
        // moment a console opened on a page meets (10,000 machines were then listed twice at start).
        try (LiveObjects<Machine> live = new LiveObjects<>(drp, DrpType.MACHINES, Filter.ALL.withoutParams(),
                machine -> true, Runnable::run)) {
            live.start(copy);
            LiveCopy.await("the first list", () -> copy.resets.get() > 0);
            Thread.sleep(200);

            assertEquals(1, copy.resets.get(), "one list, once the filter is in place");
            assertEquals(1, copy.objects.size());
        }
    }

    @Test
    void anEndpointThatCannotSortByTheIndexStillGetsTheListUnsorted() throws Exception {
        drp.put(new Machine(JsonNodeFactory.instance.objectNode().put("Name", "one")
                .put("Uuid", "5f0c7a1e-0d3b-4c1e-9a57-3f1d2b6c8e02")));
        drp.refuseSortBy("Name");
        LiveCopy<Machine> copy = new LiveCopy<>();
        try (LiveObjects<Machine> live = new LiveObjects<>(drp, DrpType.MACHINES,
                Filter.ALL.withoutParams().sort("Name"), machine -> true, Runnable::run)) {
            live.start(copy);
            LiveCopy.await("the list, unsorted", () -> copy.resets.get() > 0);
            assertEquals(1, copy.objects.size());

            drp.burstEnded(); // a resync lists again: unsorted at once
            LiveCopy.await("the resync", () -> copy.resets.get() > 1);
            assertEquals(1, copy.objects.size());
            assertEquals(null, copy.failure, "no failure shown: the order was only a speed-up");
        }
    }
}
