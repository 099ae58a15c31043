package dev.pms.core.observability;

import java.math.BigDecimal;

/**
 * The business metrics operators watch (one namespace, few dimensions): what the providers made and failed, how long
 * they took and what it cost, what the plan refused, redelivered jobs, audit verdicts and studio jobs. The adapter
 * decides where they go (CloudWatch embedded metric format in Lambda); {@link #NONE} records nothing.
 */
public interface OperationalMetrics {

    OperationalMetrics NONE = new OperationalMetrics() {
    };

    /** An asset was stored: its type ({@code image}, {@code text}, …), the provider that made it, time and cost. */
    default void assetGenerated(String assetType, String provider, long latencyMillis, BigDecimal costUsd) {
    }

    /** An asset ended failed (after its retries). */
    default void assetFailed(String assetType, String provider) {
    }

    /** A reservation against the user's plan was refused ({@code source}: workflow, api, …). */
    default void reservationRefused(String source) {
    }

    /** A provider job came back from the queue after a failed attempt (toward the dead-letter queue). */
    default void jobRedriven() {
    }

    /** An image audit ended with this verdict ({@code usable}, {@code enhance}, {@code replace}, …). */
    default void auditVerdict(String verdict) {
    }

    /** A product studio job was accepted ({@code kind}: photoshoot, animate, video, avatar). */
    default void studioJob(String kind) {
    }
}
