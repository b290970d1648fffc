package dev.drpconsole.core.setup;

import java.nio.file.Path;

/**
 * What a step works with.
 *
 * @param targets the endpoint and the engine
 * @param choices what the user chose
 * @param journal what earlier steps (and earlier runs) finished and created
 * @param workDir a directory of the wizard's own for build contexts and image tars
 */
public record StepContext(SetupTargets targets, SetupChoices choices, SetupJournal journal, Path workDir) {
}
