package dev.drpconsole.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpconsole.core.drp.ContentSummary;
import dev.drpconsole.core.drp.DrpApiException;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Job;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.ContainerQuery;
import dev.drpconsole.core.engine.ContainerSummary;
import dev.drpconsole.core.engine.ImageSummary;
import dev.drpconsole.core.setup.ContextImageLayout;
import dev.drpconsole.core.setup.DemoContentPack;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What headless setup left on one sandbox endpoint and the engine, read as a user would see it (the DRP API, the
 * engine's containers and images): after a re-run, whether anything was made twice; after a clean-up, whether
 * anything is left next to what was there before the first run. Every finding is a sentence naming the object.
 *
 * <p>The published image's folder {@code files/contexts/docker-context/} counts as the docker-context plugin's, not
 * setup's: clean-up removes the empty folders below it that a tag with a '/' made, never that folder itself (on a
 * real endpoint the plugin's other images live there).
 *
 * @param endpointLabel the label value the sandbox's plugin puts on its runner containers (its endpoint id)
 * @param buildLabels   the labels setup was told to put on what it builds ({@code --label}), which only its image
 *                      carries
 */
record SetupFootprint(DrpClient client, ContainerEngine engine, String endpointLabel, Map<String, String> buildLabels,
                      String tag, String published, Names names) {
    /** The names setup was given. */
    record Names(String context, String runner, String testMachine) {
    }

    /** What the endpoint held before setup ran: a clean-up must bring it back to exactly this. */
    record Baseline(Set<String> machines, Set<String> contexts, Set<String> contents, Set<String> files) {
    }

    private static final String RUNNER_ENDPOINT_LABEL = "dev.drpconsole.sandbox.endpoint";

    Baseline baseline() {
        return new Baseline(names(client.list(DrpType.MACHINES, Filter.ALL), Machine::name),
                names(client.list(DrpType.CONTEXTS, Filter.ALL), DrpContext::name),
                names(client.contents(), ContentSummary::name), files());
    }

    /**
     * After a finished run: one of each thing setup makes, and the test job once.
     *
     * @param uploaded whether setup was told to publish the image as a file ({@code --publish always}); else the
     *                 runner engine, which is the build engine here, holds it and no file may be there
     */
    List<String> duplicates(boolean uploaded) {
        List<String> found = new ArrayList<>();
        List<Machine> machines = client.list(DrpType.MACHINES, Filter.ALL);
        expectOne(found, "runner machine " + names.runner(), machines.stream()
                .filter(machine -> names.runner().equals(machine.name())).count());
        expectOne(found, "test machine " + names.testMachine(), machines.stream()
                .filter(machine -> names.testMachine().equals(machine.name())).count());
        if (machines.size() != 2) {
            found.add(machines.size() + " machines instead of 2: " + names(machines, Machine::name));
        }
        List<DrpContext> contexts = client.list(DrpType.CONTEXTS, Filter.ALL);
        if (!names(contexts, DrpContext::name).equals(Set.of(names.context())) || contexts.size() != 1) {
            found.add("contexts " + contexts.stream().map(DrpContext::name).toList() + " instead of one "
                    + names.context());
        }
        expectOne(found, "content pack " + DemoContentPack.NAME, client.contents().stream()
                .filter(pack -> DemoContentPack.NAME.equals(pack.name())).count());
        Set<String> files = files();
        long images = files.stream().filter(file -> !file.endsWith("/")).count();
        if (uploaded ? !files.contains(published) || images != 1 : images != 0) {
            found.add("published files " + files + " instead of " + (uploaded ? "one " + published : "none"));
        }
        machines.stream().filter(machine -> names.testMachine().equals(machine.name())).forEach(test -> {
            List<Job> jobs = client.list(DrpType.JOBS, Filter.where("Machine", test.uuid())
                    .and("Task", DemoContentPack.TASK));
            if (jobs.size() != 1 || !"finished".equals(jobs.get(0).state())) {
                found.add("test jobs " + jobs.stream().map(Job::state).toList() + " instead of one finished");
            }
        });
        for (ContainerSummary runner : runnerContainers()) {
            if (machines.stream().noneMatch(machine -> runner.runnerMachineUuid()
                    .map(uuid -> uuid.toString().equals(machine.uuid())).orElse(false))) {
                found.add("runner container " + runner.name() + " of no machine");
            }
        }
        machines.stream().filter(machine -> names.runner().equals(machine.name())).forEach(runner -> {
            long running = runnerContainers().stream().filter(ContainerSummary::isRunning)
                    .filter(container -> container.name().endsWith(runner.uuid())).count();
            expectOne(found, "running container of the runner machine", running);
        });
        List<ImageSummary> built = engine.images().list(buildLabels, false);
        if (built.size() != 1 || !built.get(0).tags().contains(tag)) {
            found.add("built images " + built.stream().map(image -> image.id() + image.tags()).toList()
                    + " instead of one tagged " + tag);
        }
        return found;
    }

    /** After a clean-up: nothing of setup's on the endpoint or the engine, and a journal with nothing in it. */
    List<String> leftovers(Baseline before, Path journal) {
        List<String> found = new ArrayList<>();
        Baseline now = baseline();
        extra(found, "machine", now.machines(), before.machines());
        extra(found, "context", now.contexts(), before.contexts());
        extra(found, "content pack", now.contents(), before.contents());
        Set<String> pluginDirectories = Set.of("contexts/", ContextImageLayout.V4_7_DIRECTORY);
        extra(found, "file", now.files().stream().filter(path -> !pluginDirectories.contains(path))
                .collect(Collectors.toSet()), before.files());
        runnerContainers().forEach(container -> found.add("container " + container.name() + " ("
                + container.state() + ")"));
        engine.containers().list(new ContainerQuery(true, buildLabels))
                .forEach(container -> found.add("container " + container.name() + " with the build labels"));
        engine.images().list(buildLabels, true).forEach(image -> found.add("image " + image.id() + image.tags()));
        if (engine.images().exists(tag)) {
            found.add("image tag " + tag);
        }
        found.addAll(journalLeftovers(journal));
        return found;
    }

    private List<ContainerSummary> runnerContainers() {
        return engine.containers().list(new ContainerQuery(true, Map.of(RUNNER_ENDPOINT_LABEL, endpointLabel)));
    }

    /** The journal after a clean-up: nothing created, nothing done. */
    static List<String> journalLeftovers(Path journal) {
        try {
            JsonNode root = new ObjectMapper().readTree(journal.toFile());
            List<String> found = new ArrayList<>();
            root.path("created").forEach(item -> found.add("journal entry " + item.path("kind").asText() + " "
                    + item.path("key").asText()));
            root.path("done").forEach(step -> found.add("journal step " + step.asText() + " still done"));
            return found;
        } catch (IOException e) {
            return List.of("journal " + journal + " unreadable: " + e.getMessage());
        }
    }

    /** Every file under files/, as paths ("contexts/docker-context/a/b:1"; directories end with '/'). */
    private Set<String> files() {
        Set<String> all = new TreeSet<>();
        addFiles(all, "");
        return all;
    }

    private void addFiles(Set<String> all, String directory) {
        List<String> names;
        try {
            names = client.listFiles("/" + directory);
        } catch (DrpApiException e) {
            if (e.code() == 404) {
                return;
            }
            throw e;
        }
        for (String name : names) {
            String path = directory + name;
            all.add(path);
            if (name.endsWith("/")) {
                addFiles(all, path);
            }
        }
    }

    /** Removes what a failed try left, so the next try starts from the baseline again. Best effort. */
    void scrub(Baseline before) {
        Baseline now = baseline();
        client.list(DrpType.MACHINES, Filter.ALL).stream().filter(m -> !before.machines().contains(m.name()))
                .forEach(machine -> quietly(() -> client.delete(DrpType.MACHINES, machine.uuid())));
        now.contexts().stream().filter(name -> !before.contexts().contains(name))
                .forEach(name -> quietly(() -> client.delete(DrpType.CONTEXTS, name)));
        now.contents().stream().filter(name -> !before.contents().contains(name))
                .forEach(name -> quietly(() -> client.deleteContent(name)));
        now.files().stream().filter(path -> !before.files().contains(path))
                .sorted((a, b) -> b.length() - a.length())
                .forEach(path -> quietly(() -> client.deleteFile(path.endsWith("/")
                        ? path.substring(0, path.length() - 1) : path)));
        runnerContainers().forEach(container -> quietly(() -> engine.containers().remove(container.id(), true)));
        engine.containers().list(new ContainerQuery(true, buildLabels))
                .forEach(container -> quietly(() -> engine.containers().remove(container.id(), true)));
        quietly(() -> engine.images().remove(tag, true));
        engine.images().list(buildLabels, true).forEach(image -> quietly(() -> engine.images().remove(image.id(), true)));
    }

    private static void expectOne(List<String> found, String what, long count) {
        if (count != 1) {
            found.add(count + " of the " + what);
        }
    }

    private static void extra(List<String> found, String kind, Set<String> now, Set<String> before) {
        now.stream().filter(name -> !before.contains(name)).forEach(name -> found.add(kind + " " + name));
    }

    private static <T> Set<String> names(List<T> objects, Function<T, String> name) {
        return objects.stream().map(name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void quietly(Runnable removal) {
        try {
            removal.run();
        } catch (RuntimeException goneOrBusy) {
            // Best effort: the next try's checks say what is still there.
        }
    }
}
