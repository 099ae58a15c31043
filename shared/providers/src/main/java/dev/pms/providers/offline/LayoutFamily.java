package dev.pms.providers.offline;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The template families of the creative engine and which of them suit a placement's shape and a campaign phase. */
enum LayoutFamily {
    HERO("hero", "a bold headline centred on a brand-colour field"),
    SPLIT("split", "a split layout, one side brand colour, the other the message"),
    STAT("stat", "a big figure with its claim"),
    QUOTE("quote", "a pull quote on a light brand tint"),
    FEATURE_LIST("feature_list", "a headline band over a checked list of what the product does"),
    OFFER("offer", "an offer badge over a brand-colour field");

    private static final Map<String, List<LayoutFamily>> BY_PHASE = Map.of(
            "teaser", List.of(HERO, QUOTE, STAT, SPLIT, OFFER),
            "launch", List.of(HERO, SPLIT, OFFER, FEATURE_LIST, STAT, QUOTE),
            "nurture", List.of(QUOTE, FEATURE_LIST, STAT, SPLIT),
            "consideration", List.of(FEATURE_LIST, SPLIT, QUOTE, STAT),
            "conversion", List.of(OFFER, SPLIT, FEATURE_LIST, HERO),
            "retargeting", List.of(OFFER, QUOTE, SPLIT, STAT));
    /** Below this many pixels on its shorter side, a safe area only takes the plain hero. */
    private static final int SMALL_PX = 200;

    final String code;
    final String description;

    LayoutFamily(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /**
     * The family for one asset: among those that suit the phase and the text area's shape, the one the asset id
     * hashes to, so a campaign's images differ from each other and each always gets the same one.
     */
    static LayoutFamily choose(String assetId, String phase, Rectangle textArea) {
        if (Math.min(textArea.width, textArea.height) < SMALL_PX) {
            return HERO;
        }
        List<LayoutFamily> candidates = new ArrayList<>(BY_PHASE.getOrDefault(phase, List.of(values())));
        if (textArea.width > textArea.height * 2.2) {
            candidates.remove(FEATURE_LIST);
        }
        return candidates.get((int) Math.floorMod(OfflineSeed.hash(String.valueOf(assetId)), (long) candidates.size()));
    }
}
