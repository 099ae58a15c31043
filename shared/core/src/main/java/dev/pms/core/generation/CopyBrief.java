package dev.pms.core.generation;

import dev.pms.core.campaign.Goal;

import java.util.List;

/**
 * The facts a copywriter writes one text asset from: the brief's product facts, the campaign's goal, KPI and phase,
 * the Brand DNA's voice and vocabulary, and where this asset sits among the campaign's text assets. Assets are written
 * independently, so the positions are what keeps the copy of one campaign from repeating itself.
 *
 * @param benefits          the product's benefits or key features, as short phrases
 * @param audience          who the copy speaks to, e.g. "weekend hikers and trail runners"
 * @param offer             the campaign's offer, e.g. "your next bag half price"; empty when there is none
 * @param callToAction      the brief's own call to action; empty when the copywriter picks one for the channel
 * @param phasePurpose      what the phase is for, from the campaign plan
 * @param brandLine         the brand's one-line belief, the one sentence allowed in every asset
 * @param textAssetIndex    0-based position of this asset among the campaign's text assets
 * @param textAssetCount    how many text assets the campaign has
 * @param placementIndex    0-based position of this asset among the campaign's assets of the same placement (email 1, 2, 3)
 */
public record CopyBrief(
        String productName,
        String productDescription,
        List<String> benefits,
        String audience,
        String offer,
        String kpi,
        String callToAction,
        Goal goal,
        String phase,
        String phasePurpose,
        CopyFormula formula,
        String tone,
        String voice,
        List<String> preferredWords,
        List<String> avoidedWords,
        List<String> differentiators,
        String brandLine,
        int textAssetIndex,
        int textAssetCount,
        int placementIndex) {

    public CopyBrief {
        productName = text(productName);
        productDescription = text(productDescription);
        benefits = strings(benefits);
        audience = text(audience);
        offer = text(offer);
        kpi = text(kpi);
        callToAction = text(callToAction);
        phase = text(phase);
        phasePurpose = text(phasePurpose);
        formula = formula == null ? CopyFormula.AIDA : formula;
        tone = text(tone);
        voice = text(voice);
        preferredWords = strings(preferredWords);
        avoidedWords = strings(avoidedWords);
        differentiators = strings(differentiators);
        brandLine = text(brandLine);
        textAssetIndex = Math.max(0, textAssetIndex);
        textAssetCount = Math.max(textAssetIndex + 1, textAssetCount);
        placementIndex = Math.max(0, placementIndex);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ");
    }

    private static List<String> strings(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(CopyBrief::text).distinct().toList();
    }
}
