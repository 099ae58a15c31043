package dev.pms.journeys.demo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.core.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.NoSuchFileException;

/**
 * What the demo launches: the {@code create-blueprint} body ({@code campaign_name}, {@code goal}, {@code channels},
 * {@code product_context}, anything else passed on as it is) and an optional {@code brand_profile} for
 * {@code PUT /brand-profile}.
 *
 * @param source       where the brief came from, for messages
 * @param blueprint    the {@code create-blueprint} request body
 * @param brandProfile the {@code brand-profile} body, or null when the brief has none
 */
public record DemoBrief(String source, ObjectNode blueprint, ObjectNode brandProfile) {

    static final String DEFAULT_RESOURCE = "/dev/pms/journeys/demo/default-brief.json";

    /** A brief that cannot be used; the message says what is wrong with it and where. */
    public static final class InvalidBriefException extends RuntimeException {
        InvalidBriefException(String message) {
            super(message);
        }
    }

    /** The built-in "Acme Notes" launch on Instagram, LinkedIn and email. */
    public static DemoBrief defaultBrief() {
        try (InputStream in = DemoBrief.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return parse("the built-in brief", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DemoBrief read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidBriefException("cannot read the brief " + file + ": "
                    + (e instanceof NoSuchFileException ? "no such file" : e.toString()));
        }
        return parse(file.toString(), text);
    }

    public static DemoBrief parse(String source, String text) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidBriefException("the brief " + source + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidBriefException("the brief " + source + " must be a JSON object with campaign_name, goal, "
                    + "channels and product_context");
        }
        List<String> problems = new ArrayList<>();
        requireText(root, "campaign_name", "campaign_name", problems);
        requireText(root, "goal", "goal", problems);
        JsonNode channels = root.get("channels");
        if (channels == null || !channels.isArray() || channels.isEmpty()) {
            problems.add("channels: a non-empty list of channel names is required, e.g. [\"linkedin\", \"email\"]");
        } else {
            for (int index = 0; index < channels.size(); index++) {
                if (!channels.get(index).isTextual() || channels.get(index).asText().isBlank()) {
                    problems.add("channels[" + index + "]: must be a channel name, not " + channels.get(index));
                }
            }
        }
        JsonNode product = root.get("product_context");
        if (product == null || !product.isObject()) {
            problems.add("product_context: an object with product_name and product_description is required");
        } else {
            requireText(product, "product_name", "product_context.product_name", problems);
            requireText(product, "product_description", "product_context.product_description", problems);
        }
        JsonNode brandProfile = root.get("brand_profile");
        if (brandProfile != null && !brandProfile.isNull() && !brandProfile.isObject()) {
            problems.add("brand_profile: must be an object (the PUT /brand-profile body) when given");
        }
        if (!problems.isEmpty()) {
            throw new InvalidBriefException("the brief " + source + " cannot be used:\n  - "
                    + String.join("\n  - ", problems));
        }
        ObjectNode blueprint = ((ObjectNode) root).deepCopy();
        blueprint.remove("brand_profile");
        return new DemoBrief(source, blueprint,
                brandProfile != null && brandProfile.isObject() ? (ObjectNode) brandProfile : null);
    }

    private static void requireText(JsonNode object, String name, String path, List<String> problems) {
        JsonNode value = object.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(path + ": " + (value == null || value.isNull() ? "is required" : "must be non-empty text"));
        }
    }

    public String campaignName() {
        return blueprint.get("campaign_name").asText();
    }

    public List<String> channels() {
        List<String> channels = new ArrayList<>();
        blueprint.get("channels").forEach(channel -> channels.add(channel.asText()));
        return channels;
    }
}
