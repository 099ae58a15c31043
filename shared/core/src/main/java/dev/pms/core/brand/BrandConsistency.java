package dev.pms.core.brand;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The brand-consistency score of a text asset: its copy against the statements of the caller's Brand DNA — the
 * writing style and persona (voice), the preferred vocabulary, the differentiators, value propositions, brand values
 * and positioning.
 */
public final class BrandConsistency {
    /** The details key the score is stored under on a text asset. */
    public static final String DETAILS_KEY = "brand_consistency";

    private final BrandProfileRepository profiles;
    private final BrandDnaDeriver deriver;
    private final BrandConsistencyScorer scorer;

    public BrandConsistency(BrandProfileRepository profiles, ChannelCatalog catalog, BrandConsistencyScorer scorer) {
        this.profiles = profiles;
        this.deriver = new BrandDnaDeriver(catalog);
        this.scorer = scorer;
    }

    /** Empty when nothing could be scored (no scorer, no copy, no brand statements). */
    public OptionalDouble score(String userId, String copy) {
        return nothingToScore(copy) ? OptionalDouble.empty() : score(profiles.find(userId), copy);
    }

    /** {@link #score(String, String)} against a brand profile the caller has already read. */
    public OptionalDouble score(Optional<StoredBrandProfile> profile, String copy) {
        if (nothingToScore(copy)) {
            return OptionalDouble.empty();
        }
        List<String> statements = statements(deriver.derive(profile));
        double score = scorer.score(readableCopy(copy), statements);
        return Double.isNaN(score) ? OptionalDouble.empty() : OptionalDouble.of(Math.round(score * 1000) / 1000.0);
    }

    private boolean nothingToScore(String copy) {
        return scorer == BrandConsistencyScorer.NONE || copy == null || copy.isBlank();
    }

    /** A text asset's copy as its sentences: the values of a JSON copy document, each field on its own line. */
    static String readableCopy(String copy) {
        if (!copy.stripLeading().startsWith("{")) {
            return copy;
        }
        try {
            StringBuilder text = new StringBuilder();
            collectText(Json.mapper().readTree(copy), text);
            return text.toString();
        } catch (JsonProcessingException e) {
            return copy;
        }
    }

    private static void collectText(JsonNode node, StringBuilder text) {
        if (node.isTextual()) {
            text.append(node.asText()).append('\n');
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectText(child, text));
        }
    }

    /** The Brand DNA as short sentences a copy can be compared with. */
    static List<String> statements(BrandDna dna) {
        List<String> statements = new ArrayList<>();
        BrandDna.WritingStyle style = dna.writingStyle();
        if (style != null) {
            add(statements, join("A", style.tone(), style.voice(), "voice"));
        }
        BrandDna.Persona persona = dna.persona();
        if (persona != null) {
            add(statements, persona.coreBelief());
            add(statements, persona.linguisticFingerprint());
        }
        if (dna.vocabulary() != null && dna.vocabulary().preferred() != null) {
            dna.vocabulary().preferred().forEach(word -> add(statements, word));
        }
        BrandDna.CompetitivePositioning positioning = dna.competitivePositioning();
        if (positioning != null) {
            if (positioning.differentiators() != null) {
                positioning.differentiators().forEach(item -> add(statements, item));
            }
            if (positioning.uniqueValueProps() != null) {
                positioning.uniqueValueProps().forEach(item -> add(statements, item));
            }
            add(statements, positioning.marketPosition());
        }
        BrandDna.VisualIdentity identity = dna.visualIdentity();
        if (identity != null) {
            if (identity.brandValues() != null) {
                identity.brandValues().forEach(value -> add(statements, value));
            }
            add(statements, identity.positioning());
        }
        return statements;
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part.strip());
            }
        }
        return present.size() <= 2 ? "" : String.join(" ", present);
    }

    private static void add(List<String> statements, String statement) {
        if (statement != null && !statement.isBlank() && !statements.contains(statement.strip())) {
            statements.add(statement.strip());
        }
    }
}
