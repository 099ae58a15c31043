package dev.pms.core.generation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Independent storage reads of one request started together, so that the request waits for the slowest of them
 * rather than for their sum (each is a network round trip to DynamoDB or S3).
 */
final class ConcurrentReads {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService READS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "concurrent-read-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private ConcurrentReads() {
    }

    static <T> CompletableFuture<T> start(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, READS);
    }

    /** The read's value, or the exception it threw, as it threw it. */
    static <T> T await(CompletableFuture<T> read) {
        try {
            return read.join();
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
