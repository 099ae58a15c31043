package dev.pms.functions.studio;

import dev.pms.core.studio.StudioJob;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A studio job in the shapes the SPA's studio screens read. */
final class StudioAnswers {

    private StudioAnswers() {
    }

    static Map<String, Object> body(StudioJob job) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean ready = job.status() == StudioJob.Status.READY;
        body.put("success", true);
        body.put("job_id", job.jobId());
        body.put("status", job.status().code());
        if (!ready) {
            body.put("poll_url", job.pollUrl());
        }
        body.put("product_name", job.productName());
        body.put("asset_id", job.variations().stream().filter(v -> v.url() != null).findFirst()
                .orElse(job.variations().get(0)).assetId());
        String preset = job.preset();
        switch (job.operation()) {
            case PHOTOSHOOT -> {
                body.put("image_url", job.url());
                List<Map<String, Object>> variations = new ArrayList<>();
                job.variations().forEach(variation -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("asset_id", variation.assetId());
                    item.put("status", variation.status());
                    item.put("image_url", variation.url());
                    item.put("width", variation.width());
                    item.put("height", variation.height());
                    if (variation.error() != null) {
                        item.put("error", variation.error());
                    }
                    variations.add(item);
                });
                body.put("variations", variations);
                body.put("image_urls", job.variations().stream().map(StudioJob.Variation::url)
                        .filter(Objects::nonNull).toList());
                body.put("resolution", job.resolution());
            }
            case ANIMATE -> video(body, job, "animation_type", preset);
            case PRODUCT_VIDEO -> video(body, job, "video_type", preset);
            case AVATAR_EXPLAINER -> video(body, job, "explainer_type", preset);
        }
        body.put("provider", job.provider());
        body.put("model", job.model());
        body.put("cost", job.cost().setScale(4, RoundingMode.HALF_UP).stripTrailingZeros());
        body.put("generation_time", BigDecimal.valueOf(job.generationSeconds()).setScale(2, RoundingMode.HALF_UP));
        return body;
    }

    private static void video(Map<String, Object> body, StudioJob job, String presetField, String preset) {
        body.put("video_url", job.url());
        body.put(presetField, preset);
        body.put("resolution", job.resolution());
        StudioJob.Variation made = job.variations().get(0);
        if (made.width() != null) {
            body.put("width", made.width());
            body.put("height", made.height());
        }
        Double seconds = job.mediaSeconds() != null ? job.mediaSeconds()
                : job.requestedSeconds() > 0 ? Double.valueOf(job.requestedSeconds()) : null;
        body.put("duration", seconds == null ? null
                : BigDecimal.valueOf(seconds).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros());
    }
}
