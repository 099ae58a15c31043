package dev.pms.core.generation;

import dev.pms.core.brand.BrandDna;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.Phase;
import dev.pms.core.channel.AssetType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The copy brief of one asset, from the campaign (product context, goal, KPI, phases, asset graph) and the caller's
 * Brand DNA. Product context keys read: {@code product_name}, {@code product_description}, {@code key_benefits} (or
 * {@code benefits}, {@code features}, {@code key_features}; a list or a comma/semicolon separated string),
 * {@code target_audience}, {@code offer}, {@code cta}.
 */
public final class CopyBriefs {
    private static final List<String> BENEFIT_KEYS = List.of("key_benefits", "benefits", "features", "key_features");

    private CopyBriefs() {
    }

    public static CopyBrief of(Campaign campaign, String assetId, BrandDna dna) {
        Map<String, Object> context = campaign.productContext();
        List<AssetNode> nodes = campaign.assetNodes();
        AssetNode node = nodes.stream().filter(n -> n.assetId().equals(assetId)).findFirst().orElse(null);
        List<AssetNode> textNodes = nodes.stream().filter(n -> n.assetType() == AssetType.TEXT).toList();
        int textIndex = node == null ? 0 : Math.max(0, textNodes.indexOf(node));
        int placementIndex = node == null ? 0 : (int) nodes.stream()
                .takeWhile(n -> n != node)
                .filter(n -> Objects.equals(n.placement(), node.placement()))
                .count();
        String phaseName = node == null ? "" : Objects.toString(node.phase(), "");
        int phaseIndex = -1;
        String phasePurpose = "";
        for (int i = 0; i < campaign.phases().size(); i++) {
            Phase phase = campaign.phases().get(i);
            if (phase.name().equalsIgnoreCase(phaseName)) {
                phaseIndex = i;
                phasePurpose = phase.purpose();
            }
        }
        String audience = text(context.get("target_audience"));
        if (audience.isEmpty() && dna.targetAudience() != null && dna.targetAudience().demographics() != null) {
            audience = String.join(" and ", dna.targetAudience().demographics());
        }
        BrandDna.Vocabulary vocabulary = dna.vocabulary();
        return new CopyBrief(
                text(context.get("product_name")),
                text(context.get("product_description")),
                benefits(context),
                audience,
                text(context.get("offer")),
                campaign.kpi(),
                text(context.get("cta")),
                campaign.goal(),
                phaseName,
                phasePurpose,
                CopyFormula.forPhase(campaign.goal(), phaseIndex),
                dna.writingStyle() == null ? "" : dna.writingStyle().tone(),
                dna.writingStyle() == null ? "" : dna.writingStyle().voice(),
                vocabulary == null ? List.of() : vocabulary.preferred(),
                vocabulary == null ? List.of() : vocabulary.avoid(),
                dna.competitivePositioning() == null ? List.of() : dna.competitivePositioning().differentiators(),
                dna.persona() == null ? "" : dna.persona().coreBelief(),
                textIndex,
                textNodes.size(),
                placementIndex);
    }

    private static List<String> benefits(Map<String, Object> context) {
        for (String key : BENEFIT_KEYS) {
            List<String> found = list(context.get(key));
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> list(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            items.forEach(item -> result.add(text(item)));
        } else if (value != null) {
            for (String part : text(value).split("[;,\\n]")) {
                result.add(part.strip());
            }
        }
        return result.stream().filter(s -> !s.isEmpty()).toList();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip().replaceAll("\\s+", " ");
    }
}
