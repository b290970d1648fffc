package dev.drpconsole.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Core code must stay usable from plain tests and the command line: no scene graph, no stages. */
class LayeringTest {
    private static JavaClasses productionClasses;

    @BeforeAll
    static void importClasses() {
        productionClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.drpconsole");
    }

    @Test
    void coreDoesNotUseTheSceneGraphOrStages() {
        noClasses().that().resideInAPackage("dev.drpconsole.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("core is the UI-free layer (house-style.md)")
                .check(productionClasses);
    }

    @Test
    void coreDoesNotDependOnTheUi() {
        noClasses().that().resideInAPackage("dev.drpconsole.core..")
                .should().dependOnClassesThat().resideInAPackage("dev.drpconsole.ui..")
                .check(productionClasses);
    }

    @Test
    void theSandboxEndpointIsUiFreeToo() {
        noClasses().that().resideInAPackage("dev.drpconsole.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.drpconsole.ui..")
                .because("the sandbox runs headless from a shell (java -jar ... sandbox)")
                .check(productionClasses);
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view models hold state and commands; views own the nodes")
                .check(productionClasses);
    }

    @Test
    void coreAndUiDoNotDependOnTheSandbox() {
        noClasses().that().resideInAnyPackage("dev.drpconsole.core..", "dev.drpconsole.ui..")
                .should().dependOnClassesThat().resideInAPackage("dev.drpconsole.sandbox..")
                .because("the sandbox is a peer of the console, wired in by the composition root through"
                        + " core.connection.SandboxStarter (ARCHITECTURE.md)")
                .check(productionClasses);
    }

    @Test
    void theSandboxUsesOnlyTheEngineLayerOfTheConsole() {
        noClasses().that().resideInAPackage("dev.drpconsole.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.drpconsole.core.drp..",
                        "dev.drpconsole.core.connection..", "dev.drpconsole.core.setup..",
                        "dev.drpconsole.core.status..", "dev.drpconsole.core.settings..",
                        "dev.drpconsole.core.concurrent..")
                .because("the sandbox stands in for a DRP endpoint: it runs containers and nothing else of the"
                        + " console's")
                .check(productionClasses);
    }

    @Test
    void theUiDoesNotTalkHttpJsonOrDockerItself() {
        noClasses().that().resideInAPackage("dev.drpconsole.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "com.fasterxml.jackson..",
                        "com.github.dockerjava..")
                .because("core turns wire types into the console's own; views and view models see only those")
                .check(productionClasses);
    }

    @Test
    void nothingButTheCompositionRootKnowsBothTheConsoleAndTheSandbox() {
        noClasses().that().resideInAPackage("dev.drpconsole.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.drpconsole")
                .check(productionClasses);
    }
}
