package dev.pms.core.generation;

import dev.pms.core.channel.AssetType;

/** Port of one AI provider (or an offline engine) that makes assets of some types. */
public interface MediaProvider {

    /** The provider name used in proposals and the price table, e.g. {@code wavespeed} or {@code offline}. */
    String name();

    boolean supports(AssetType type);

    ProviderJob submit(GenerationRequest request);

    /** Asks a long job for news; only called with a handle {@link #submit} returned as {@link ProviderJob.Pending}. */
    ProviderJob poll(String handle);
}
