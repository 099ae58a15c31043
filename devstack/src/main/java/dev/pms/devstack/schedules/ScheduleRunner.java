package dev.pms.devstack.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.devstack.LocalService;
import dev.pms.devstack.functions.FunctionRegistry;
import dev.pms.devstack.functions.InProcessFunction;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the template's EventBridge schedules while the devstack is up: one timer thread waits for each enabled
 * schedule's next fire time and invokes its function in process with the event EventBridge delivers. A failed
 * invocation is retried with doubling backoff ({@link #FIRST_RETRY_DELAY}, at most {@link #LONGEST_RETRY_DELAY},
 * measured on the {@link ScheduleClock}) up to the schedule's {@code MaximumRetryAttempts}, unless the event has
 * outlived {@code MaximumEventAgeInSeconds}. {@link #runNow} invokes a schedule's function at once, whether it is
 * enabled or automatic firing is off.
 */
public final class ScheduleRunner implements LocalService {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);
    static final String THREAD_NAME = "devstack-schedules";
    static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY_DELAY = Duration.ofMinutes(1);
    private static final long STOP_GRACE_SECONDS = 5;

    /** How a run was started. */
    public enum Trigger { SCHEDULE, MANUAL }

    /** One invocation: when, how long, and the function's JSON answer or its error message. */
    public record Run(Trigger trigger, Instant invokedAt, long durationMillis, int attempt, JsonNode result,
                      String error) {
        public boolean succeeded() {
            return error == null;
        }
    }

    /** A schedule with what the runner knows of it now. */
    public record Status(ScheduleDefinition definition, Instant nextFire, Run lastRun) {
    }

    /** A name that several schedules answer to. */
    public static final class AmbiguousScheduleException extends RuntimeException {
        AmbiguousScheduleException(String name, List<ScheduleDefinition> candidates) {
            super("'" + name + "' names " + candidates.size() + " schedules (" + String.join(", ", candidates.stream()
                    .map(candidate -> candidate.functionLogicalId() + "." + candidate.eventName()).toList())
                    + "); use Function.Event");
        }
    }

    private static final class Schedule {
        final ScheduleDefinition definition;
        final InProcessFunction function;
        final Type eventType;
        final AtomicReference<Instant> nextFire = new AtomicReference<>();
        final AtomicReference<Run> lastRun = new AtomicReference<>();

        Schedule(ScheduleDefinition definition, InProcessFunction function) {
            this.definition = definition;
            this.function = function;
            this.eventType = function.eventType();
        }
    }

    private final List<Schedule> schedules;
    private final ScheduleClock clock;
    private final boolean automatic;
    private final Instant started;
    private final ScheduledThreadPoolExecutor timer;

    ScheduleRunner(List<ScheduleDefinition> definitions, FunctionRegistry functions, ScheduleClock clock,
                   boolean automatic) {
        this.schedules = definitions.stream()
                .map(definition -> new Schedule(definition, functions.get(definition.functionLogicalId())))
                .toList();
        this.clock = clock;
        this.automatic = automatic;
        this.started = clock.now().truncatedTo(ChronoUnit.SECONDS);
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        timer.setRemoveOnCancelPolicy(true);
    }

    void start() {
        for (Schedule schedule : schedules) {
            if (automatic && schedule.definition.enabled()) {
                planNext(schedule, started);
            }
            LOG.info("EventBridge schedule {}{}", schedule.definition, !schedule.definition.enabled() ? ""
                    : schedule.nextFire.get() != null ? ", next " + ScheduledEvents.timestamp(schedule.nextFire.get())
                    : automatic ? ", no future fire time" : ", manual runs only (automatic firing is off)");
        }
    }

    @Override
    public String name() {
        return "schedules";
    }

    /** None: schedules are run through {@code /_devstack/schedules}. */
    @Override
    public URI endpoint() {
        return null;
    }

    @Override
    public Map<String, String> functionProperties() {
        return Map.of();
    }

    /** False when only {@link #runNow} runs schedules. */
    public boolean automatic() {
        return automatic;
    }

    public List<Status> statuses() {
        return schedules.stream()
                .map(schedule -> new Status(schedule.definition, schedule.nextFire.get(), schedule.lastRun.get()))
                .toList();
    }

    /**
     * The schedule {@code name} names (event logical id, {@code Name} property or {@code Function.Event}).
     *
     * @throws AmbiguousScheduleException when it names several
     */
    public Optional<ScheduleDefinition> find(String name) {
        List<ScheduleDefinition> matching = schedules.stream().map(schedule -> schedule.definition)
                .filter(definition -> definition.names().contains(name)).toList();
        if (matching.size() <= 1) {
            return matching.stream().findFirst();
        }
        ScheduleDefinition qualified = matching.stream()
                .filter(definition -> (definition.functionLogicalId() + "." + definition.eventName()).equals(name))
                .findFirst().orElseThrow(() -> new AmbiguousScheduleException(name, matching));
        return Optional.of(qualified);
    }

    /** Invokes the schedule's function once, now, on the calling thread; no retries. */
    public Run runNow(ScheduleDefinition definition) {
        Schedule schedule = schedules.stream().filter(candidate -> candidate.definition.equals(definition))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("not a schedule of this runner: " + definition));
        return invoke(schedule, clock.now(), UUID.randomUUID().toString(), 1, Trigger.MANUAL);
    }

    private void planNext(Schedule schedule, Instant after) {
        Instant next = schedule.definition.nextFireAfter(after, started).orElse(null);
        schedule.nextFire.set(next);
        if (next != null) {
            at(next, () -> fire(schedule, next));
        }
    }

    private void fire(Schedule schedule, Instant scheduledTime) {
        Instant now = clock.now();
        planNext(schedule, now.isAfter(scheduledTime) ? now : scheduledTime);
        attempt(schedule, scheduledTime, UUID.randomUUID().toString(), 1);
    }

    private void attempt(Schedule schedule, Instant scheduledTime, String eventId, int attempt) {
        Run run = invoke(schedule, scheduledTime, eventId, attempt, Trigger.SCHEDULE);
        ScheduleDefinition definition = schedule.definition;
        if (run.succeeded()) {
            LOG.info("schedule {} → {}: fired for {}, {} ms{}", definition.name(), definition.functionLogicalId(),
                    ScheduledEvents.timestamp(scheduledTime), run.durationMillis(),
                    attempt > 1 ? " (attempt " + attempt + ")" : "");
            return;
        }
        Duration backoff = retryDelay(attempt);
        boolean tooOld = Duration.between(scheduledTime, clock.now().plus(backoff))
                .compareTo(definition.maximumEventAge()) > 0;
        if (attempt > definition.maximumRetryAttempts() || tooOld) {
            LOG.warn("schedule {} → {}: giving up on the event of {} after {} attempt(s){}: {}", definition.name(),
                    definition.functionLogicalId(), ScheduledEvents.timestamp(scheduledTime), attempt,
                    tooOld ? " (older than MaximumEventAgeInSeconds)" : "", run.error());
            return;
        }
        LOG.warn("schedule {} → {}: attempt {} failed, retrying in {} s: {}", definition.name(),
                definition.functionLogicalId(), attempt, backoff.toSeconds(), run.error());
        at(clock.now().plus(backoff), () -> attempt(schedule, scheduledTime, eventId, attempt + 1));
    }

    static Duration retryDelay(int failedAttempt) {
        Duration delay = FIRST_RETRY_DELAY.multipliedBy(1L << Math.min(failedAttempt - 1, 16));
        return delay.compareTo(LONGEST_RETRY_DELAY) > 0 ? LONGEST_RETRY_DELAY : delay;
    }

    private Run invoke(Schedule schedule, Instant scheduledTime, String eventId, int attempt, Trigger trigger) {
        Instant invokedAt = clock.now();
        long startedNanos = System.nanoTime();
        Run run;
        try {
            JsonNode payload = ScheduledEvents.payload(schedule.definition, scheduledTime, eventId, attempt);
            Object result = schedule.function.invoke(ScheduledEvents.forHandler(payload, schedule.eventType));
            run = new Run(trigger, invokedAt, elapsedMillis(startedNanos), attempt, ScheduledEvents.resultJson(result),
                    null);
        } catch (RuntimeException | Error e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            run = new Run(trigger, invokedAt, elapsedMillis(startedNanos), attempt, null, message);
            if (trigger == Trigger.MANUAL) {
                LOG.warn("schedule {} → {}: manual run failed", schedule.definition.name(),
                        schedule.definition.functionLogicalId(), e);
            } else {
                LOG.debug("schedule {} → {}: attempt {} failed", schedule.definition.name(),
                        schedule.definition.functionLogicalId(), attempt, e);
            }
        }
        schedule.lastRun.set(run);
        return run;
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private void at(Instant when, Runnable task) {
        Duration wait = clock.realTime(Duration.between(clock.now(), when));
        try {
            timer.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.error("schedule timer task failed; the timer keeps running", e);
                }
            }, Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("schedules are stopping; not planning another run");
        }
    }

    /** Drops what is planned; an invocation in progress may finish within its function's Timeout (+5 s). */
    @Override
    public void close() {
        timer.shutdown();
        long longestTimeoutSeconds = schedules.stream()
                .mapToLong(schedule -> schedule.function.definition().timeoutSeconds()).max().orElse(0);
        try {
            if (!timer.awaitTermination(longestTimeoutSeconds + STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("a scheduled invocation did not end in time; interrupting it");
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
