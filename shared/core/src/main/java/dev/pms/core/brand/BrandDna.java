package dev.pms.core.brand;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Hashtags;
import dev.pms.core.channel.SafeZone;
import dev.pms.core.channel.TextField;
import dev.pms.core.channel.VideoLimits;

import java.util.List;
import java.util.Map;

/**
 * The Brand DNA token: the five parts of the API contract, plus where it came from ({@code source} is
 * {@value #SOURCE_PROFILE} or {@value #SOURCE_DEFAULTS}), the vocabulary and forbidden phrases, and the paths of
 * the fields that fell back to defaults.
 */
public record BrandDna(
        WritingStyle writingStyle,
        TargetAudience targetAudience,
        VisualIdentity visualIdentity,
        Persona persona,
        CompetitivePositioning competitivePositioning,
        String source,
        Long profileVersion,
        Vocabulary vocabulary,
        List<String> forbiddenPhrases,
        List<String> defaultedFields) {

    public static final String SOURCE_PROFILE = "profile";
    public static final String SOURCE_DEFAULTS = "defaults";

    public record WritingStyle(String tone, String voice, String complexity, String engagementLevel) {
    }

    public record TargetAudience(List<String> demographics, String industryFocus, String expertiseLevel) {
    }

    public record VisualIdentity(List<String> colorPalette, List<String> brandValues, String positioning,
                                 Map<String, Object> styleGuidelines) {
    }

    public record Persona(String personaName, String archetype, String coreBelief, String linguisticFingerprint,
                          Map<String, Map<String, Object>> platformPersonas) {
    }

    public record CompetitivePositioning(List<String> differentiators, List<String> uniqueValueProps,
                                         String marketPosition, List<CompetitorInsight> competitorInsights) {
    }

    public record CompetitorInsight(String competitor, String insight) {
    }

    public record Vocabulary(List<String> preferred, List<String> avoid) {
    }

    /** Body of {@code GET /brand-dna}. */
    public record Body(BrandDna brandDna) {
    }

    /** Body of {@code GET /brand-dna/channel/{channel}}; {@code channel} is the canonical code. */
    public record ChannelBody(String channel, ForChannel brandDna) {
    }

    /** The DNA with its adaptation to one channel. */
    public record ForChannel(@JsonUnwrapped BrandDna dna, PlatformAdaptation platformAdaptation) {
    }

    /**
     * How the DNA shifts on one channel. {@code platformPersona} is the profile's persona for the channel, absent
     * when the profile has none.
     */
    public record PlatformAdaptation(String platform, String tone, ContentFormatRules contentFormatRules,
                                     EngagementPatterns engagementPatterns, ChannelVisualIdentity visualIdentity,
                                     Map<String, Object> platformPersona) {
    }

    public record ContentFormatRules(String toneShift, List<String> rules, List<PlacementRule> placements) {
    }

    /** The numeric limits of one placement; parts that do not apply are absent. */
    public record PlacementRule(String placement, AssetType assetType, String dimensions, String aspectRatio,
                                SafeZone safeZone, List<TextField> textFields, Hashtags hashtags, VideoLimits video) {
    }

    public record EngagementPatterns(List<String> patterns, String copyFramework, List<String> copyStructure,
                                     String ctaStyle, List<String> optimizationTips) {
    }

    public record ChannelVisualIdentity(List<String> hints, List<String> colorPalette, Map<String, Object> styleGuidelines) {
    }
}
