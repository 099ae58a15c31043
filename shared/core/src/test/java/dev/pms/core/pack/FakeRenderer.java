package dev.pms.core.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.TextField;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.json.Json;

import java.util.Locale;
import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders like the offline provider: a PNG of the placement's canvas and copy within every field's limits. A
 * {@link Flaw} makes it break one rule on purpose, so that the pack's checks can be seen to fail.
 */
final class FakeRenderer implements MediaProvider {
    static final String SENTENCE = "Aurora lights your desk with warm even light for late work sessions. ";

    enum Flaw {
        NONE, IMAGE_ONE_PIXEL_NARROW, COPY_OVER_LIMIT, COPY_WITH_FORBIDDEN_PHRASE, TOO_MANY_HASHTAGS, PENDING
    }

    private final Flaw flaw;
    private final String forbiddenPhrase;
    private final List<GenerationRequest> requests = new ArrayList<>();

    FakeRenderer(Flaw flaw, String forbiddenPhrase) {
        this.flaw = flaw;
        this.forbiddenPhrase = forbiddenPhrase;
    }

    static FakeRenderer faithful() {
        return new FakeRenderer(Flaw.NONE, null);
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public boolean supports(AssetType type) {
        return type == AssetType.IMAGE || type == AssetType.TEXT;
    }

    @Override
    public ProviderJob submit(GenerationRequest request) {
        requests.add(request);
        if (flaw == Flaw.PENDING) {
            return new ProviderJob.Pending("handle-" + request.assetId(), Duration.ofSeconds(30));
        }
        if (request.assetType() == AssetType.IMAGE) {
            int width = request.placement().canvas().width() - (flaw == Flaw.IMAGE_ONE_PIXEL_NARROW ? 1 : 0);
            int height = request.placement().canvas().height();
            return completed(png(width, height), "image/png", null, width, height);
        }
        return completed(null, "application/json", copy(request), null, null);
    }

    @Override
    public ProviderJob poll(String handle) {
        throw new UnsupportedOperationException("the pack never polls");
    }

    List<GenerationRequest> requests() {
        return Collections.unmodifiableList(requests);
    }

    private static ProviderJob completed(byte[] bytes, String mime, String text, Integer width, Integer height) {
        return new ProviderJob.Completed(new GeneratedMedia(bytes, mime, text, width, height, null, "fake", "fake-1",
                null, null));
    }

    private static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0x1E, 0x3A, 0x5F));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.WHITE);
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String copy(GenerationRequest request) {
        Map<String, Object> fields = new LinkedHashMap<>();
        boolean first = true;
        for (TextField field : request.placement().textFields()) {
            String text = fitted(field);
            if (first) {
                text = flawed(text, field);
                first = false;
            }
            if (field.countMax() == null) {
                fields.put(field.name(), text);
            } else {
                int count = Math.max(1, field.countMin() == null ? 1 : field.countMin());
                fields.put(field.name(), Collections.nCopies(count, text));
            }
        }
        try {
            return Json.mapper().writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String flawed(String text, TextField field) {
        return switch (flaw) {
            case COPY_OVER_LIMIT -> field.maxChars() == null ? text : "x".repeat(field.maxChars() + 1);
            case COPY_WITH_FORBIDDEN_PHRASE -> "A " + forbiddenPhrase.toUpperCase(Locale.ROOT) + " lamp";
            case TOO_MANY_HASHTAGS -> "Light #a #b #c #d #e #f #g #h #i #j #k #l #m #n #o #p";
            default -> text;
        };
    }

    /** The sentence repeated up to 200 characters or the field's limit, cut back to a word boundary. */
    private static String fitted(TextField field) {
        int limit = Math.min(200, field.maxChars() == null ? 200 : field.maxChars());
        String text = SENTENCE.repeat(4);
        if (text.length() <= limit) {
            return text.trim();
        }
        int cut = text.lastIndexOf(' ', limit);
        return text.substring(0, cut > 0 ? cut : limit).trim();
    }
}
