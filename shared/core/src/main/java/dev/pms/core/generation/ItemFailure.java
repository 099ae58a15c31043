package dev.pms.core.generation;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A Map item whose job failed for good: the item and the workflow's error (its name and cause,
 * as a Catch's {@code ResultPath} puts them: {@code {"Error", "Cause"}}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ItemFailure(String userId, String assetLibraryId, String assetId, Failure failure) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Failure(@JsonAlias("Error") String error, @JsonAlias("Cause") String cause) {
    }
}
