package dev.pms.devstack.stepfunctions.asl;

import dev.pms.devstack.stepfunctions.TaskRuntime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Runs executions: worker threads for states and task calls, one timer thread for waits, timeouts and back-off. */
public final class StepFunctionsEngine implements AutoCloseable {

    final TaskRuntime runtime;
    final String region;
    final ScheduledThreadPoolExecutor timers;
    final ExecutorService workers;
    /** Task calls (Lambda, SQS) may block, so they get their own unbounded pool. */
    final ExecutorService taskCalls;
    final TaskTokens tokens;
    private final Map<String, ExecutionRun> running = new ConcurrentHashMap<>();
    private volatile Consumer<ExecutionRecord> onEnded = record -> { };
    private volatile NestedExecutions nested;

    public StepFunctionsEngine(TaskRuntime runtime, String region) {
        this.runtime = runtime;
        this.region = region;
        this.timers = new ScheduledThreadPoolExecutor(1, daemonThreads("sfn-timer"));
        this.timers.setRemoveOnCancelPolicy(true);
        ThreadPoolExecutor stateWorkers = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("sfn-worker"));
        stateWorkers.allowCoreThreadTimeOut(true);
        this.workers = stateWorkers;
        this.taskCalls = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemonThreads("sfn-task"));
        this.tokens = new TaskTokens(timers);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public void onEnded(Consumer<ExecutionRecord> listener) {
        this.onEnded = listener;
    }

    public void nestedExecutions(NestedExecutions starter) {
        this.nested = starter;
    }

    NestedExecutions nested() {
        return nested;
    }

    public TaskTokens tokens() {
        return tokens;
    }

    /** Starts (or, for a recovered execution with a journal, resumes) an execution. */
    public void start(ExecutionRecord record, ExecutionJournal journal) {
        ExecutionRun run = new ExecutionRun(this, record, journal);
        running.put(record.executionArn(), run);
        workers.execute(run::start);
    }

    public boolean stop(String executionArn, String error, String cause) {
        ExecutionRun run = running.get(executionArn);
        if (run == null) {
            return false;
        }
        run.stop(error, cause);
        return true;
    }

    /** Called under the record's monitor as it ends, so whoever sees the end also sees it persisted. */
    void recordEnded(ExecutionRecord record) {
        onEnded.accept(record);
    }

    void ended(ExecutionRun run) {
        running.remove(run.record().executionArn());
    }

    @Override
    public void close() {
        timers.shutdownNow();
        workers.shutdownNow();
        taskCalls.shutdownNow();
    }
}
