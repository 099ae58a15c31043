package dev.pms.devstack.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Template parameter values ({@code "Name=value"}) and extra function properties ({@code "name=value"}, given to
 * every function's application context) for the devstack {@link DevstackExtension} starts for a test class. Classes
 * with the same template, parameters and properties share one devstack.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface DevstackParameters {
    String[] value() default {};

    String[] functionProperties() default {};
}
