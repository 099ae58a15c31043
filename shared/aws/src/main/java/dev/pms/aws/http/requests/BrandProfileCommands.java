package dev.pms.aws.http.requests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.aws.http.ApiRequest;
import dev.pms.aws.http.requests.InputChecker.FreeFormLimits;
import dev.pms.core.brand.BrandProfile;
import dev.pms.core.brand.PutBrandProfile;
import dev.pms.core.channel.Channel;
import dev.pms.core.common.Ids;
import dev.pms.core.json.Json;
import dev.pms.core.media.UploadService;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.pms.aws.http.requests.InputChecker.path;

/**
 * Reads a {@code PUT /brand-profile} body into its command: checked on the JSON tree, reporting every problem with its path, and only then
 * binds it. Channel codes and enum values are normalised ({@code x} becomes {@code twitter}, duplicates dropped).
 * The read-only {@code updated_at} of a profile sent back as it was read is ignored.
 */
public final class BrandProfileCommands {
    public static final int MAX_TEXT = 2_000;
    public static final int MAX_LABEL = 200;
    public static final int MAX_LIST = 50;
    public static final int MAX_COMPETITORS = 20;
    public static final int MAX_COLOURS = 12;
    public static final int MAX_PHRASES = 100;
    /** Upper bound of a whole profile's JSON text, so a stored profile stays well inside one table item. */
    public static final int MAX_PROFILE_JSON = 100_000;
    public static final List<String> COMPLEXITY = List.of("simple", "moderate", "advanced");
    public static final List<String> ENGAGEMENT_LEVEL = List.of("low", "medium", "high");
    public static final List<String> EXPERTISE_LEVEL = List.of("beginner", "intermediate", "expert");
    public static final List<String> RESEARCH_DEPTH = List.of("basic", "standard", "comprehensive");

    private static final FreeFormLimits PERSONA_DETAILS = new FreeFormLimits(3, 50, MAX_TEXT, 200);
    private static final String CHANNEL_CODES = Arrays.stream(Channel.values()).map(Channel::code)
            .collect(Collectors.joining(", ")) + " (x = twitter)";

    private BrandProfileCommands() {
    }

    /** @throws dev.pms.core.error.ValidationException listing every problem of the body */
    public static PutBrandProfile put(ApiRequest request) {
        return put(request.jsonObjectBody());
    }

    static PutBrandProfile put(JsonNode body) {
        InputChecker check = new InputChecker();
        if (!check.object(body, "body", true)) {
            check.throwIfProblems("brand profile");
        }
        check.rejectUnknownKeys(body, "", Set.of("website_analysis", "persona_data", "research_preferences",
                "competitor_analyses", "color_palette", "vocabulary", "forbidden_phrases", "version", "updated_at"));
        check.maxJsonLength(body, "body", MAX_PROFILE_JSON);
        ObjectNode normalized = body.deepCopy();
        normalized.remove(List.of("version", "updated_at"));
        Long version = check.integer(body.get("version"), "version", 0, Long.MAX_VALUE, false);

        websiteAnalysis(check, body.get("website_analysis"), normalized);
        personaData(check, body.get("persona_data"), normalized);
        researchPreferences(check, body.get("research_preferences"), normalized);
        check.list(body.get("competitor_analyses"), "competitor_analyses", MAX_COMPETITORS, (item, itemPath) -> {
            if (check.object(item, itemPath, true)) {
                check.rejectUnknownKeys(item, itemPath, Set.of("competitor_url", "analysis_data"));
                check.httpUrl(item.get("competitor_url"), path(itemPath, "competitor_url"));
                freeFormObject(check, item.get("analysis_data"), path(itemPath, "analysis_data"), FreeFormLimits.DOCUMENT);
            }
            return item;
        });
        check.list(body.get("color_palette"), "color_palette", MAX_COLOURS, check::hexColour);
        if (check.object(body.get("vocabulary"), "vocabulary", false)) {
            JsonNode vocabulary = body.get("vocabulary");
            check.rejectUnknownKeys(vocabulary, "vocabulary", Set.of("preferred", "avoid"));
            check.stringList(vocabulary.get("preferred"), "vocabulary.preferred", MAX_PHRASES, MAX_LABEL);
            check.stringList(vocabulary.get("avoid"), "vocabulary.avoid", MAX_PHRASES, MAX_LABEL);
        }
        check.stringList(body.get("forbidden_phrases"), "forbidden_phrases", MAX_PHRASES, MAX_LABEL);
        check.throwIfProblems("brand profile");
        try {
            return new PutBrandProfile(Json.mapper().treeToValue(normalized, BrandProfile.class), version);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a checked brand profile did not bind: " + e.getOriginalMessage(), e);
        }
    }

