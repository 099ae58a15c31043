package dev.pms.core.pack;

import dev.pms.core.channel.Channel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One deliverable of a pack as the manifest lists it. {@code width}/{@code height} are the decoded image's size
 * (absent for copy and for an image that could not be decoded); {@code sha256} is absent when the render failed and
 * nothing was packed; {@code visiblePreviews} holds, per copy field with a visible-characters limit, what shows
 * before the platform truncates.
 */
public record PackFile(
        String path,
        Channel channel,
        String placement,
        String assetId,
        Integer width,
        Integer height,
        long bytes,
        String sha256,
        List<PackCheck> checks,
        Map<String, String> visiblePreviews) {

    public PackFile {
        checks = List.copyOf(checks);
        visiblePreviews = visiblePreviews == null || visiblePreviews.isEmpty() ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(visiblePreviews));
    }

    /** True when every check of the file passed. */
    public boolean valid() {
        return checks.stream().allMatch(PackCheck::passed);
    }
}
