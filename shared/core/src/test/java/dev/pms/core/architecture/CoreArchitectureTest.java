package dev.pms.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The core stays pure Java: no AWS, Micronaut, HTTP, servlet or Lambda types. */
@AnalyzeClasses(packages = "dev.pms.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule CORE_HAS_NO_INFRASTRUCTURE_DEPENDENCIES = noClasses()
            .that().resideInAPackage("dev.pms.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon..", "com.amazonaws..", "io.micronaut..", "java.net.http..",
                    "javax.servlet..", "jakarta.servlet..", "com.sun.net.httpserver..")
            .because("shared/core holds the domain and application services; adapters live in shared/aws and the functions");
}
