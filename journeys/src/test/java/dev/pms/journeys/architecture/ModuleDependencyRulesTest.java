package dev.pms.journeys.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every module of the root POM, checked on its compiled classes and on its POM: the product (shared/*, functions/*)
 * never reaches the devstack or the journeys; a function module never depends on another one; the devstack runtime,
 * its emulators and its Step Functions engine import no product code (the engine not even the runtime); and journeys
 * is the only module that depends on the function modules. Runs in journeys, the module the reactor builds last.
 */
class ModuleDependencyRulesTest {
    private static final String[] PRODUCT_PACKAGES = {"dev.pms.core..", "dev.pms.providers..", "dev.pms.aws..",
            "dev.pms.embeddings..", "dev.pms.functions.."};
    private static final String[] LOCAL_AWS_PACKAGES = {"dev.pms.devstack..", "dev.pms.emulators..", "dev.pms.journeys.."};

    private static Path root;
    private static List<String> modules;
    private static Map<String, JavaClasses> classesByModule;

    @BeforeAll
    static void importEveryModule() throws IOException {
        root = repositoryRoot();
        modules = modulesOf(Files.readString(root.resolve("pom.xml")));
        classesByModule = new LinkedHashMap<>();
        for (String module : modules) {
            Path classes = root.resolve(module).resolve("target/classes");
            assertThat(classes).as("compiled classes of " + module).isDirectory();
            classesByModule.put(module, new ClassFileImporter().importPath(classes));
        }
        assertThat(modules).contains("shared/core", "shared/providers", "shared/aws", "devstack/emulators",
                "devstack/stepfunctions", "devstack", "journeys");
        assertThat(functionModules()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void productCodeDoesNotReachTheDevstackOrTheJourneys() {
        for (String module : productModules()) {
            noClasses().should().dependOnClassesThat().resideInAnyPackage(LOCAL_AWS_PACKAGES)
                    .as(module + " depends on no devstack, emulator or journeys class")
                    .check(classesByModule.get(module));
        }
    }

    @Test
    void sharedModulesDoNotDependOnFunctions() {
        for (String module : modules.stream().filter(module -> module.startsWith("shared/")).toList()) {
            noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.pms.functions..")
                    .as(module + " depends on no function module")
                    .check(classesByModule.get(module));
        }
    }

    @Test
    void functionsDoNotDependOnEachOther() {
        for (String module : functionModules()) {
            Set<String> others = functionModules().stream().filter(other -> !other.equals(module))
                    .flatMap(other -> classesByModule.get(other).stream()).map(JavaClass::getName)
                    .collect(Collectors.toSet());
            noClasses().should().dependOnClassesThat(classNamed(others, "another function module"))
                    .as(module + " depends on no other function module")
                    .check(classesByModule.get(module));
        }
    }

    @Test
    void theDevstackRuntimeItsEmulatorsAndItsEngineImportNoProductCode() {
        for (String module : List.of("devstack", "devstack/emulators", "devstack/stepfunctions")) {
            noClasses().should().dependOnClassesThat().resideInAnyPackage(PRODUCT_PACKAGES)
                    .as(module + " imports no product code")
                    .check(classesByModule.get(module));
            noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.pms.journeys..")
                    .as(module + " does not reach the journeys")
                    .check(classesByModule.get(module));
        }
    }

    @Test
    void theStepFunctionsEngineStandsAlone() {
        Set<String> runtime = Stream.of("devstack", "devstack/emulators")
                .flatMap(module -> classesByModule.get(module).stream()).map(JavaClass::getName)
                .collect(Collectors.toSet());
        noClasses().should().dependOnClassesThat(classNamed(runtime, "the devstack runtime or its emulators"))
                .as("the Step Functions engine depends on nothing of the devstack runtime")
                .check(classesByModule.get("devstack/stepfunctions"));
    }

    @Test
    void onlyJourneysDeclaresAFunctionDependency() throws IOException {
        List<String> functionArtifacts = new ArrayList<>();
        for (String module : functionModules()) {
            functionArtifacts.add(artifactIdOf(module));
        }
        for (String module : modules) {
            List<String> declared = dependencies(module, true);
            if (module.equals("journeys")) {
                assertThat(declared).as("journeys runs every function module").containsAll(functionArtifacts);
            } else {
                assertThat(declared).as(module + "/pom.xml depends on a function module")
                        .doesNotContainAnyElementsOf(functionArtifacts);
            }
        }
    }

    @Test
    void productPomsDeclareNoDevstackOrJourneysDependencyOutsideTheirTests() throws IOException {
        List<String> localAwsArtifacts = new ArrayList<>();
        for (String module : List.of("devstack", "devstack/emulators", "devstack/stepfunctions", "journeys")) {
            localAwsArtifacts.add(artifactIdOf(module));
        }
        for (String module : productModules()) {
            assertThat(dependencies(module, false)).as(module + "/pom.xml depends on the devstack or the journeys")
                    .doesNotContainAnyElementsOf(localAwsArtifacts);
        }
        for (String module : functionModules()) {
            assertThat(dependencies(module, true)).as(module + "/pom.xml depends on the devstack or the journeys")
                    .doesNotContain(artifactIdOf("devstack"), artifactIdOf("journeys"));
        }
    }

    private static List<String> functionModules() {
        return modules.stream().filter(module -> module.startsWith("functions/")).toList();
    }

    private static List<String> productModules() {
        return modules.stream().filter(module -> module.startsWith("shared/") || module.startsWith("functions/"))
                .toList();
    }

    private static DescribedPredicate<JavaClass> classNamed(Set<String> names, String description) {
        return DescribedPredicate.describe(description, javaClass -> names.contains(javaClass.getName()));
    }

    private static List<String> modulesOf(String rootPom) {
        Matcher matcher = Pattern.compile("<module>([^<]+)</module>").matcher(rootPom);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** The artifactIds a module's POM depends on ({@code withTests}: also those in test scope). */
    private static List<String> dependencies(String module, boolean withTests) throws IOException {
        String pom = Files.readString(root.resolve(module).resolve("pom.xml"));
        int start = pom.indexOf("<dependencies>");
        if (start < 0) {
            return List.of();
        }
        Matcher dependency = Pattern.compile("(?s)<dependency>(.*?)</dependency>")
                .matcher(pom.substring(start, pom.indexOf("</dependencies>")));
        List<String> artifacts = new ArrayList<>();
        while (dependency.find()) {
            String declaration = dependency.group(1);
            if (withTests || !declaration.contains("<scope>test</scope>")) {
                Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(declaration);
                if (artifact.find()) {
                    artifacts.add(artifact.group(1));
                }
            }
        }
        return artifacts;
    }

    private static String artifactIdOf(String module) throws IOException {
        String pom = Files.readString(root.resolve(module).resolve("pom.xml"));
        Matcher matcher = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(pom.substring(pom.indexOf("</parent>")));
        if (!matcher.find()) {
            throw new AssertionError("no artifactId in " + module + "/pom.xml");
        }
        return matcher.group(1);
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
