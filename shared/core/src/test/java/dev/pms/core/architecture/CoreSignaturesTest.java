package dev.pms.core.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

/**
 * Requests reach the core as typed commands: no public method of a public core type takes or returns a Jackson type
 * (generic type arguments included). Reading JSON request bodies is the HTTP edge's job (shared/aws
 * {@code dev.pms.aws.http.requests}). The one exception is {@code Json.mapper()}, the suite's single JSON dialect,
 * which the adapters share with the core's stored documents and catalogue files.
 */
@AnalyzeClasses(packages = "dev.pms.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreSignaturesTest {
    private static final String JACKSON = "com.fasterxml.jackson";

    @ArchTest
    static final ArchRule CORE_SIGNATURES_HAVE_NO_JACKSON_TYPES = methods()
            .that().arePublic()
            .and().areDeclaredInClassesThat().resideInAPackage("dev.pms.core..")
            .and().areDeclaredInClassesThat().arePublic()
            .and(isNot("dev.pms.core.json.Json", "mapper"))
            .should(haveNoJacksonTypeInTheirSignature())
            .because("controllers map requests to commands at the edge; the core's use cases take and return domain types");

    private static DescribedPredicate<JavaMethod> isNot(String className, String methodName) {
        return DescribedPredicate.describe("are not " + className + "." + methodName + "()",
                method -> !(method.getOwner().getName().equals(className) && method.getName().equals(methodName)));
    }

    private static ArchCondition<JavaMethod> haveNoJacksonTypeInTheirSignature() {
        return new ArchCondition<>("have no Jackson type among their parameter and return types") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (method.getModifiers().contains(JavaModifier.SYNTHETIC)
                        || method.getModifiers().contains(JavaModifier.BRIDGE)) {
                    return;
                }
                List<JavaType> types = new ArrayList<>(method.getParameterTypes());
                types.add(method.getReturnType());
                for (JavaType type : types) {
                    for (JavaClass involved : type.getAllInvolvedRawTypes()) {
                        if (involved.getName().startsWith(JACKSON)) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " has "
                                    + involved.getName() + " in its signature"));
                        }
                    }
                }
            }
        };
    }
}
