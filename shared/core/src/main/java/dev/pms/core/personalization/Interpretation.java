package dev.pms.core.personalization;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a short request ("iPhone case for my store") itself says: only what the words support, each with how sure
 * the reading is; everything else is left for the learned preferences, the Brand DNA and the template to fill.
 *
 * @param engine             {@code offline_parser} or {@code text_provider}
 * @param productName        the product as the user named it, null when the request names none
 * @param productDescription a description the request itself gives, null when it gives none
 * @param additionalContext  the rest of the request (where the asset is for, what to add), null when nothing
 * @param assetType          image, video, animation or avatar; null when the request does not say
 * @param stated             form field → the value the request asks for
 * @param brandColors        colours the request names (hex codes), empty when none
 * @param channels           channel codes the request mentions (where the asset will be used)
 */
public record Interpretation(String engine, String productName, String productDescription, String additionalContext,
                             String assetType, Map<String, Stated> stated, List<String> brandColors,
                             List<String> channels) {

    public Interpretation {
        stated = Collections.unmodifiableMap(new LinkedHashMap<>(stated));
        brandColors = List.copyOf(brandColors);
        channels = List.copyOf(channels);
    }

    /**
     * One field the request supports.
     *
     * @param confidence how sure the reading is (0.9 for a word that names the value, less for a cue that implies it)
     * @param cue        the words it was read from
     */
    public record Stated(Object value, double confidence, String cue) {
    }
}
