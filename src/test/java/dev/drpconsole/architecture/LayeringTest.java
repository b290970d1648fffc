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
}
