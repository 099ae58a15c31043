package dev.pms.core.personalization;

import dev.pms.core.campaign.Goal;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PreferenceDeriverTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final LearningSettings SETTINGS = LearningSettings.of(30, 3, 300, 365);
    private final PreferenceDeriver deriver = new PreferenceDeriver(SETTINGS);

    @Test
    void nothingIsLearnedFromFewerThanTheMinimumOfEvents() {
        List<Signal> two = List.of(blueprint(1, Goal.AWARENESS, Channel.TIKTOK), blueprint(2, Goal.AWARENESS, Channel.TIKTOK));

        LearnedPreferences learned = deriver.derive(two, NOW);

        assertThat(learned.channels()).isNull();
        assertThat(learned.goal()).isNull();
        assertThat(learned.history().events()).isEqualTo(2);
        assertThat(learned.history().byKind()).containsEntry("blueprint_created", 2);
    }

    @Test
    void theMinimumIsConfigurable() {
        List<Signal> two = List.of(blueprint(1, Goal.AWARENESS, Channel.TIKTOK), blueprint(2, Goal.AWARENESS, Channel.TIKTOK));

        LearnedPreferences learned = new PreferenceDeriver(LearningSettings.of(30, 2, 300, 365)).derive(two, NOW);

        assertThat(learned.channels().value()).containsExactly("tiktok");
        assertThat(learned.goal().value()).isEqualTo("awareness");
    }

    @Test
    void channelsPickedInMostBlueprintsAreLearnedWithTheirEvidence() {
        List<Signal> signals = new ArrayList<>();
        for (int day = 1; day <= 10; day++) {
            signals.add(day % 5 == 0 ? blueprint(day, Goal.PRODUCT_LAUNCH, Channel.INSTAGRAM, Channel.LINKEDIN)
                    : blueprint(day, Goal.PRODUCT_LAUNCH, Channel.INSTAGRAM, Channel.TIKTOK));
        }

        Learned<List<String>> channels = deriver.derive(signals, NOW).channels();

        assertThat(channels.value()).containsExactly("instagram", "tiktok");
        assertThat(channels.source()).isEqualTo(Learned.Source.LEARNED);
        assertThat(channels.evidence().events()).isEqualTo(10);
        assertThat(channels.evidence().kinds()).containsExactly("blueprint_created");
        assertThat(channels.note()).contains("instagram in 10 of 10", "tiktok in 8 of 10");
        assertThat(channels.confidence()).isBetween(0.5, 1.0);
    }

    @Test
    void recentBehaviourOutweighsOlderBehaviourByTheHalfLife() {
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            signals.add(blueprint(120 + i, Goal.AWARENESS, Channel.FACEBOOK));
        }
        for (int i = 0; i < 3; i++) {
            signals.add(blueprint(1 + i, Goal.CONVERSION, Channel.PINTEREST));
        }

        LearnedPreferences learned = deriver.derive(signals, NOW);

        assertThat(learned.goal().value()).isEqualTo("conversion");
        assertThat(learned.channels().value()).containsExactly("pinterest");
        LearnedPreferences slowDecay = new PreferenceDeriver(LearningSettings.of(3650, 3, 300, 3650)).derive(signals, NOW);
        assertThat(slowDecay.goal().value()).as("with a ten-year half-life the older majority wins").isEqualTo("awareness");
    }

    @Test
    void aSignalTwoHalfLivesOldCountsAQuarter() {
        List<Signal> signals = List.of(
                studio(60, "product_photoshoot", Map.of("lighting", "dramatic")),
                studio(60, "product_photoshoot", Map.of("lighting", "dramatic")),
                studio(60, "product_photoshoot", Map.of("lighting", "dramatic")),
                studio(60, "product_photoshoot", Map.of("lighting", "dramatic")),
                studio(0, "product_photoshoot", Map.of("lighting", "soft")));

        Learned<Object> lighting = deriver.derive(signals, NOW).form(FormType.PRODUCT_PHOTOSHOOT).get("lighting");

        // four at a quarter each weigh exactly what one of today does; the tie goes to the first value seen
        assertThat(lighting.value()).isEqualTo("dramatic");
        assertThat(deriver.derive(signals.subList(1, 5), NOW).form(FormType.PRODUCT_PHOTOSHOOT).get("lighting").value())
                .isEqualTo("soft");
    }

    @Test
    void channelChangesCountForAndAgainstTheChannels() {
        List<Signal> signals = new ArrayList<>(List.of(
                blueprint(5, Goal.AWARENESS, Channel.INSTAGRAM, Channel.FACEBOOK),
                blueprint(4, Goal.AWARENESS, Channel.INSTAGRAM, Channel.FACEBOOK),
                blueprint(3, Goal.AWARENESS, Channel.INSTAGRAM, Channel.FACEBOOK)));
        for (int day = 1; day <= 3; day++) {
            signals.add(Signal.channelsReplanned(List.of(Channel.TIKTOK), List.of(Channel.FACEBOOK), at(day)));
        }

        Learned<List<String>> channels = deriver.derive(signals, NOW).channels();

        assertThat(channels.value()).containsExactly("instagram", "tiktok");
        assertThat(channels.evidence().kinds()).containsExactly("blueprint_created", "channels_replanned");
    }

    @Test
    void hashtagEditsTeachTheCountPerChannel() {
        List<Signal> signals = List.of(
                edit(1, Channel.LINKEDIN, new PromptEdit(List.of(), List.of(), 3, 1)),
                edit(2, Channel.LINKEDIN, new PromptEdit(List.of(), List.of(), 3, 0)),
                edit(3, Channel.LINKEDIN, new PromptEdit(List.of(), List.of(), 3, 1)),
                edit(4, Channel.LINKEDIN, new PromptEdit(List.of(), List.of(), 3, 1)),
                edit(1, Channel.INSTAGRAM, new PromptEdit(List.of(), List.of(), 5, 2)),
                edit(2, Channel.INSTAGRAM, new PromptEdit(List.of("Mention free shipping"), List.of(), 5, 5)));

        Map<String, Learned<Integer>> hashtags = deriver.derive(signals, NOW).hashtagsByChannel();

        assertThat(hashtags).containsOnlyKeys("linkedin");
        assertThat(hashtags.get("linkedin").value()).isEqualTo(1);
        assertThat(hashtags.get("linkedin").note()).isEqualTo("learned from 4 of your edits of linkedin prompts");
        assertThat(hashtags.get("linkedin").evidence().events()).isEqualTo(4);
    }

    @Test
    void phrasesAddedAgainAndAgainBecomeAPromptSlotAndPushBackCommentsCount() {
        List<Signal> signals = List.of(
                edit(1, Channel.INSTAGRAM, new PromptEdit(List.of("Mention free shipping"), List.of("Research: deep"), null, null)),
                edit(2, Channel.FACEBOOK, new PromptEdit(List.of("mention FREE shipping!"), List.of("Research: deep"), null, null)),
                edit(3, Channel.EMAIL, new PromptEdit(List.of("Use a playful tone"), List.of("Research: deep"), null, null)),
                Signal.pushedBack(Channel.INSTAGRAM, AssetType.IMAGE, "hero-detail", "Mention free shipping", at(4)));

        LearnedPreferences learned = deriver.derive(signals, NOW);

        assertThat(learned.promptPhrases().value()).containsExactly("Mention free shipping");
        assertThat(learned.promptPhrases().note()).isEqualTo("learned from 3 of your edits and push-backs");
        assertThat(learned.droppedPhrases().value()).containsExactly("Research: deep");
        assertThat(learned.droppedPhrases().note()).isEqualTo("learned from 3 of your edits that deleted it");
    }

    @Test
    void anglesTheUserRejectsAreAvoidedAndApprovedOnesPreferred() {
        List<Signal> signals = List.of(
                Signal.proposalRejected(Channel.INSTAGRAM, AssetType.IMAGE, "problem-solution", "too salesy", at(1)),
                Signal.alternateAngle(Channel.FACEBOOK, AssetType.IMAGE, "problem-solution", at(2)),
                Signal.proposalRejected(Channel.INSTAGRAM, AssetType.IMAGE, "problem-solution", null, at(3)),
                Signal.proposalsApproved(Channel.INSTAGRAM, AssetType.IMAGE, "lifestyle-moment", 2, at(1)),
                Signal.proposalsApproved(Channel.INSTAGRAM, AssetType.IMAGE, "lifestyle-moment", 1, at(2)),
                Signal.proposalsApproved(Channel.INSTAGRAM, AssetType.IMAGE, "lifestyle-moment", 1, at(3)),
                Signal.proposalsApproved(Channel.INSTAGRAM, AssetType.TEXT, "question", 5, at(3)));

        LearnedPreferences learned = deriver.derive(signals, NOW);

        assertThat(learned.avoidedAngles()).containsOnlyKeys("image");
        assertThat(learned.avoidedAngles().get("image").value()).containsExactly("problem-solution");
        assertThat(learned.avoidedAngles().get("image").evidence().kinds())
                .containsExactlyInAnyOrder("proposal_rejected", "alternate_angle");
        assertThat(learned.preferredAngles()).containsOnlyKeys("image");
        assertThat(learned.preferredAngles().get("image").value()).isEqualTo("lifestyle-moment");
        assertThat(learned.assetTypeUse()).containsKeys("image", "text");
    }

    @Test
    void studioSettingsAreLearnedPerFormAndField() {
        List<Signal> signals = List.of(
                studio(1, "product_photoshoot", Map.of("environment", "luxury", "lighting", "dramatic", "template_id", "image-luxury-dark")),
                studio(2, "product_photoshoot", Map.of("environment", "luxury", "lighting", "soft")),
                studio(3, "product_photoshoot", Map.of("environment", "outdoor", "lighting", "dramatic")),
                studio(4, "product_photoshoot", Map.of("environment", "luxury")),
                studio(4, "product_video", Map.of("video_type", "launch")));

        LearnedPreferences learned = deriver.derive(signals, NOW);

        Map<String, Learned<Object>> photoshoot = learned.form(FormType.PRODUCT_PHOTOSHOOT);
        assertThat(photoshoot.get("environment").value()).isEqualTo("luxury");
        assertThat(photoshoot.get("environment").note()).isEqualTo("learned from 3 of your 4 photoshoot submissions");
        assertThat(photoshoot.get("lighting").value()).isEqualTo("dramatic");
        assertThat(photoshoot).doesNotContainKey("template_id");
        assertThat(learned.form(FormType.PRODUCT_VIDEO)).isEmpty();
        assertThat(learned.templateUse()).containsOnlyKeys("image-luxury-dark");
    }

    @Test
    void metricImportsRankTheChannelsThatPerformed() {
        List<Signal> signals = List.of(
                Signal.metricsImported(Map.of(Channel.INSTAGRAM, 0.01, Channel.LINKEDIN, 0.03), Map.of(), at(1)),
                Signal.metricsImported(Map.of(Channel.INSTAGRAM, 0.012, Channel.LINKEDIN, 0.028), Map.of(), at(2)),
                Signal.metricsImported(Map.of(Channel.INSTAGRAM, 0.02), Map.of(), at(3)));

        assertThat(deriver.derive(signals, NOW).performingChannels().value()).containsExactly("linkedin", "instagram");
    }

    @Test
    void confidenceGrowsWithTheEvidence() {
        assertThat(deriver.confidence(1.0, 3)).isEqualTo(0.5);
        assertThat(deriver.confidence(1.0, 9)).isEqualTo(0.75);
        assertThat(deriver.confidence(0.5, 9)).isEqualTo(0.38);
    }

    private static Signal blueprint(int daysAgo, Goal goal, Channel... channels) {
        return Signal.blueprintCreated(List.of(channels), goal, at(daysAgo));
    }

    private static Signal edit(int daysAgo, Channel channel, PromptEdit edit) {
        return Signal.promptEdited(channel, AssetType.TEXT, edit, at(daysAgo));
    }

    private static Signal studio(int daysAgo, String form, Map<String, ?> settings) {
        return Signal.studioSettingsSubmitted(form, settings, at(daysAgo));
    }

    private static Instant at(int daysAgo) {
        return NOW.minus(Duration.ofDays(daysAgo));
    }
}
