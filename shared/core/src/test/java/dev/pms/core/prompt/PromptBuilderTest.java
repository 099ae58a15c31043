package dev.pms.core.prompt;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.pricing.QualityTier;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.pms.core.prompt.PromptFixtures.AURORA;
import static dev.pms.core.prompt.PromptFixtures.BRAND;
import static dev.pms.core.prompt.PromptFixtures.BUILDER;
import static dev.pms.core.prompt.PromptFixtures.DEFAULT_BRAND;
import static dev.pms.core.prompt.PromptFixtures.build;
import static dev.pms.core.prompt.PromptFixtures.inputs;
import static dev.pms.core.prompt.PromptFixtures.node;
import static org.assertj.core.api.Assertions.assertThat;

class PromptBuilderTest {

    @Test
    void teaserLaunchAndNurturePromptsDiffer() {
        BuiltPrompt teaser = build(AssetType.IMAGE, "instagram/feed_portrait", "teaser");
        BuiltPrompt launch = build(AssetType.IMAGE, "instagram/feed_portrait", "launch");
        BuiltPrompt nurture = build(AssetType.IMAGE, "instagram/feed_portrait", "nurture");

        assertThat(teaser.prompt()).contains("Teaser: build anticipation", "no price", "Join the waiting list");
        assertThat(launch.prompt()).contains("Launch: announce the product", "Get yours today");
        assertThat(nurture.prompt()).contains("Nurture: turn launch interest", "See what customers say");
        assertThat(List.of(teaser.prompt(), launch.prompt(), nurture.prompt())).doesNotHaveDuplicates();
        assertThat(teaser.conceptSummary()).startsWith("Teaser image for Instagram feed_portrait (1080x1350)");
        assertThat(teaser.provenance()).containsEntry("phase_purpose", "prompt_catalog.phases.teaser.purpose");
    }

    @Test
    void forbiddenPhrasesNeverReachThePromptButTheModelIsToldToAvoidThem() {
        Map<String, Object> product = Map.of(
                "product_name", "Aurora Miracle",
                "product_description", "A MIRACLE lamp, risk-free for 30 days; mirmiracleacle light",
                "features", List.of("risk-free returns", "daylight colour"));
        for (AssetType type : AssetType.values()) {
            String placement = type == AssetType.TEXT ? "instagram/caption" : "instagram/story";
            BuiltPrompt built = BUILDER.build(inputs(node(type, placement, "launch"), BRAND, product,
                    QualityTier.STANDARD, 0, Map.of()));

            for (String text : List.of(built.prompt(), built.hook(), built.conceptSummary())) {
                assertThat(text.toLowerCase(Locale.ROOT)).as(type.code()).doesNotContain("miracle", "risk-free");
            }
            assertThat(built.prompt()).contains("Never use the brand's forbidden phrases",
                    "\"m·i·r·a·c·l·e\"", "\"r·i·s·k·-·f·r·e·e\"", "daylight colour");
            assertThat(built.provenance().get("product_facts")).endsWith("(forbidden phrase removed)");
        }
    }

    @Test
    void provenanceNamesTheInputsThatFilledEachSlot() {
        BuiltPrompt built = build(AssetType.TEXT, "instagram/caption", "launch");

        PromptCatalog.Template template = PromptCatalog.load().template(AssetType.TEXT, Channel.INSTAGRAM);
        assertThat(built.provenance()).containsOnlyKeys(PromptCatalog.slotsOf(template).stream().map(PromptSlot::code).toList())
                .doesNotContainKeys("palette", "safe_zone");
        assertThat(built.provenance())
                .containsEntry("tone", "brand_dna.writing_style.tone (profile) + channel_catalog.instagram.tone_shift"
                        + " + brand_dna.persona.platform_personas.instagram.tone (profile)")
                .containsEntry("research", "brand_profile.research_preferences.research_depth (comprehensive)")
                .containsEntry("product_facts", "product_context.product_name + product_context.product_description"
                        + " + product_context.features + product_context.price")
                .containsEntry("contrast", "brand_dna.competitive_positioning.competitor_insights (profile)"
                        + " + brand_dna.competitive_positioning.differentiators (profile)")
                .containsEntry("hook", "prompt_catalog.hook_angles.text[0] (question)")
                .containsEntry("text_limits", "channel_catalog.placements.instagram/caption.text_fields + hashtags");
        assertThat(built.prompt()).contains("calm and precise", "playful and bright", "contrast vs GlowCo",
                "daylight-accurate colour", "remote workers", "prefer focus, calm; avoid synergy",
                "price: 89.00", "features: circadian light, app control", "ground every claim");
    }

