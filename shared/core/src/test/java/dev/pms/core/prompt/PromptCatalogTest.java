package dev.pms.core.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.BlueprintPlanner;
import dev.pms.core.campaign.Goal;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.Phase;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.Placement;
import dev.pms.core.json.Json;
import dev.pms.core.pricing.QualityTier;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.pms.core.prompt.PromptFixtures.AURORA;
import static dev.pms.core.prompt.PromptFixtures.BRAND;
import static dev.pms.core.prompt.PromptFixtures.BUILDER;
import static dev.pms.core.prompt.PromptFixtures.CHANNELS;
import static dev.pms.core.prompt.PromptFixtures.inputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptCatalogTest {
    private final PromptCatalog catalog = PromptCatalog.load();

    @Test
    void everyAssetTypeHasADefaultTemplateAndSeveralHookAngles() {
        assertThat(catalog.version()).isNotBlank();
        for (AssetType type : AssetType.values()) {
            assertThat(catalog.templates().get(type)).as(type.code()).containsKey(PromptCatalog.DEFAULT_CHANNEL);
            assertThat(catalog.hookAngles(type)).as(type.code()).hasSizeGreaterThanOrEqualTo(2);
        }
        assertThat(catalog).isSameAs(PromptCatalog.load());
    }

    @Test
    void everySlotOfEveryTemplateIsFilledByTheBuilder() {
        List<String> unfilled = new ArrayList<>();
        catalog.templates().forEach((type, byChannel) -> byChannel.forEach((channelKey, template) -> {
            Channel channel = channelKey.equals(PromptCatalog.DEFAULT_CHANNEL)
                    ? channelWithoutOwnTemplate(byChannel.keySet()) : Channel.parse(channelKey).orElseThrow();
            BuiltPrompt built = BUILDER.build(inputs(nodeOn(type, channel), BRAND, AURORA, QualityTier.STANDARD, 0, Map.of()));
            assertThat(built.templateId()).isEqualTo(template.id());
            for (PromptSlot slot : PromptCatalog.slotsOf(template)) {
                if (!built.provenance().containsKey(slot.code())) {
                    unfilled.add(template.id() + ":" + slot.code());
                }
            }
            assertThat(built.prompt()).as(template.id()).doesNotContainPattern("\\{[a-z_]+}");
        }));
        assertThat(unfilled).isEmpty();
    }

    @Test
    void everyPhaseThePlannerSchedulesHasPurposeWording() {
        BlueprintPlanner planner = new BlueprintPlanner(CHANNELS);
        for (Goal goal : Goal.values()) {
            for (Phase phase : planner.schedule(goal, null, null, LocalDate.of(2026, 12, 1))) {
                assertThat(catalog.phase(phase.name())).as(goal.code() + "/" + phase.name()).isPresent();
            }
        }
    }

    @Test
    void rejectsATemplateWithAnUnknownSlot() throws IOException {
        JsonNode root = bundled();
        ((ObjectNode) root.path("templates").path("image").path("default")).put("text", "A {mood} picture of {hook}");

        assertThatThrownBy(() -> PromptCatalog.parse(root))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{mood}");
    }

    @Test
    void rejectsACatalogueWithoutADefaultTemplateForAnAssetType() throws IOException {
        JsonNode root = bundled();
        ((ObjectNode) root.path("templates").path("audio")).remove("default");

        assertThatThrownBy(() -> PromptCatalog.parse(root))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no default template for audio");
    }

    @Test
    void rejectsAHookWithAPlaceholderOtherThanTheProductName() throws IOException {
        JsonNode root = bundled();
        ((ObjectNode) root.path("hook_angles").path("text").get(0)).put("hook", "Ask about {tone}");

        assertThatThrownBy(() -> PromptCatalog.parse(root))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{tone}");
    }

    private static JsonNode bundled() throws IOException {
        try (InputStream in = PromptCatalog.class.getResourceAsStream("/prompt-catalog.json")) {
            return Json.mapper().readTree(in);
        }
    }

    private static Channel channelWithoutOwnTemplate(Set<String> channelsWithTemplates) {
        for (Channel channel : Channel.values()) {
            if (!channelsWithTemplates.contains(channel.code())) {
                return channel;
            }
        }
        throw new IllegalStateException("every channel has its own template");
    }

    /** A node of the type on the channel, on a placement of that type when the channel has one. */
    private static AssetNode nodeOn(AssetType type, Channel channel) {
        List<Placement> placements = CHANNELS.placements(channel);
        Placement placement = placements.stream().filter(p -> p.assetType() == type).findFirst()
                .orElse(placements.get(0));
        return new AssetNode("a1", type, channel, "launch", placement.key(), "Node", NodeStatus.PLANNED,
                LocalDate.of(2026, 12, 10), List.of());
    }
}
