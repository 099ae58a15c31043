package dev.pms.core.generation;

import dev.pms.core.asset.AssetRecord;

import java.util.Map;

/**
 * Provider jobs that belong to no campaign node — product-studio assets, inventory fixes and channel variants. Each kind
 * keeps what its request needs in the asset record's details, rebuilds the request for every attempt, keeps its
 * lineage on the finished record, and moves no node; the worker runs them like any other job (reservation, storage,
 * one conditional completion, retries).
 */
public interface DetachedJobs {

    /** Whether the record is one of this kind's jobs. */
    boolean owns(AssetRecord asset);

    /** Whether the job's input exists yet (false: the worker looks again a little later). */
    default boolean inputReady(String userId, AssetRecord asset) {
        return true;
    }

    /**
     * The provider request of the record's next attempt.
     *
     * @throws IllegalStateException when the job cannot run (its input is gone); the message is the failure reason
     */
    GenerationRequest request(String userId, AssetRecord asset, String providerName);

    /** The details the finished record keeps from the open one (its source and lineage). */
    Map<String, Object> keptDetails(AssetRecord asset);

    /** Called once the record became final ({@code ready}, or {@code failed} with its reason). */
    default void finished(String userId, AssetRecord asset) {
    }
}
