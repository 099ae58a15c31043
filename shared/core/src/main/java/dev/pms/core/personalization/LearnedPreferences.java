package dev.pms.core.personalization;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was learned from one user's signals; a preference that has too few events behind it is absent (null, or no
 * entry), so its Brand DNA default holds.
 *
 * @param channels           the channels the user plans campaigns on, most used first
 * @param goal               the goal the user usually picks
 * @param hashtagsByChannel  channel code → how many hashtags the user keeps after editing prompts
 * @param promptPhrases      phrases the user keeps adding to prompts (or asks for in push-backs)
 * @param droppedPhrases     phrases the user keeps deleting from prompts
 * @param avoidedAngles      asset type code → hook angles the user rejects or asks to replace
 * @param preferredAngles    asset type code → the hook angle the user approves most
 * @param formSettings       studio form → field → the value the user usually submits
 * @param performingChannels channels best first by click-through rate in the user's imported metrics
 * @param templateUse        studio template id → decayed number of submissions made from it
 * @param assetTypeUse       asset type code → decayed number of studio submissions and approvals of that type
 */
public record LearnedPreferences(
        Learned<List<String>> channels,
        Learned<String> goal,
        Map<String, Learned<Integer>> hashtagsByChannel,
        Learned<List<String>> promptPhrases,
        Learned<List<String>> droppedPhrases,
        Map<String, Learned<List<String>>> avoidedAngles,
        Map<String, Learned<String>> preferredAngles,
        Map<FormType, Map<String, Learned<Object>>> formSettings,
        Learned<List<String>> performingChannels,
        Map<String, Double> templateUse,
        Map<String, Double> assetTypeUse,
        History history) {

    public static final LearnedPreferences NONE = new LearnedPreferences(null, null, Map.of(), null, null, Map.of(),
            Map.of(), Map.of(), null, Map.of(), Map.of(), History.EMPTY);

    public LearnedPreferences {
        hashtagsByChannel = ordered(hashtagsByChannel);
        avoidedAngles = ordered(avoidedAngles);
        preferredAngles = ordered(preferredAngles);
        formSettings = ordered(formSettings);
        templateUse = ordered(templateUse);
        assetTypeUse = ordered(assetTypeUse);
    }

    private static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public Map<String, Learned<Object>> form(FormType form) {
        return formSettings.getOrDefault(form, Map.of());
    }

    /**
     * The events read: how many, of which kinds, and the time span.
     *
     * @param byKind kind code → number of events
     */
    public record History(int events, Map<String, Integer> byKind, Instant oldest, Instant newest) {
        public static final History EMPTY = new History(0, Map.of(), null, null);

        public History {
            byKind = ordered(byKind);
        }
    }
}
