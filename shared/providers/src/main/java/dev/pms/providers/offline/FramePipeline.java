package dev.pms.providers.offline;

import org.jcodec.common.model.Picture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Paints and converts the next frames on a second thread while the calling thread encodes, so that on two cores
 * painting costs no wall time. Frames reach the sink in order, whatever thread made them.
 */
final class FramePipeline {
    private static final int FRAMES_AHEAD = 2;

    /** Takes frame {@code index}, in order. */
    @FunctionalInterface
    interface Sink {
        void accept(int index, Picture picture) throws IOException;
    }

    private FramePipeline() {
    }

    static void run(int frames, IntFunction<Picture> painter, Sink sink) throws IOException {
        BlockingQueue<Picture> ready = new ArrayBlockingQueue<>(FRAMES_AHEAD);
        ExecutorService painterThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "offline-video-painter");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<?> painting = painterThread.submit(() -> {
                for (int i = 0; i < frames; i++) {
                    ready.put(painter.apply(i));
                }
                return null;
            });
            for (int i = 0; i < frames; i++) {
                sink.accept(i, next(ready, painting));
            }
        } finally {
            painterThread.shutdownNow();
        }
    }

    private static Picture next(BlockingQueue<Picture> ready, Future<?> painting) throws IOException {
        try {
            while (true) {
                Picture picture = ready.poll(50, TimeUnit.MILLISECONDS);
                if (picture != null) {
                    return picture;
                }
                if (painting.isDone()) {
                    painting.get();
                    picture = ready.poll();
                    if (picture == null) {
                        throw new IllegalStateException("the painter stopped before the last frame");
                    }
                    return picture;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a painted frame", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new UncheckedIOException(new IOException("painting a frame failed", cause));
        }
    }
}
