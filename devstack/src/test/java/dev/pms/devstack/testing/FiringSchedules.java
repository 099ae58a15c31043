package dev.pms.devstack.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets the EventBridge schedules of the {@link DevstackExtension}'s devstack fire on their own (without it they run
 * only through {@code POST /_devstack/schedules/{name}/run}), on a clock that starts now and runs {@link #speed()}
 * times faster than real time. Such a devstack is started for the test class alone and stopped after it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface FiringSchedules {

    /** 120: a {@code rate(1 minute)} schedule fires every half second. */
    long speed() default 1;
}
