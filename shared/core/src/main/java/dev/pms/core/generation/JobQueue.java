package dev.pms.core.generation;

import java.time.Duration;

/** Port of the provider jobs queue (SQS in AWS). */
public interface JobQueue {

    /** Enqueues the message to be delivered no sooner than {@code delay} (at most 15 minutes). */
    void send(JobMessage message, Duration delay);
}
