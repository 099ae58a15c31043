package dev.pms.devstack.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which template {@link DevstackExtension} starts for a test class: {@code "classpath:name.yaml"} or a path
 * relative to {@code user.dir}. Without it: the repository's {@code template.yaml}, found walking up.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface DevstackTemplate {
    String value();
}
