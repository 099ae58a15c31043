package dev.pms.core.studio;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StudioTemplatesTest {
    private final StudioTemplates library = StudioTemplates.load();

    @Test
    void everyCategoryHoldsAtLeastEightTemplatesWithSettingsAndASkeleton() {
        for (String category : StudioTemplates.CATEGORIES) {
            assertThat(library.inCategory(category)).hasSizeGreaterThanOrEqualTo(8);
        }
        assertThat(library.all()).allSatisfy(template -> {
            assertThat(template.settings()).isNotEmpty();
            assertThat(template.promptSkeleton()).contains("{product_name}");
            assertThat(template.route()).startsWith("/products/");
            assertThat(template.goodFor()).isNotEmpty();
        });
        assertThat(library.all().stream().map(StudioTemplate::id).distinct().count()).isEqualTo(library.all().size());
    }

    @Test
    void everyTemplatesSettingsAreValuesItsRouteAccepts() {
        assertThat(library.inCategory(StudioTemplates.PRODUCT_IMAGE)).allSatisfy(template -> {
            assertThat(StudioPresets.ENVIRONMENTS).containsKey((String) template.settings().get("environment"));
            assertThat(StudioPresets.BACKGROUNDS).containsKey((String) template.settings().get("background_style"));
            assertThat(StudioPresets.LIGHTING).containsKey((String) template.settings().get("lighting"));
            assertThat(StudioPresets.STYLES).containsKey((String) template.settings().get("style"));
            assertThat((Integer) template.settings().get("num_variations")).isBetween(1, StudioPresets.MAX_VARIATIONS);
        });
        assertThat(library.inCategory(StudioTemplates.PRODUCT_AVATAR)).allSatisfy(template -> {
            assertThat(StudioPresets.EXPLAINER_TYPES).containsKey((String) template.settings().get("explainer_type"));
            assertThat(StudioPresets.AVATAR_RESOLUTIONS).contains((String) template.settings().get("resolution"));
            assertThat(template.scriptSkeleton()).isNotBlank();
        });
    }

    @Test
    void applyingFillsTheSkeletonsWithTheProductsFacts() {
        StudioTemplate template = library.find("video-demo-walkthrough").orElseThrow();
        Map<String, Object> configuration = StudioTemplates.configuration(template, "Aurora Bottle", "Keeps drinks cold");
        assertThat(configuration).containsEntry("video_type", "demo").containsEntry("product_name", "Aurora Bottle");
        assertThat((String) configuration.get("script_text")).isEqualTo(
                "Meet Aurora Bottle. Keeps drinks cold. See how it works, then try it yourself.");
        Map<String, Object> bare = StudioTemplates.configuration(template, "Aurora Bottle", null);
        assertThat((String) bare.get("additional_context")).isEqualTo("A clear product demo of Aurora Bottle");
        assertThat((String) bare.get("script_text")).doesNotContain("{").doesNotContain("  ");
    }
}
