package dev.pms.core.channel;

import java.time.LocalDate;
import java.util.List;

/**
 * Channel-level guidance of the catalogue: how the brand voice shifts on the platform, its format rules,
 * engagement patterns and visual hints (Brand DNA adaptation) and its copy framework and tips (channel packs).
 */
public record ChannelProfile(
        Channel channel,
        String platform,
        String toneShift,
        List<String> formatRules,
        List<String> engagementPatterns,
        List<String> visualIdentity,
        CopyFramework copyFramework,
        List<String> optimizationTips,
        String source,
        LocalDate verifiedOn) {

    public ChannelProfile {
        formatRules = List.copyOf(formatRules);
        engagementPatterns = List.copyOf(engagementPatterns);
        visualIdentity = List.copyOf(visualIdentity);
        optimizationTips = List.copyOf(optimizationTips);
    }

    ChannelProfile withChannel(Channel newChannel) {
        return new ChannelProfile(newChannel, platform, toneShift, formatRules, engagementPatterns, visualIdentity,
                copyFramework, optimizationTips, source, verifiedOn);
    }
}
