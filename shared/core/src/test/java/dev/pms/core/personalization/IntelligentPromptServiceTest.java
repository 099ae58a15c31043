package dev.pms.core.personalization;

import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.error.ValidationException;
import dev.pms.core.studio.StudioTemplates;
import dev.pms.core.support.InMemoryBrandProfileRepository;
import dev.pms.core.support.InMemorySignalLog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.pms.core.support.Fixtures.CLOCK;
import static dev.pms.core.support.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntelligentPromptServiceTest {
    private final InMemorySignalLog log = new InMemorySignalLog();
    private final LearningSettings settings = LearningSettings.of(30, 3, 300, 365);
    private final PersonalizationService personalization = new PersonalizationService(log,
            new InMemoryBrandProfileRepository(CLOCK), ChannelCatalog.load(), StudioTemplates.load(), settings, CLOCK);
    private final IntelligentPromptService offline = new IntelligentPromptService(personalization,
            PromptInterpreter.NONE, StudioTemplates.load());

    @Test
    void aStoreRequestBecomesACompleteEcommercePackshotWithHonestInferences() {
        IntelligentPromptService.Body body = offline.infer("alice", new IntelligentPromptRequest("iPhone case for my store", null));

        Map<String, Object> config = body.configuration();
        assertThat(config).containsEntry("product_name", "iPhone case").containsEntry("asset_type", "image")
                .containsEntry("environment", "studio").containsEntry("background_style", "white")
                .containsEntry("lighting", "studio").containsEntry("style", "photorealistic")
                .containsEntry("additional_context", "for my store")
                .containsEntry("template_id", "image-clean-ecommerce")
                .containsKeys("product_description", "brand_colors", "resolution", "num_variations", "angle");
        assertThat(config.get("product_description").toString()).startsWith("iPhone case").contains("online store");
        assertThat(body.inferredFields()).contains("product_description", "asset_type", "brand_colors", "template_id")
                .doesNotContain("product_name", "environment", "background_style");
        assertThat(body.fieldSources().get("environment").source()).isEqualTo("input");
        assertThat(body.fieldSources().get("environment").confidence()).isEqualTo(0.7);
        assertThat(body.fieldSources().get("brand_colors").source()).isEqualTo("brand_dna");
        assertThat(body.confidence()).isBetween(0.4, 0.9);
        assertThat(body.engine()).isEqualTo("offline_parser");
    }

    @Test
    void wordsThatNameValuesAreReadAndNothingElseIs() {
        IntelligentPromptService.Body body = offline.infer("alice", new IntelligentPromptRequest(
                "Create a luxury photo of a gold watch on marble with dramatic lighting, in #112233 and #D4AF37", null));

        assertThat(body.configuration()).containsEntry("product_name", "gold watch")
                .containsEntry("environment", "luxury").containsEntry("lighting", "dramatic")
                .containsEntry("style", "luxury").containsEntry("template_id", "image-luxury-dark")
                .containsEntry("brand_colors", List.of("#112233", "#D4AF37"));
        assertThat(body.inferredFields()).doesNotContain("lighting", "environment", "brand_colors", "product_name");
    }

    @Test
    void videoAnimationAndAvatarRequestsFillTheirOwnForms() {
        assertThat(offline.infer("alice", new IntelligentPromptRequest("a 10 second launch teaser video for our "
                + "new sneakers on tiktok", null)).configuration())
                .containsEntry("asset_type", "video").containsEntry("video_type", "launch").containsEntry("duration", 10)
                .containsEntry("product_name", "new sneakers");
        assertThat(offline.infer("alice", new IntelligentPromptRequest("spin my headphones 360", null)).configuration())
                .containsEntry("asset_type", "animation").containsEntry("animation_type", "rotation")
                .containsEntry("product_name", "headphones");
        assertThat(offline.infer("alice", new IntelligentPromptRequest("smart kettle setup tutorial", "avatar"))
                .configuration()).containsEntry("asset_type", "avatar").containsEntry("explainer_type", "tutorial")
                .containsEntry("product_name", "smart kettle");
    }

    @Test
    void learnedStudioSettingsFillWhatTheWordsLeaveOpen() {
        for (int i = 0; i < 4; i++) {
            log.append("alice", List.of(Signal.studioSettingsSubmitted("product_photoshoot",
                    Map.of("lighting", "soft", "num_variations", 4), NOW)), NOW);
        }

        IntelligentPromptService.Body body = offline.infer("alice", new IntelligentPromptRequest("ceramic mug", null));

        assertThat(body.configuration()).containsEntry("lighting", "soft").containsEntry("num_variations", 4);
        assertThat(body.fieldSources().get("lighting").source()).isEqualTo("learned");
        assertThat(body.fieldSources().get("lighting").note()).isEqualTo("learned from 4 of your 4 photoshoot submissions");
        assertThat(body.inferredFields()).contains("lighting", "num_variations");
        assertThat(offline.infer("bob", new IntelligentPromptRequest("ceramic mug", null)).configuration())
                .as("bob has learned nothing").containsEntry("lighting", "natural");
    }

    @Test
    void aProvidersAnswerIsUsedOnlyWhereItQuotesTheInput() {
        PromptInterpreter provider = (input, type) -> Optional.of(new Interpretation("text_provider", "iPhone case",
                "A slim protective case for the latest iPhone", "for my store", "image",
                Map.of("lighting", new Interpretation.Stated("dramatic", 0.99, "moody light"),
                        "environment", new Interpretation.Stated("studio", 0.99, "my store"),
                        "style", new Interpretation.Stated("cartoon", 0.99, "store")),
                List.of(), List.of()));
        IntelligentPromptService live = new IntelligentPromptService(personalization, provider, StudioTemplates.load());

        IntelligentPromptService.Body body = live.infer("alice", new IntelligentPromptRequest("iPhone case for my store", null));

        assertThat(body.engine()).isEqualTo("text_provider");
        assertThat(body.configuration()).containsEntry("environment", "studio")
                .containsEntry("product_description", "A slim protective case for the latest iPhone");
        assertThat(body.fieldSources().get("environment").confidence()).isEqualTo(0.85);
        assertThat(body.configuration().get("lighting")).as("'moody light' is not in the input").isNotEqualTo("dramatic");
        assertThat(body.configuration().get("style")).as("cartoon is no style").isNotEqualTo("cartoon");
        assertThat(body.inferredFields()).contains("product_description", "lighting", "style");
    }

    @Test
    void theProviderFailingFallsBackToTheParser() {
        IntelligentPromptService live = new IntelligentPromptService(personalization, (input, type) -> Optional.empty(),
                StudioTemplates.load());

        assertThat(live.infer("alice", new IntelligentPromptRequest("iPhone case for my store", null)).engine())
                .isEqualTo("offline_parser");
    }

    @Test
    void aRequestWithoutWordsOrWithAnUnknownAssetTypeIsRefused() {
        assertThatThrownBy(() -> new IntelligentPromptRequest("  ", "hologram"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("user_input is required").hasMessageContaining("asset_type must be one of image");
    }
}