    @Test
    void aBrandWithoutProfileSaysSoAndMakesNoCompetitorContrast() {
        BuiltPrompt built = BUILDER.build(inputs(node(AssetType.TEXT, "instagram/caption", "launch"),
                DEFAULT_BRAND, Map.of(), QualityTier.STANDARD, 0, Map.of()));

        assertThat(built.provenance().get("tone")).startsWith("brand_dna.writing_style.tone (defaults)");
        assertThat(built.provenance().get("research")).contains("no preference on file");
        assertThat(built.provenance()).containsEntry("product_facts", "product_context (empty)")
                .containsEntry("focal_subject", "asset_node.title (no product facts given)");
        assertThat(built.prompt()).doesNotContain("contrast vs").contains("invent no specifics");
    }

    @Test
    void visualPromptsCarryTheExactSizeAndSafeZoneOfThePlacement() {
        BuiltPrompt feed = build(AssetType.IMAGE, "instagram/feed_portrait", "launch");
        BuiltPrompt story = build(AssetType.IMAGE, "instagram/story", "launch");
        BuiltPrompt reel = build(AssetType.VIDEO, "tiktok/video", "launch");

        assertThat(feed.prompt()).contains("1080x1350 px (4:5)", "left 3.1%, right 3.1%");
        assertThat(story.prompt()).contains("1080x1920 px (9:16)",
                "keep text, logos and faces out of the top 14%, bottom 20%, left 6%, right 6%");
        assertThat(reel.prompt()).contains("Produce a 5-second TikTok video", "bottom 35%");
        assertThat(feed.provenance()).containsEntry("placement_size",
                "channel_catalog.placements.instagram/feed_portrait.canvas");
    }

    @Test
    void copyPromptsCarryTheFieldLimitsOfThePlacement() {
        assertThat(build(AssetType.TEXT, "instagram/caption", "launch").prompt())
                .contains("caption ≤ 2,200 chars (first 125 visible), ≤ 5 hashtags (3 recommended)");
        assertThat(build(AssetType.TEXT, "email/copy", "launch").prompt())
                .contains("subject ≤ 60 chars (aim for ≤ 50)", "preheader ≤ 100 chars (at least 40)",
                        "body with no hard length limit", "no hashtags");
        assertThat(build(AssetType.TEXT, "google_ads/search_copy", "launch").prompt())
                .contains("headline ≤ 30 chars (3 to 15 of them)");
    }

    @Test
    void theQualityTierPicksItsWordingAndModel() {
        AssetNode node = node(AssetType.IMAGE, "instagram/feed_portrait", "launch");
        BuiltPrompt draft = BUILDER.build(inputs(node, BRAND, AURORA, QualityTier.DRAFT, 0, Map.of()));
        BuiltPrompt premium = BUILDER.build(inputs(node, BRAND, AURORA, QualityTier.PREMIUM, 0, Map.of()));

        assertThat(draft.prompt()).contains("draft: a quick, simple concept", "wavespeed/qwen-image");
        assertThat(premium.prompt()).contains("premium: flagship finish", "wavespeed/ideogram-v3-turbo");
        assertThat(premium.provenance()).containsEntry("quality", "quality_tier premium -> ideogram-v3-turbo");
    }

    @Test
    void eachAngleIndexGivesAnotherHookAndTheIndexWrapsAround() {
        AssetNode node = node(AssetType.IMAGE, "instagram/feed_portrait", "launch");
        int angles = PromptCatalog.load().hookAngles(AssetType.IMAGE).size();
        List<BuiltPrompt> built = IntStream.range(0, angles)
                .mapToObj(i -> BUILDER.build(inputs(node, BRAND, AURORA, QualityTier.STANDARD, i, Map.of()))).toList();

        assertThat(built).extracting(BuiltPrompt::hook).doesNotHaveDuplicates();
        assertThat(built).extracting(BuiltPrompt::angle).doesNotHaveDuplicates();
        assertThat(built.get(1).hook()).contains("Aurora");
        BuiltPrompt wrapped = BUILDER.build(inputs(node, BRAND, AURORA, QualityTier.STANDARD, angles + 1, Map.of()));
        assertThat(wrapped.hook()).isEqualTo(built.get(1).hook());
        assertThat(wrapped.angleIndex()).isEqualTo(1);
    }

    @Test
    void userSettingsOverrideTheirSlotsAndAreScrubbedToo() {
        BuiltPrompt built = BUILDER.build(inputs(node(AssetType.IMAGE, "instagram/feed_portrait", "launch"), BRAND,
                AURORA, QualityTier.STANDARD, 0, Map.of(PromptSlot.CTA, "Pre-order now, risk-free",
                        PromptSlot.FOCAL_SUBJECT, "the lamp on a walnut desk")));

        assertThat(built.prompt()).contains("Pre-order now,", "Focal subject: the lamp on a walnut desk")
                .doesNotContain("risk-free");
        assertThat(built.provenance()).containsEntry("focal_subject", "settings.focal_subject (user)")
                .containsEntry("cta", "settings.cta (user) (forbidden phrase removed)");
    }
}
