package dev.pms.core.studio;

import dev.pms.core.generation.StudioBrief.Operation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A studio call's state: running (answer 202 and poll), ready (the media's URLs, what it cost and how long it took) or
 * failed (why; every reservation was given back). {@code url} is the first ready variation's download URL.
 */
public record StudioJob(String jobId, Status status, Operation operation, String preset, String productName,
                        String resolution, int requestedSeconds, List<Variation> variations, String url,
                        String provider, String model, BigDecimal cost, double generationSeconds,
                        Double mediaSeconds, String error, String pollUrl) {

    public enum Status {
        RUNNING, READY, FAILED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One asset the call made (a photoshoot makes one per variation). */
    public record Variation(String assetId, String status, String url, Integer width, Integer height,
                            Double durationSeconds, Long bytes, String error) {
    }

    public StudioJob {
        variations = List.copyOf(variations);
    }
}
