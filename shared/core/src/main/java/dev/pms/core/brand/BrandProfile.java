package dev.pms.core.brand;

import dev.pms.core.channel.Channel;

import java.util.List;
import java.util.Map;

/** The caller's onboarding inputs, as accepted by {@code PUT /brand-profile} (all parts optional). */
public record BrandProfile(
        WebsiteAnalysis websiteAnalysis,
        PersonaData personaData,
        ResearchPreferences researchPreferences,
        List<CompetitorAnalysis> competitorAnalyses,
        List<String> colorPalette,
        Vocabulary vocabulary,
        List<String> forbiddenPhrases) {

    public record WebsiteAnalysis(
            String websiteUrl,
            WritingStyle writingStyle,
            TargetAudience targetAudience,
            Map<String, Object> brandAnalysis,
            Map<String, Object> styleGuidelines,
            String contentType) {
    }

    public record WritingStyle(String tone, String voice, String complexity, String engagementLevel) {
    }

    public record TargetAudience(List<String> demographics, String industryFocus, String expertiseLevel) {
    }

    public record PersonaData(
            CorePersona corePersona,
            Map<String, Map<String, Object>> platformPersonas,
            List<Channel> selectedPlatforms) {
    }

    /** {@code avatarUploadId}: an image the user uploaded ({@code POST /uploads}) that pictures the persona; may be null. */
    public record CorePersona(String personaName, String archetype, String coreBelief, String linguisticFingerprint,
                              String avatarUploadId) {
    }

    public record ResearchPreferences(
            String researchDepth, List<String> contentTypes, Boolean autoResearch, Boolean factualContent) {
    }

    public record CompetitorAnalysis(String competitorUrl, Map<String, Object> analysisData) {
    }

    public record Vocabulary(List<String> preferred, List<String> avoid) {
    }
}
