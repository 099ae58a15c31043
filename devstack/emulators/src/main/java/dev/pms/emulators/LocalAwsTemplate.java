package dev.pms.emulators;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which template {@link LocalAwsExtension} provisions for a test class: {@code "classpath:name.yaml"} or a
 * file path (relative to {@code user.dir}). Without it, the first {@code template.yaml} found walking up
 * from {@code user.dir} is used.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface LocalAwsTemplate {
    String value();
}