    private static void websiteAnalysis(InputChecker check, JsonNode node, ObjectNode normalized) {
        String at = "website_analysis";
        if (!check.object(node, at, false)) {
            return;
        }
        ObjectNode normalizedAnalysis = (ObjectNode) normalized.get(at);
        check.rejectUnknownKeys(node, at, Set.of("website_url", "writing_style", "target_audience", "brand_analysis",
                "style_guidelines", "content_type"));
        check.httpUrl(node.get("website_url"), path(at, "website_url"));
        String style = path(at, "writing_style");
        JsonNode writingStyle = node.get("writing_style");
        if (check.object(writingStyle, style, false)) {
            check.rejectUnknownKeys(writingStyle, style, Set.of("tone", "voice", "complexity", "engagement_level"));
            check.string(writingStyle.get("tone"), path(style, "tone"), MAX_TEXT, false);
            check.string(writingStyle.get("voice"), path(style, "voice"), MAX_TEXT, false);
            ObjectNode normalizedStyle = (ObjectNode) normalizedAnalysis.get("writing_style");
            putIfPresent(normalizedStyle, "complexity",
                    check.oneOf(writingStyle.get("complexity"), path(style, "complexity"), COMPLEXITY, false));
            putIfPresent(normalizedStyle, "engagement_level",
                    check.oneOf(writingStyle.get("engagement_level"), path(style, "engagement_level"), ENGAGEMENT_LEVEL, false));
        }
        String audience = path(at, "target_audience");
        JsonNode targetAudience = node.get("target_audience");
        if (check.object(targetAudience, audience, false)) {
            check.rejectUnknownKeys(targetAudience, audience, Set.of("demographics", "industry_focus", "expertise_level"));
            check.stringList(targetAudience.get("demographics"), path(audience, "demographics"), MAX_LIST, MAX_LABEL);
            check.string(targetAudience.get("industry_focus"), path(audience, "industry_focus"), MAX_LABEL, false);
            putIfPresent((ObjectNode) normalizedAnalysis.get("target_audience"), "expertise_level",
                    check.oneOf(targetAudience.get("expertise_level"), path(audience, "expertise_level"), EXPERTISE_LEVEL, false));
        }
        freeFormObject(check, node.get("brand_analysis"), path(at, "brand_analysis"), FreeFormLimits.DOCUMENT);
        freeFormObject(check, node.get("style_guidelines"), path(at, "style_guidelines"), FreeFormLimits.DOCUMENT);
        check.string(node.get("content_type"), path(at, "content_type"), MAX_LABEL, false);
    }

    private static void personaData(InputChecker check, JsonNode node, ObjectNode normalized) {
        String at = "persona_data";
        if (!check.object(node, at, false)) {
            return;
        }
        check.rejectUnknownKeys(node, at, Set.of("core_persona", "platform_personas", "selected_platforms"));
        ObjectNode normalizedPersona = (ObjectNode) normalized.get(at);
        String core = path(at, "core_persona");
        JsonNode corePersona = node.get("core_persona");
        if (check.object(corePersona, core, false)) {
            check.rejectUnknownKeys(corePersona, core, Set.of("persona_name", "archetype", "core_belief", "linguistic_fingerprint",
                    "avatar_upload_id"));
            check.displayName(corePersona.get("persona_name"), path(core, "persona_name"), MAX_LABEL, false);
            check.string(corePersona.get("archetype"), path(core, "archetype"), MAX_LABEL, false);
            check.string(corePersona.get("core_belief"), path(core, "core_belief"), MAX_TEXT, false);
            check.string(corePersona.get("linguistic_fingerprint"), path(core, "linguistic_fingerprint"), MAX_TEXT, false);
            String avatar = check.string(corePersona.get("avatar_upload_id"), path(core, "avatar_upload_id"),
                    Ids.MAX_LENGTH, false);
            if (avatar != null && !UploadService.isUploadId(avatar)) {
                check.add(path(core, "avatar_upload_id"), "must be the id of an image you uploaded");
            }
        }
        String personas = path(at, "platform_personas");
        JsonNode platformPersonas = node.get("platform_personas");
        if (check.object(platformPersonas, personas, false)) {
            ObjectNode byChannel = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = platformPersonas.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String entryPath = path(personas, field.getKey());
                Channel channel = Channel.parse(field.getKey()).orElse(null);
                if (channel == null) {
                    check.add(entryPath, "is not a channel: keys must be one of " + CHANNEL_CODES);
                } else if (byChannel.has(channel.code())) {
                    check.add(entryPath, "repeats the persona of " + channel.code());
                } else if (freeFormObject(check, field.getValue(), entryPath, PERSONA_DETAILS)) {
                    byChannel.set(channel.code(), field.getValue());
                }
            }
            normalizedPersona.set("platform_personas", byChannel);
        }
        List<Channel> selected = check.list(node.get("selected_platforms"), path(at, "selected_platforms"), Channel.values().length,
                (item, itemPath) -> check.code(item, itemPath, v -> Channel.parse(v).orElse(null), "one of " + CHANNEL_CODES, true));
        if (selected != null) {
            var codes = normalizedPersona.putArray("selected_platforms");
            new LinkedHashSet<>(selected).forEach(channel -> codes.add(channel.code()));
        }
    }

    private static void researchPreferences(InputChecker check, JsonNode node, ObjectNode normalized) {
        String at = "research_preferences";
        if (!check.object(node, at, false)) {
            return;
        }
        check.rejectUnknownKeys(node, at, Set.of("research_depth", "content_types", "auto_research", "factual_content"));
        putIfPresent((ObjectNode) normalized.get(at), "research_depth",
                check.oneOf(node.get("research_depth"), path(at, "research_depth"), RESEARCH_DEPTH, false));
        check.stringList(node.get("content_types"), path(at, "content_types"), MAX_LIST, MAX_LABEL);
        check.bool(node.get("auto_research"), path(at, "auto_research"));
        check.bool(node.get("factual_content"), path(at, "factual_content"));
    }

    private static void putIfPresent(ObjectNode target, String field, String value) {
        if (value != null) {
            target.put(field, value);
        }
    }

    private static boolean freeFormObject(InputChecker check, JsonNode node, String path, FreeFormLimits limits) {
        if (!check.object(node, path, false)) {
            return false;
        }
        check.freeForm(node, path, limits);
        return true;
    }
}
