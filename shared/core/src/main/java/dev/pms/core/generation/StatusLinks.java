package dev.pms.core.generation;

/** Where a client polls what is still being made; the API edge knows its own routes. */
public interface StatusLinks {

    /** The status of a campaign's generation run. */
    String generationRun(String campaignId);

    /** One asset of the library. */
    String asset(String assetLibraryId);
}
