package dev.pms.core.personalization;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link PreferenceSignals} on a {@link SignalLog}: each signal is stored with an expiry of the retention period
 * after now. A store failure is logged (kinds only, never attributes) and swallowed: learning is best effort and must
 * never fail the request that produced the signal.
 *
 * <p>{@link #inBackground} writes on one background thread, so a service records a signal as soon as the user's action
 * is validated and its write runs beside the request's own writes; at the end of the request
 * {@link #awaitRecorded()} waits for it at most {@code maxWait}. A write still running then finishes in the
 * background (in Lambda, when the environment next runs; a write that times out meanwhile is logged as lost). Every
 * signal's sort key is fixed before it is sent, so a retried write stores the same item.
 */
public final class RecordedSignals implements PreferenceSignals {
    private static final System.Logger LOG = System.getLogger(RecordedSignals.class.getName());
    /** Signals waiting to be written at most; beyond this a signal is dropped (and logged), never the request. */
    static final int MAX_QUEUED = 1_000;

    private final SignalLog log;
    private final LearningSettings settings;
    private final Clock clock;
    private final Executor writer;
    private final Duration maxWait;
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();

    /** Writes each signal on the caller's thread before returning. */
    public RecordedSignals(SignalLog log, LearningSettings settings, Clock clock) {
        this(log, settings, clock, Runnable::run, Duration.ZERO);
    }

    RecordedSignals(SignalLog log, LearningSettings settings, Clock clock, Executor writer, Duration maxWait) {
        this.log = Objects.requireNonNull(log, "log");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
    }

    /** Writes on one background daemon thread; {@link #awaitRecorded()} waits at most {@code maxWait} for them. */
    public static RecordedSignals inBackground(SignalLog log, LearningSettings settings, Clock clock, Duration maxWait) {
        ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED), runnable -> {
                    Thread thread = new Thread(runnable, "preference-signals");
                    thread.setDaemon(true);
                    return thread;
                });
        writer.allowCoreThreadTimeOut(true);
        return new RecordedSignals(log, settings, clock, writer, maxWait);
    }

    @Override
    public void record(String userId, Signal signal) {
        recordAll(userId, List.of(signal));
    }

    @Override
    public void recordAll(String userId, List<Signal> signals) {
        if (userId == null || userId.isBlank() || signals == null || signals.isEmpty()) {
            return;
        }
        List<Signal> batch = List.copyOf(signals);
        try {
            CompletableFuture<Void> write = CompletableFuture.runAsync(() -> write(userId, batch), writer);
            synchronized (pending) {
                pending.removeIf(CompletableFuture::isDone);
                pending.add(write);
            }
        } catch (RejectedExecutionException full) {
            LOG.log(System.Logger.Level.WARNING, "dropped " + batch.size() + " preference signal(s): "
                    + MAX_QUEUED + " are already waiting to be written");
        }
    }

    @Override
    public void awaitRecorded() {
        List<CompletableFuture<Void>> writes;
        synchronized (pending) {
            writes = new ArrayList<>(pending);
            pending.clear();
        }
        if (writes.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slow) {
            LOG.log(System.Logger.Level.DEBUG, "preference signals still being written after " + maxWait.toMillis()
                    + " ms; they finish in the background");
        } catch (ExecutionException | RuntimeException unexpected) {
            LOG.log(System.Logger.Level.WARNING, "waiting for preference signals failed: "
                    + unexpected.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(String userId, List<Signal> signals) {
        try {
            log.append(userId, signals, clock.instant().plus(settings.retention()));
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "could not record " + signals.size() + " preference signal(s) "
                    + signals.stream().map(s -> s.kind().code()).distinct().toList() + "; the request goes on: "
                    + failure.getClass().getSimpleName());
        }
    }
}
