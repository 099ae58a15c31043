package dev.pms.core.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.channel.Canvas;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.TextField;
import dev.pms.core.json.Json;
import dev.pms.core.prompt.ForbiddenPhrases;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The hard checks of rendered deliverables against their catalogue placement. */
final class DeliverableChecks {
    static final String RENDER = "render";
    static final String PNG_FORMAT = "png_format";
    static final String CANVAS_SIZE = "canvas_size";
    static final String COPY_JSON = "copy_json";
    static final String FIELD_PRESENT = "field_present";
    static final String MAX_CHARS = "max_chars";
    static final String VALUE_COUNT = "value_count";
    static final String HASHTAGS = "hashtags";
    static final String FORBIDDEN_PHRASE = "forbidden_phrase";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])#[\\p{L}\\p{N}_]+");

    private DeliverableChecks() {
    }

    /** What was measured of an image and how it fared; the size is absent when the image could not be decoded. */
    record ImageResult(Integer width, Integer height, List<PackCheck> checks) {
    }

    /** How a copy file fared, with the visible-characters preview of each field that has such a limit. */
    record CopyResult(List<PackCheck> checks, Map<String, String> visiblePreviews) {
    }

    static ImageResult image(byte[] bytes, Placement placement) {
        List<PackCheck> checks = new ArrayList<>();
        boolean png = bytes.length >= PNG_SIGNATURE.length
                && Arrays.equals(Arrays.copyOf(bytes, PNG_SIGNATURE.length), PNG_SIGNATURE);
        checks.add(png ? PackCheck.passed(PNG_FORMAT, "PNG signature present")
                : PackCheck.failed(PNG_FORMAT, "the file is not a PNG"));
        BufferedImage decoded = decode(bytes);
        Canvas canvas = placement.canvas();
        if (decoded == null) {
            checks.add(PackCheck.failed(CANVAS_SIZE, "the image could not be decoded; expected "
                    + canvas.dimensions()));
            return new ImageResult(null, null, checks);
        }
        int width = decoded.getWidth();
        int height = decoded.getHeight();
        boolean exact = width == canvas.width() && height == canvas.height();
        checks.add(new PackCheck(CANVAS_SIZE, exact, width + "x" + height
                + (exact ? " is the placement canvas" : ", the placement needs exactly " + canvas.dimensions()), null));
        return new ImageResult(width, height, checks);
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static CopyResult copy(String textContent, Placement placement, ForbiddenPhrases forbidden) {
        List<PackCheck> checks = new ArrayList<>();
        Map<String, String> previews = new LinkedHashMap<>();
        JsonNode copy = parse(textContent);
        if (copy == null || !copy.isObject()) {
            checks.add(PackCheck.failed(COPY_JSON, "the copy is not a JSON object of field → value"));
            return new CopyResult(checks, previews);
        }
        checks.add(PackCheck.passed(COPY_JSON, "a JSON object of field → value"));
        int hashtags = 0;
        for (TextField field : placement.textFields()) {
            JsonNode value = copy.get(field.name());
            List<String> values = values(value);
            if (values == null) {
                checks.add(PackCheck.ofField(FIELD_PRESENT, false, field.name(),
                        "missing, or not " + (field.countMax() == null ? "a string" : "a list of strings")));
                continue;
            }
            if (field.countMax() != null || field.countMin() != null) {
                checks.add(count(field, values.size()));
            }
            for (int i = 0; i < values.size(); i++) {
                String text = values.get(i);
                String path = values.size() == 1 && !value.isArray() ? field.name() : field.name() + "[" + i + "]";
                if (field.maxChars() != null) {
                    int length = text.codePointCount(0, text.length());
                    checks.add(PackCheck.ofField(MAX_CHARS, length <= field.maxChars(), path,
                            length + " of at most " + field.maxChars() + " characters"));
                }
                List<String> found = forbidden.foundIn(text);
                checks.add(PackCheck.ofField(FORBIDDEN_PHRASE, found.isEmpty(), path, found.isEmpty()
                        ? "no forbidden phrase" : "contains the brand's forbidden phrase" + (found.size() == 1 ? " " : "s ")
                        + String.join(", ", found.stream().map(p -> "'" + p + "'").toList())));
                if (field.visibleChars() != null) {
                    previews.put(path, visiblePart(text, field.visibleChars()));
                }
                hashtags += countHashtags(text);
            }
        }
        if (placement.hashtags() != null) {
            int cap = placement.hashtags().max();
            checks.add(new PackCheck(HASHTAGS, hashtags <= cap, hashtags + " hashtags of at most " + cap, null));
        }
        return new CopyResult(checks, previews);
    }

    private static JsonNode parse(String textContent) {
        if (textContent == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(textContent);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The field's strings: one for a string, each item for a list of strings; null when it is neither. */
    private static List<String> values(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return List.of(value.textValue());
        }
        if (!value.isArray()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                return null;
            }
            values.add(item.textValue());
        }
        return values;
    }

    private static PackCheck count(TextField field, int count) {
        int min = field.countMin() == null ? 0 : field.countMin();
        boolean within = count >= min && (field.countMax() == null || count <= field.countMax());
        String range = field.countMax() == null ? "at least " + min : min + " to " + field.countMax();
        return PackCheck.ofField(VALUE_COUNT, within, field.name(), count + " values, " + range + " allowed");
    }

    private static int countHashtags(String text) {
        Matcher matcher = HASHTAG.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** The first {@code visibleChars} characters (code points), which is what the feed shows before "more". */
    static String visiblePart(String text, int visibleChars) {
        int length = text.codePointCount(0, text.length());
        return length <= visibleChars ? text : text.substring(0, text.offsetByCodePoints(0, visibleChars));
    }
}
