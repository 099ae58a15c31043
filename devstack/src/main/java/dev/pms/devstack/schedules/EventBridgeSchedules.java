package dev.pms.devstack.schedules;

import dev.pms.devstack.LocalService;
import dev.pms.devstack.LocalServiceFactory;
import dev.pms.devstack.functions.InProcessFunction;
import java.util.List;

/**
 * The template's EventBridge schedules (function events of {@code Type: ScheduleV2} and {@code Type: Schedule}) as a
 * {@link ScheduleRunner}. They fire on their own unless {@code DevstackOptions.automaticSchedules()} is false; they
 * can always be run through {@code POST /_devstack/schedules/{name}/run}.
 */
public final class EventBridgeSchedules implements LocalServiceFactory {

    @Override
    public LocalService start(Context context) {
        List<ScheduleDefinition> definitions = ScheduleDefinition.allOf(
                context.functions().all().values().stream().map(InProcessFunction::definition).toList(),
                context.resolver());
        ScheduleRunner runner = new ScheduleRunner(definitions, context.functions(), context.options().scheduleClock(),
                context.options().automaticSchedules());
        runner.start();
        return runner;
    }
}
