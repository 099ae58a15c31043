package dev.pms.devstack.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit (architecture): function modules depend on shared/* only — never on each other or on the
 * devstack — and the shared modules never reach up into functions or the devstack. Checked on the
 * compiled classes and on the module POMs.
 */
class ModuleDependencyRulesTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() throws IOException {
        Path root = repositoryRoot();
        List<Path> outputs = new java.util.ArrayList<>(List.of(
                root.resolve("shared/core/target/classes"), root.resolve("shared/aws/target/classes"),
                root.resolve("devstack/target/classes")));
        try (Stream<Path> functions = Files.list(root.resolve("functions"))) {
            functions.map(dir -> dir.resolve("target/classes")).forEach(outputs::add);
        }
        production = new ClassFileImporter().importPaths(outputs.stream().filter(Files::isDirectory).toList());
        assertThat(production.containPackage("dev.pms.core")).isTrue();
        assertThat(production.containPackage("dev.pms.functions.blueprint")).isTrue();
    }

    @Test
    void functionsDoNotDependOnEachOther() {
        slices().matching("dev.pms.functions.(*)..").should().notDependOnEachOther()
                .allowEmptyShould(true).check(production);
    }

    @Test
    void functionsAndSharedModulesDoNotDependOnTheDevstack() {
        noClasses().that().resideInAnyPackage("dev.pms.functions..", "dev.pms.aws..", "dev.pms.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.pms.devstack..", "dev.pms.emulators..")
                .check(production);
    }

    @Test
    void sharedModulesDoNotDependOnFunctions() {
        noClasses().that().resideInAnyPackage("dev.pms.aws..", "dev.pms.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.pms.functions..")
                .check(production);
    }

    @Test
    void functionPomsDeclareNoFunctionOrDevstackDependency() throws IOException {
        Path root = repositoryRoot();
        List<String> functionArtifacts;
        try (Stream<Path> modules = Files.list(root.resolve("functions"))) {
            functionArtifacts = modules.map(dir -> dir.resolve("pom.xml")).filter(Files::exists)
                    .map(ModuleDependencyRulesTest::artifactIdOf).toList();
        }
        assertThat(functionArtifacts).isNotEmpty();
        try (Stream<Path> modules = Files.list(root.resolve("functions"))) {
            for (Path pom : modules.map(dir -> dir.resolve("pom.xml")).filter(Files::exists).toList()) {
                String dependencies = dependenciesSection(Files.readString(pom));
                assertThat(dependencies).as(pom.toString())
                        .doesNotContain("<artifactId>devstack</artifactId>");
                for (String artifact : functionArtifacts) {
                    assertThat(dependencies).as(pom + " depends on function " + artifact)
                            .doesNotContain("<artifactId>" + artifact + "</artifactId>");
                }
            }
        }
    }

    private static String dependenciesSection(String pom) {
        int start = pom.indexOf("<dependencies>");
        int end = pom.indexOf("</dependencies>");
        return start < 0 ? "" : pom.substring(start, end);
    }

    private static String artifactIdOf(Path pom) {
        try {
            String text = Files.readString(pom);
            String afterParent = text.substring(text.indexOf("</parent>"));
            Matcher matcher = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(afterParent);
            if (!matcher.find()) {
                throw new AssertionError("no artifactId in " + pom);
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new AssertionError("repository root (template.yaml) not found");
        }
        return dir;
    }
}
