package dev.pms.core.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Independent storage calls of one request or job started together, so that it waits for the slowest of them rather
 * than for their sum (each is a network round trip to DynamoDB or S3, or a CPU-bound step beside one).
 */
public final class ConcurrentCalls {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "concurrent-call-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private ConcurrentCalls() {
    }

    public static <T> CompletableFuture<T> start(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, CALLS);
    }

    /** The call's value, or the exception it threw, as it threw it. */
    public static <T> T await(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
