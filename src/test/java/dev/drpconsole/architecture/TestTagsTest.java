package dev.drpconsole.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code mvn -Pfast test} honest: a test class that reaches the provisioned engine, starts a sandbox or needs
 * the JavaFX toolkit carries the tag that keeps it out of the fast set, so the fast set never needs Docker, a server
 * or a display.
 */
class TestTagsTest {
    /** The tag, and the classes whose use means it (directly, in nested classes, or through a superclass). */
    private static final Map<String, List<String>> NEEDS = Map.of(
            "engine", List.of("dev.drpconsole.testsupport.TestEnv", "dev.drpconsole.core.engine.DockerEngine"),
            "sandbox", List.of("dev.drpconsole.sandbox.SandboxServer"),
            "display", List.of("org.testfx.api.FxRobot", "org.testfx.api.FxToolkit", "javafx.application.Platform"));

    @Test
    void everyTestThatNeedsAnEngineASandboxOrADisplayIsTaggedSo() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("dev.drpconsole");
        List<String> missing = new ArrayList<>();
        for (JavaClass test : classes) {
            if (test.getName().contains("$") || test.getMethods().stream()
                    .noneMatch(method -> method.isAnnotatedWith(Test.class)
                            || method.isAnnotatedWith("org.junit.jupiter.params.ParameterizedTest"))) {
                continue;
            }
            Set<String> used = used(test, classes);
            Set<String> tags = Arrays.stream(test.reflect().getAnnotationsByType(Tag.class)).map(Tag::value)
                    .collect(Collectors.toSet());
            NEEDS.forEach((tag, markers) -> {
                if (markers.stream().anyMatch(used::contains) && !tags.contains(tag)) {
                    missing.add(test.getSimpleName() + " needs @Tag(\"" + tag + "\")");
                }
            });
        }
        assertEquals(List.of(), missing.stream().sorted().toList());
    }

    /** What the class, its nested classes and its superclasses (and theirs) depend on. */
    private static Set<String> used(JavaClass test, JavaClasses all) {
        Set<String> used = new TreeSet<>();
        List<JavaClass> scope = new ArrayList<>();
        scope.add(test);
        scope.addAll(test.getAllRawSuperclasses());
        for (JavaClass owner : List.copyOf(scope)) {
            all.stream().filter(other -> other.getName().startsWith(owner.getName() + "$")).forEach(scope::add);
        }
        for (JavaClass owner : scope) {
            owner.getDirectDependenciesFromSelf().stream().map(Dependency::getTargetClass)
                    .map(JavaClass::getName).forEach(used::add);
            owner.getAllRawSuperclasses().forEach(superclass -> used.add(superclass.getName()));
        }
        return used;
    }
}
